from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommissionsConfig(AppConfig):
    name = "commissions"
    verbose_name = _("Commissions")

    def ready(self):
        # The Agenda may not import this app, yet a meeting of a draft commission must not
        # show there: tell it the condition (see `events.models.public_when`).
        from events.models import public_when

        from .models import meeting_is_public

        public_when(meeting_is_public)
