from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("Strategic Plans")

    def ready(self):
        # What this app adds to the site's pages (torino_portal/contributions.py).
        from torino_portal import contributions, menu

        from . import home

        menu.register("plan-2", _("Strategic Plan 2"), "plans:plan", number=2)
        menu.register("plan-1", _("Strategic Plan 1"), "plans:plan", number=1)
        contributions.register(
            "home", "plans/_home.html", context=home.home_context, order=0, kept=True
        )
