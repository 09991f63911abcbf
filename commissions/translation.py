"""Translated fields. A Meeting registers only its own fields: modeltranslation gives a
multi-table child the parent's translated fields (title, slug, summary, description, venue
name) from `events.translation`, which is loaded first (INSTALLED_APPS order)."""

from modeltranslation.translator import TranslationOptions, register

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
