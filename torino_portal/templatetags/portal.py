"""Template tags every page uses: the date line, the menu, language links, rich text."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe

from torino_portal import files
from torino_portal.i18n import fallback_language
from torino_portal.menu import menu_for
from torino_portal.toc import with_heading_ids

register = template.Library()


@register.inclusion_tag("_date_line.html")
def date_line():
    """'Torino - 24 novembre 2026', as on the original site."""
    today = timezone.localdate()
    return {"today": today, "formatted": date_format(today, "j F Y")}


@register.inclusion_tag("_main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    return {"items": menu_for(request.path if request else "")}


@register.simple_tag(takes_context=True)
def language_url(context, language):
    """The address of this same page in `language`.

    Views with translated slugs put the shown object in the context as `object`, whose
    `get_absolute_url` gives the right slugs in each language; other pages are mapped by
    Django's `translate_url`, which keeps the query string.
    """
    request = context.get("request")
    obj = context.get("object")
    if obj is not None and hasattr(obj, "get_absolute_url"):
        with translation.override(language):
            return obj.get_absolute_url()
    if request is None:
        return f"/{language}/"
    # translate_url resolves the path in the active language, then reverses in `language`.
    return translate_url(request.get_full_path(), language)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = context.get("request")
    return request.build_absolute_uri(url) if request else f"{settings.SITE_URL}{url}"


@register.simple_tag
def other_languages():
    """[(code, name in its own language)] of the languages the page is not in."""
    current = translation.get_language()
    return [
        (code, translation.get_language_info(code)["name_local"])
        for code, _name in settings.LANGUAGES
        if code != current
    ]


@dataclass
class RichText:
    html: SafeString
    headings: list
    fallback: str


@register.simple_tag
def rich_text(obj, field):
    """A sanitised rich-text field with heading ids, its headings and its fallback language.

    Values are sanitised when saved (torino_portal.richtext), so they are safe here.
    """
    body, headings = with_heading_ids(getattr(obj, field) or "")
    return RichText(mark_safe(body), headings, fallback_language(obj, field))  # noqa: S308


@register.filter
def fallback_lang(obj, field):
    """'it' when `obj.field` is shown in Italian on a page in another language."""
    return fallback_language(obj, field)


@register.filter
def file_info(file_field):
    """'PDF, 1.2 MB', shown beside download links."""
    return files.describe(file_field) if file_field else ""
