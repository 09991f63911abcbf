"""Uploaded files, served by the portal itself on a developer's machine (`make run`) or when
SERVE_MEDIA says so — with the headers the web server in front sets in production (README,
"Security"): never sniffed as another type, never run as a page, and, unless an image,
downloaded rather than opened."""

from django.conf import settings
from django.http import Http404
from django.utils.http import content_disposition_header
from django.views.static import serve

from .files import is_image_name

# An uploaded file is data: even opened directly, it may run nothing and load nothing.
MEDIA_CSP = "default-src 'none'; sandbox"


def download_disposition(name):
    """An image opens in the browser; any other file is downloaded, never shown as a page."""
    if is_image_name(name):
        return None
    return content_disposition_header(as_attachment=True, filename=name.rsplit("/", 1)[-1])


def add_download_headers(response, name):
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    if disposition := download_disposition(name):
        response["Content-Disposition"] = disposition
    return response


def media(request, path):
    if not settings.SERVE_MEDIA:
        raise Http404
    # django.views.static.serve refuses paths outside MEDIA_ROOT (`..`, absolute paths).
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    return add_download_headers(response, path)
