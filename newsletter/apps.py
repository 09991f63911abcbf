from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Mailing list")

    def ready(self):
        # What this app adds to every page (torino_portal/contributions.py): the link in the
        # header and the sign-up form in the footer.
        from torino_portal import contributions

        contributions.register("utility_links", "newsletter/_utility_link.html")
        contributions.register("footer", "newsletter/_footer.html")
