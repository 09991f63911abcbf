from django.urls import path
from django.utils.translation import gettext_lazy as _

from torino_portal.views import placeholder

app_name = "newsletter"

# Placeholder until the section is built: the menu must never lead to a 404.
urlpatterns = [
    path("", placeholder, {"title": _("Mailing list")}, name="index"),
]
