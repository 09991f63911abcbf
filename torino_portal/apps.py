from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _

# The apps whose rows public pages show; a save or delete there renews the page cache.
CONTENT_APPS = {"torino_portal", "plans", "events", "commissions", "press", "newsletter"}
# Rows no public page shows: saving them (thousands while a newsletter goes out) must not
# empty the page cache.
NOT_ON_PAGES = {"newsletter.delivery", "newsletter.consentrecord", "newsletter.subscriber"}


class PortalConfig(AppConfig):
    name = "torino_portal"
    verbose_name = _("Portal")

    def ready(self):
        from . import checks  # noqa: F401 (registers the deploy checks)

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(_renew_pages, dispatch_uid=f"page-cache-{id(signal)}")
        # Every app's `search.py` lists what the site search finds; saves keep it current.
        from .search import create_counts_function, index

        index.autodiscover()
        # The search's counting function, written in search.py, follows the code.
        post_migrate.connect(create_counts_function, sender=self)


def _renew_pages(sender, **kwargs):
    from . import page_cache

    if sender._meta.app_label not in CONTENT_APPS or sender._meta.label_lower in NOT_ON_PAGES:
        return
    # A new row that no page shows (a visitor's forum contribution waiting for moderation):
    # visitors' submissions must not empty the page cache. Edits always renew it.
    if kwargs.get("created") and getattr(kwargs["instance"], "on_public_pages", True) is False:
        return
    page_cache.content_changed()
