from modeltranslation.translator import TranslationOptions, register

from .models import Event, EventKind


@register(EventKind)
class EventKindTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = {"it": ("name",)}


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "slug", "summary", "description", "venue_name")
    required_languages = {"it": ("title",)}
