from modeltranslation.translator import TranslationOptions, register

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
