from modeltranslation.translator import TranslationOptions, register

from torino_portal.history import track

from .models import Clipping, Issue, Publication, Series


@register(Clipping)
class ClippingTranslation(TranslationOptions):
    # The headline stays as printed, in the article's own language.
    fields = ("summary",)


@register(Series)
class SeriesTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = {"it": ("name",)}


@register(Publication)
class PublicationTranslation(TranslationOptions):
    fields = ("title", "subtitle", "slug", "description", "cover_alt", "authors")
    required_languages = {"it": ("title",)}


@register(Issue)
class IssueTranslation(TranslationOptions):
    fields = ("theme", "contents")
    required_languages = {"it": ("theme",)}


# History after the translated fields exist (torino_portal/history.py).
track(Clipping, m2m_fields=["directions", "commissions"])
track(Publication)
track(Issue)
