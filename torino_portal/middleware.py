from django.conf import settings
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
