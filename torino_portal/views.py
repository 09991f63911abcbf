"""Site-wide views that need no content app: site pages, errors, robots, editor uploads."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import DisallowedHost, ValidationError
from django.core.files.storage import default_storage
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .files import IMAGES, FileCheck, UploadTo, stored_name
from .models import SitePage
from .richtext import can_write_rich_text

EDITOR_IMAGE_CHECK = FileCheck(IMAGES, max_mb=settings.CKEDITOR_5_MAX_FILE_SIZE)


def site_page(request, key):
    page = get_object_or_404(SitePage.objects.visible_to(request.user), key=key)
    return render(request, "torino_portal/site_page.html", {"page": page, "object": page})


def rate_limited(request, exception):
    """django-ratelimit's answer (RATELIMIT_VIEW, through its middleware, for every limited
    view): the form's page again would hide why; say it plainly."""
    return render(request, "429.html", status=429)


def bad_request(request, exception):
    """handler400: the site's 400 page, or plain text when the Host itself is refused.

    With a Host outside ALLOWED_HOSTS nothing that builds an address may run (Django raises
    DisallowedHost again), so that answer is a fixed text that cannot fail. Other bad
    requests (NUL or undecodable bytes, RequestCheckMiddleware) may come before the locale
    middleware: the language is the address's prefix.
    """
    if isinstance(exception, DisallowedHost):
        return HttpResponseBadRequest("Bad Request (400)", content_type="text/plain")
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        return render(request, "400.html", status=400)


def login_locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login (AXES_LOCKOUT_CALLABLE): the admin's
    layout (always Italian), how long to wait, and what to do meanwhile."""
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    context = {**admin.site.each_context(request), "minutes": minutes}
    return render(request, "admin/lockout.html", context, status=429)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_POST
@staff_member_required
def editor_upload(request):
    """CKEditor 5's image upload: for staff who may add or change some content with rich
    text, images by content (decoded in full), bounded size, unguessable names."""
    if not can_write_rich_text(request.user):
        message = _("Your account may not add or change any text with images: ask for it.")
        return JsonResponse({"error": {"message": message}}, status=403)
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse({"error": {"message": _("No file was sent.")}}, status=400)
    try:
        fmt = EDITOR_IMAGE_CHECK.identify(upload)
    except ValidationError as error:
        return JsonResponse({"error": {"message": " ".join(error.messages)}}, status=400)
    name = default_storage.save(UploadTo("editor")(None, stored_name(upload.name, fmt)), upload)
    return JsonResponse({"url": default_storage.url(name)})
