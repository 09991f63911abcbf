"""`/sitemap.xml`: the sitemap index, one sitemap per section (`/sitemap-<section>.xml`,
paginated), every public page in both languages with its alternates and `x-default`."""

from commissions.sitemaps import SITEMAPS as COMMISSIONS
from events.sitemaps import SITEMAPS as EVENTS
from newsletter.sitemaps import SITEMAPS as NEWSLETTER
from plans.sitemaps import SITEMAPS as PLANS
from press.sitemaps import SITEMAPS as PRESS

from .i18n import SectionSitemap, TranslatedSitemap, sitemap_index
from .models import SitePage


class HomeSitemap(SectionSitemap):
    priority = 1.0
    pages = {"home": lambda: SitePage.objects.published().filter(key=SitePage.Key.HOME)}


class SitePageSitemap(TranslatedSitemap):
    """Help, contacts, privacy notice, accessibility statement."""

    def items(self):
        return SitePage.objects.published().exclude(key=SitePage.Key.HOME).order_by("key")


# Each section's size and date are kept until content changes (`sitemap_index`).
SITEMAPS = sitemap_index(
    {
        "home": HomeSitemap,
        "site": SitePageSitemap,
        **PLANS,
        **EVENTS,
        **COMMISSIONS,
        **PRESS,
        **NEWSLETTER,
    }
)
