"""The portal's addresses plus `/bench-floor/`: a view that does nothing, behind the same
middleware, so that each page's speed reads as a share of what Django itself allows."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from torino_portal.urls import handler500, urlpatterns  # noqa: F401


@never_cache
def floor(request):
    return HttpResponse("ok")


urlpatterns = [path("bench-floor/", floor), *urlpatterns]
