from modeltranslation.translator import TranslationOptions, register

from torino_portal.history import track

from .models import Direction, Page, Plan


@register(Plan)
class PlanTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = {"it": ("title",)}


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "slug", "summary", "body")
    required_languages = {"it": ("title",)}


@register(Direction)
class DirectionTranslation(TranslationOptions):
    fields = ("title", "summary", "description")
    required_languages = {"it": ("title",)}


# History after the translated fields exist (torino_portal/history.py).
track(Plan)
track(Page)
track(Direction)
