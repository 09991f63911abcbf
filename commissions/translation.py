"""Translated fields. A Meeting registers only its own fields: modeltranslation gives a
multi-table child the parent's translated fields (title, slug, summary, description, venue
name) from `events.translation`, which is loaded first (INSTALLED_APPS order)."""

from modeltranslation.translator import TranslationOptions, register

from torino_portal.history import track

from .models import Commission, Document, Meeting, Person, Topic


@register(Commission)
class CommissionTranslation(TranslationOptions):
    fields = ("name", "slug", "summary", "mandate")
    required_languages = {"it": ("name",)}


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("position", "organisation")


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("topic", "outcome")


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title", "transcript")
    required_languages = {"it": ("title",)}


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("title", "slug", "description")
    required_languages = {"it": ("title",)}


# History after the translated fields exist (torino_portal/history.py).
track(Commission, m2m_fields=["directions"])
track(Person)
track(Meeting)
track(Document)
track(Topic)
