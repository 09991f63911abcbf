import re
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.exceptions import BadRequest
from django.utils import translation


class AdminInItalianMiddleware:
    """The staff work in Italian: the admin ignores the browser's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/"):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)


BROKEN_BYTES = re.compile(r"%[0-9A-Fa-f]{2}")


class RequestCheckMiddleware:
    """Turn addresses no page can answer into a 400 before any view or query sees them.

    A NUL byte reaches the database as a PostgreSQL error (a 500), and bytes that are not
    UTF-8 (`%FF`, overlong forms such as `%C0%AE`) are no text at all: both are refused
    anywhere in the path or the query string. In the admin, the date hierarchy turns
    `?…__year=9999` into dates past year 9999 (Python raises, a 500): such values are
    refused too. The 400 page is the site's (torino_portal.views.bad_request). Cookies with a
    NUL are dropped, other headers with one refused.
    """

    ADMIN_DATE_PARTS = {"year": (1, 9998), "month": (1, 12), "day": (1, 31)}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Django has decoded the path already, percent-encoding again the bytes that are not
        # UTF-8 (`/it/%FF/` arrives as "/it/%FF"); no address of the portal has a "%".
        if "\x00" in request.path_info or BROKEN_BYTES.search(request.path_info):
            raise BadRequest("NUL or undecodable bytes in the path")
        query = request.META.get("QUERY_STRING", "")
        try:  # WSGI hands over the raw bytes as latin-1 text
            query = query.encode("iso-8859-1")
        except UnicodeEncodeError:
            query = query.encode()
        raw = unquote_to_bytes(query.replace(b"+", b" "))
        if b"\x00" in raw or not _is_utf8(raw):
            raise BadRequest("NUL or undecodable bytes in the query string")
        # Header values reach the database too (django-axes keeps the User-Agent of failed
        # logins): a NUL there is no client's honest header.
        if any("\x00" in value for key, value in request.META.items() if key.startswith("HTTP_")):
            raise BadRequest("NUL in a header")
        # A quoted cookie may spell a NUL as "\\000"; the session's lookup would hand it to the
        # database. Such a cookie is nobody's: it is dropped, as if it had not been sent.
        for name, value in list(request.COOKIES.items()):
            if "\x00" in name or "\x00" in value:
                del request.COOKIES[name]
        if request.path_info.startswith("/admin/"):
            self._check_admin_dates(request)
        return self.get_response(request)

    def _check_admin_dates(self, request):
        for key, values in request.GET.lists():
            low_high = self.ADMIN_DATE_PARTS.get(key.rsplit("__", 1)[-1]) if "__" in key else None
            if low_high is None:
                continue
            low, high = low_high
            for value in values:
                digits = value.isascii() and value.isdigit() and len(value) <= 4
                if not (digits and low <= int(value) <= high):
                    raise BadRequest(f"Out-of-range date in {key}")


def _is_utf8(data):
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
