"""Site-wide views that need no content app: site pages, errors, robots, editor uploads."""

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .files import IMAGES, FileCheck, UploadTo
from .models import SitePage

EDITOR_IMAGE_CHECK = FileCheck(IMAGES, max_mb=settings.CKEDITOR_5_MAX_FILE_SIZE)


def site_page(request, key):
    page = SitePage.objects.visible_to(request.user).filter(key=key).first()
    if page is None:
        raise Http404
    return render(request, "torino_portal/site_page.html", {"page": page, "object": page})


def placeholder(request, title):
    """A section that is not built yet: an honest page instead of a 404."""
    return render(request, "torino_portal/placeholder.html", {"title": title})


def rate_limited(request, exception):
    """django-ratelimit's answer: the form's page again would hide why; say it plainly."""
    return render(request, "429.html", status=429)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_POST
@staff_member_required
def editor_upload(request):
    """CKEditor 5's image upload: staff only, images by content, bounded size."""
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse({"error": {"message": _("No file was sent.")}}, status=400)
    try:
        EDITOR_IMAGE_CHECK(upload)
    except ValidationError as error:
        return JsonResponse({"error": {"message": " ".join(error.messages)}}, status=400)
    name = default_storage.save(UploadTo("editor")(None, upload.name), upload)
    return JsonResponse({"url": default_storage.url(name)})
