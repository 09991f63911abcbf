"""The admin site: the home groups the models as editors think of the portal, and shows
the dashboard (torino_portal/dashboard.py) above them (issue 11)."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _

# (section, [app_label.model_name, ...]); models of no section go to "Sito", in app order.
SECTIONS = [
    (_("Plans"), ["plans.plan", "plans.page", "plans.direction"]),
    (
        _("Commissions"),
        [
            "commissions.commission",
            "commissions.meeting",
            "commissions.topic",
            "commissions.contribution",
        ],
    ),
    (_("Agenda"), ["events.event", "events.registration", "events.eventkind"]),
    (_("Press review"), ["press.clipping", "press.source"]),
    (_("Publishing house"), ["press.publication", "press.series"]),
    (_("Tamtam"), ["press.issue"]),
    (
        _("Mailing list"),
        [
            "newsletter.newsletter",
            "newsletter.subscriber",
            "newsletter.interest",
            "newsletter.delivery",
            "newsletter.consentrecord",
        ],
    ),
]
SITE = _("Site")


class PortalAdminSite(admin.AdminSite):
    index_template = "admin/portal_index.html"

    def get_app_list(self, request, app_label=None):
        """The home: sections of the portal; an app's own page stays as Django makes it."""
        if app_label:
            return super().get_app_list(request, app_label)
        models = {}
        for app in super().get_app_list(request):
            for model in app["models"]:
                model["app"] = app
                models[f"{app['app_label']}.{model['object_name'].lower()}"] = model
        sections = []
        for number, (name, labels) in enumerate([*SECTIONS, (SITE, None)], start=1):
            if labels is None:
                labels = list(models)
            chosen = [models.pop(label) for label in labels if label in models]
            if chosen:
                sections.append(
                    {
                        "name": name,
                        "app_label": f"section-{number}",
                        "app_url": chosen[0]["app"]["app_url"],
                        "has_module_perms": True,
                        "models": chosen,
                    }
                )
        return sections

    def index(self, request, extra_context=None):
        from .dashboard import dashboard

        return super().index(request, {**dashboard(request), **(extra_context or {})})


class PortalAdminConfig(AdminConfig):
    """Django's admin with the portal's site (in INSTALLED_APPS instead of the admin)."""

    default_site = "torino_portal.admin_site.PortalAdminSite"
