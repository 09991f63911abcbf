from modeltranslation.translator import TranslationOptions, register

from .models import Interest, Newsletter


@register(Interest)
class InterestTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = {"it": ("name",)}


@register(Newsletter)
class NewsletterTranslation(TranslationOptions):
    fields = ("subject", "body")
    required_languages = {"it": ("subject",)}
