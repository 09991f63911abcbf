"""Rich text: CKEditor 5 in the admin, sanitised with nh3 on every save.

Sanitising happens in the model field (`pre_save`), so every path that stores rich text —
the admin, management commands, imports, the demo loader — stores only clean HTML, and
templates may mark it safe. CKEditor 5 itself sanitises nothing.
"""

import nh3
from django_ckeditor_5.fields import CKEditor5Field
from modeltranslation.fields import TranslationFieldDescriptor

# What CKEditor 5's toolbar (settings.CKEDITOR_5_CONFIGS) can make, and nothing else.
ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "figure",
    "figcaption",
    "img",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "colgroup",
    "col",
    "code",
    "pre",
    "span",
    "abbr",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "lang", "style"},
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    "ol": {"start", "reversed", "type"},
    "abbr": {"title"},
}
# Styles that lay text out; anything that could hide or move content (display, position,
# visibility, opacity, font-size: 0 …) is dropped.
ALLOWED_STYLE_PROPERTIES = {"text-align", "width", "height", "aspect-ratio", "float"}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_html(value):
    """Return `value` with only the editor's tags, attributes, styles and safe links."""
    if not value:
        return ""
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        filter_style_properties=ALLOWED_STYLE_PROPERTIES,
        link_rel="noopener noreferrer",
    ).strip()


class RichTextField(CKEditor5Field):
    """A CKEditor 5 field whose value is sanitised each time the model is saved."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        clean = sanitize_html(super().pre_save(model_instance, add))
        # The untranslated `body` of a translated model is a modeltranslation descriptor:
        # assigning to it would write the fallback text into the active language's column.
        if not isinstance(
            getattr(type(model_instance), self.attname, None), TranslationFieldDescriptor
        ):
            setattr(model_instance, self.attname, clean)
        return clean
