from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "press"
    verbose_name = _("Press Review")

    def ready(self):
        # What this app adds to the site's pages (torino_portal/contributions.py).
        from torino_portal import contributions, menu

        from . import home

        menu.register("tamtam", _("Tamtam"), "tamtam:index")
        menu.register("publications", _("Publications"), "publications:index")
        menu.register("press", _("Press Review"), "press:index")
        contributions.register(
            "home", "press/_home.html", context=home.home_context, order=30, kept=True
        )
