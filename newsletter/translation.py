from modeltranslation.translator import TranslationOptions, register

from torino_portal.history import track

from .models import Interest, Newsletter


@register(Interest)
class InterestTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = {"it": ("name",)}


@register(Newsletter)
class NewsletterTranslation(TranslationOptions):
    fields = ("subject", "body")
    required_languages = {"it": ("subject",)}


# History after the translated fields exist (torino_portal/history.py).
track(Newsletter, m2m_fields=["interests"])
