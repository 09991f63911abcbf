from modeltranslation.translator import TranslationOptions, register

from torino_portal.history import track

from .models import Attachment, Event, EventKind


@register(EventKind)
class EventKindTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = {"it": ("name",)}


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "slug", "summary", "description", "venue_name", "image_alt")
    required_languages = {"it": ("title",)}


@register(Attachment)
class AttachmentTranslation(TranslationOptions):
    fields = ("title", "transcript")
    required_languages = {"it": ("title",)}


# History after the translated fields exist (torino_portal/history.py).
track(Event)
track(Attachment)
