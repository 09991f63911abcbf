import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.utils.translation import pgettext_lazy

from . import operations, site_views, views
from .feeds import WhatsNewFeed
from .media import media
from .sitemaps import SITEMAPS

urlpatterns = [
    path("admin/editor-upload/", views.editor_upload, name="editor-upload"),
    path("admin/", admin.site.urls),
    # The index lists one sitemap per section, paginated (`?p=2`) past `limit` items.
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("healthz", operations.healthz, name="healthz"),
]

handler500 = "torino_portal.operations.server_error"
# A refused Host gets plain text (the layout would raise again); other 400s the layout.
handler400 = "torino_portal.views.bad_request"

urlpatterns += i18n_patterns(
    path("", site_views.home, name="home"),
    path(pgettext_lazy("URL", "search/"), site_views.search, name="search"),
    path(pgettext_lazy("URL", "whats-new/feed/"), WhatsNewFeed(), name="whats-new"),
    path(pgettext_lazy("URL", "help/"), views.site_page, {"key": "help"}, name="site-help"),
    path(
        pgettext_lazy("URL", "contacts/"),
        views.site_page,
        {"key": "contacts"},
        name="site-contacts",
    ),
    path(
        pgettext_lazy("URL", "privacy/"), views.site_page, {"key": "privacy"}, name="site-privacy"
    ),
    path(
        pgettext_lazy("URL", "accessibility/"),
        views.site_page,
        {"key": "accessibility"},
        name="site-accessibility",
    ),
    path(pgettext_lazy("URL", "agenda/"), include("events.urls")),
    path(pgettext_lazy("URL", "commissions/"), include("commissions.urls")),
    path(pgettext_lazy("URL", "press-review/"), include("press.urls")),
    path(pgettext_lazy("URL", "publications/"), include("press.urls_publications")),
    path(pgettext_lazy("URL", "tamtam/"), include("press.urls_tamtam")),
    path(pgettext_lazy("URL", "mailing-list/"), include("newsletter.urls")),
    # Last: the plans' addresses start with a translated "strategic-plan-N/".
    path("", include("plans.urls")),
)

if settings.MEDIA_URL.startswith("/"):
    # Answers only when SERVE_MEDIA is on (make run); production's web server serves /media/.
    urlpatterns.append(
        re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$", media, name="media")
    )
