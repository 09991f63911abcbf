from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Agenda")

    def ready(self):
        # What this app adds to the site's pages (torino_portal/contributions.py).
        from torino_portal import contributions, menu

        from . import home

        menu.register("agenda", _("Agenda"), "events:index")
        contributions.register(
            "home", "events/_home.html", context=home.home_context, order=10, kept=True
        )
