from modeltranslation.translator import TranslationOptions, register

from .history import track
from .models import SitePage


@register(SitePage)
class SitePageTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = {"it": ("title",)}


# History after the translated fields exist (torino_portal/history.py).
track(SitePage)
