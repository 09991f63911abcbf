from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommissionsConfig(AppConfig):
    name = "commissions"
    verbose_name = _("Commissions")

    def ready(self):
        # The Agenda may not import this app, yet a meeting of a draft commission must not
        # show there: tell it the condition (see `events.models.public_when`).
        from events.models import public_when
        from torino_portal import contributions, menu

        from . import home
        from .models import meeting_is_public

        public_when(meeting_is_public)
        # What this app adds to other apps' pages (torino_portal/contributions.py): plans and
        # events may not name it, so it fills the slots they leave.
        menu.register_under("plan-2", "commissions:index")
        contributions.register(
            "home", "commissions/_home.html", context=home.home_context, order=20, kept=True
        )
        contributions.register("event_detail", "commissions/_event_meeting.html")
        contributions.register("direction", "commissions/_direction_commissions.html")
        contributions.register("plan_sidebar", "commissions/_plan_sidebar.html")
