"""Demo content of the site pages (home introduction, help, contacts, privacy)."""

from torino_portal.publishing import Status

from .demo_content import SITE_PAGES
from .models import SitePage


def load():
    for key, page in SITE_PAGES.items():
        SitePage.objects.update_or_create(
            key=key,
            defaults={
                "status": Status.PUBLISHED,
                "is_demo": page["demo"],
                **{
                    f"{field}_{code}": page[f"{field}_{code}"]
                    for field in ("title", "summary", "body")
                    for code in ("it", "en")
                },
            },
        )
