"""Template tags every page uses: the date line, the menu, language links, rich text."""

from dataclasses import dataclass
from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from torino_portal import files, fragments
from torino_portal.forms import SearchForm
from torino_portal.i18n import fallback_language
from torino_portal.menu import menu_for
from torino_portal.richtext import render_html
from torino_portal.toc import with_heading_ids

register = template.Library()


class KeptNode(template.Node):
    def __init__(self, nodelist, arguments):
        self.nodelist = nodelist
        self.arguments = arguments

    def render(self, context):
        name, *key = (argument.resolve(context) for argument in self.arguments)
        return fragments.kept_html(
            context.get("request"), name, lambda: self.nodelist.render(context), *key
        )


@register.tag
def kept(parser, token):
    """`{% kept "name" key… %}…{% endkept %}`: rendered once per content generation, language
    and day in each process (torino_portal/fragments.py), for parts that are the same for
    every visitor given the keys; a form's CSRF token is the visitor's own."""
    arguments = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    if not arguments:
        raise template.TemplateSyntaxError("{% kept %} needs a name")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, arguments)


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
    """The address of this same page in `language`, always a path on this site.

    Views with translated slugs put the shown object in the context as `object`, whose
    `get_absolute_url` gives the right slugs in each language; other pages are resolved and
    reversed in `language` (keeping the query). The request's path is never echoed: an
    address that resolves to no page (a 404, `//evil.example/it/`) links the home page.
    """
    request = context.get("request")
    obj = context.get("object")
    if obj is not None and not hasattr(obj, "get_absolute_url"):
        obj = None
    # The layout asks for each language's address several times (canonical, alternates,
    # the language switch): worked out once per request.
    memo = getattr(request, "_language_urls", None)
    if memo is None:
        memo = {}
        if request is not None:
            request._language_urls = memo
    key = (language, id(obj))
    if key not in memo:
        memo[key] = _language_url(request, obj, language)
    return memo[key]


def _language_url(request, obj, language):
    with translation.override(language):
        if obj is not None:
            return obj.get_absolute_url()
        home = reverse("home")
    # Resolved in the page's language (its slugs) by the URL resolver already; reversed in the
    # other one. No match (a 404, an error before resolution): the home page.
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name is None:
        return home
    try:
        with translation.override(language):
            path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return home
    query = request.GET.urlencode()
    return f"{path}?{query}" if query else path


@register.simple_tag
def absolute_url(url):
    """`url` on the configured public address (SITE_URL), not on the request's Host."""
    return f"{settings.SITE_URL}{url}"


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

    Values are sanitised when saved and again here (torino_portal.richtext.render_html):
    `update()`, `bulk_update()` and `loaddata` store without `save()`.
    """
    value = getattr(obj, field) or ""
    body, headings = _shown(
        value, settings.SITE_URL, tuple(settings.RICH_TEXT_IMAGE_HOSTS), settings.MEDIA_URL
    )
    return RichText(mark_safe(body), list(headings), fallback_language(obj, field))  # noqa: S308


@lru_cache(maxsize=256)
def _shown(value, site_url, image_hosts, media_url):
    """A text as pages show it, remembered: the same stored text (and the settings the
    sanitiser reads) always gives the same result, and sanitising a long body costs ~0.4 ms
    a view. An edited text is another key."""
    body, headings = with_heading_ids(render_html(value))
    return body, tuple(headings)


@register.filter
def fallback_lang(obj, field):
    """'it' when `obj.field` is shown in Italian on a page in another language."""
    return fallback_language(obj, field)


@register.filter
def file_info(file_field):
    """'PDF, 1.2 MB', shown beside download links."""
    return files.describe(file_field) if file_field else ""


@register.filter
def error_count(form):
    """How many messages a bound form shows: one per error, fields and form alike."""
    if not getattr(form, "is_bound", False):  # no form here: "" from the template
        return 0
    return sum(len(errors) for errors in form.errors.values())


@register.simple_tag
def error_title_prefix(form):
    """'2 errori – ' before the page title after an invalid submit, so the title that a screen
    reader announces on load already says that the form came back (WCAG 3.3.1)."""
    count = error_count(form)
    if not count:
        return ""
    return ngettext("%(count)d error", "%(count)d errors", count) % {"count": count} + " – "


@register.filter
def lang_attr(obj, field):
    """` lang="it"` for an element showing `obj.field` in Italian on a page in another
    language (WCAG 3.1.2): breadcrumbs, menus, cards and contents follow their text."""
    code = fallback_language(obj, field)
    return format_html(' lang="{}"', code) if code else ""


@register.simple_tag(takes_context=True)
def search_form(context, auto_id, tips=False, placeholder=False):
    """The search field with the page's query in it (rendered by `_field.html`)."""
    form = SearchForm(initial={"q": context.get("query", "")}, auto_id=auto_id, tips=tips)
    if placeholder:
        form.fields["q"].widget.attrs["placeholder"] = gettext("Search")
    return form
