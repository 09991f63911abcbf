"""Rich text: CKEditor 5 in the admin, sanitised with nh3 when saved AND when shown.

`RichTextField.pre_save` stores only clean HTML, whatever saves the model (the admin, imports,
the demo loader). Paths that skip `save()` — `QuerySet.update()`, `bulk_update()`,
`loaddata`, raw SQL — could still store anything, so every place that shows rich text
cleans it again: the `{% rich_text %}` tag for pages (`render_html`) and the newsletter mails
(`sanitize_html(..., base_url=…)`). nh3 is fast enough for that (bench/richtext_render.py).

What survives is what CKEditor 5's toolbar (settings.CKEDITOR_5_CONFIGS) makes: its tags,
its classes (image styles, tables, to-do lists, code languages) and nothing else — the
site's own classes (`skip-link`, `visually-hidden`, `preview-banner` …) cannot be borrowed —
and images only from this site's media (or the hosts in RICH_TEXT_IMAGE_HOSTS).

Images need a text alternative: the admin refuses an image without `alt`. A decorative image
is one whose text alternative was saved empty in the editor ("Change image text
alternative", then save with the box empty), which CKEditor writes as `alt=""`; an image never
described has no `alt` at all.
"""

import re
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import nh3
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field
from modeltranslation.fields import TranslationFieldDescriptor

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
# `class` is not here: nh3 keeps only the classes of ALLOWED_CLASSES.
ALLOWED_ATTRIBUTES = {
    "*": {"lang", "style"},
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    "ol": {"start", "reversed", "type"},
    "abbr": {"title"},
}
# The image toolbar's styles (imageStyle:alignLeft/Right/Center, and the block/side variants
# CKEditor 5 may give an image pasted from another editor) and its resize handles.
IMAGE_CLASSES = {
    "image_resized",
    "image-style-align-left",
    "image-style-align-right",
    "image-style-align-center",
    "image-style-block-align-left",
    "image-style-block-align-right",
    "image-style-side",
}
# CKEditor 5's code blocks (typed with ``` thanks to Autoformat) say their language.
CODE_LANGUAGES = (
    "plaintext c cs cpp css diff html java javascript php python ruby typescript xml"
).split()
ALLOWED_CLASSES = {
    "figure": {"image", "table", *IMAGE_CLASSES},
    "img": IMAGE_CLASSES,
    "ul": {"todo-list"},  # "[ ] " starts a to-do list (Autoformat); its checkboxes are dropped
    "span": {"todo-list__label__description"},
    "code": {f"language-{name}" for name in CODE_LANGUAGES},
}
# Styles that lay text out; anything that could hide or move content (display, position,
# visibility, opacity, font-size: 0 …) is dropped.
ALLOWED_STYLE_PROPERTIES = {"text-align", "width", "height", "aspect-ratio", "float"}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _image_hosts():
    return {urlsplit(settings.SITE_URL).hostname, *settings.RICH_TEXT_IMAGE_HOSTS} - {None}


def image_allowed(src):
    """True for this site's media (relative or absolute) or an image on a configured host."""
    src = (src or "").strip()
    if ".." in src or "\\" in src or "%2e" in src.lower():
        return False  # "/media/../admin/…" is not under /media/ once the browser reads it
    if src.startswith(settings.MEDIA_URL) and not src.startswith("//"):
        return True
    parts = urlsplit(src)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    if parts.hostname in settings.RICH_TEXT_IMAGE_HOSTS:
        return parts.scheme == "https"  # what the Content-Security-Policy allows
    own = urlsplit(settings.SITE_URL)
    return parts.hostname == own.hostname and parts.path.startswith(settings.MEDIA_URL)


def _srcset_allowed(value):
    candidates = [part.strip().split()[0] for part in value.split(",") if part.strip()]
    return all(image_allowed(url) for url in candidates)


def _absolute(base_url):
    """nh3 attribute filter for mails: links and images absolute, no `srcset`."""

    def rewrite(tag, attribute, value):
        if attribute in ("href", "src"):
            return urljoin(base_url, value)
        return None if attribute == "srcset" else value

    return rewrite


# nh3's output quotes every attribute with " (and escapes " inside), so a start tag is
# `<name( attr="value")*>`. Only images and tags with a style are worth a second look.
_ATTRIBUTES = r'(?:\s+[^\s="/>]+(?:="[^"]*")?)*'
_TAG_TO_FINISH = re.compile(
    rf'<(img)({_ATTRIBUTES})\s*>|<([a-z][a-z0-9]*)({_ATTRIBUTES}?\s+style="[^"]*"{_ATTRIBUTES})\s*>'
)
_ATTRIBUTE = re.compile(r'\s+([^\s="/>]+)(?:="([^"]*)")?')


def _style_classes(style):
    """CSS declarations of ALLOWED_STYLE_PROPERTIES as the classes static/css/site.css has.

    A Content-Security-Policy without 'unsafe-inline' ignores `style` attributes, so the
    pages show the same layout through classes: text alignment, floats, and an image's
    width rounded to 5%. Heights and aspect ratios follow from `width`/`height` attributes.
    """
    classes = []
    for declaration in style.split(";"):
        name, _colon, value = declaration.partition(":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == "text-align" and value in ("left", "right", "center", "justify"):
            classes.append(f"text-align-{value}")
        elif name == "float" and value in ("left", "right"):
            classes.append(f"float-{value}")
        elif name == "width" and value.endswith("%"):
            try:
                percent = float(value[:-1])
            except ValueError:
                continue
            classes.append(f"width-{min(100, max(5, round(percent / 5) * 5))}")
    return classes


def _finish_tag(for_web):
    def finish(match):
        tag = match[1] or match[3]
        attributes = dict(_ATTRIBUTE.findall(match[2] or match[4]))
        if tag == "img":
            if not image_allowed(unescape(attributes.get("src", ""))):
                return ""  # a tracking pixel, or an address that is not an image of ours
            if "srcset" in attributes and not _srcset_allowed(unescape(attributes["srcset"])):
                del attributes["srcset"]
        if for_web and "style" in attributes:
            classes = attributes.get("class", "").split()
            classes += _style_classes(unescape(attributes.pop("style")))
            if classes:
                attributes["class"] = " ".join(dict.fromkeys(classes))
        rebuilt = "".join(f' {name}="{value}"' for name, value in attributes.items())
        return f"<{tag}{rebuilt}>"

    return finish


def sanitize_html(value, *, base_url=None, for_web=False):
    """`value` with only the editor's tags, attributes, classes, styles, links and images.

    `base_url` makes links and images absolute (mails); `for_web` turns the allowed styles
    into classes, for pages under a Content-Security-Policy without inline styles.
    """
    if not value:
        return ""
    clean = nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=ALLOWED_URL_SCHEMES,
        filter_style_properties=ALLOWED_STYLE_PROPERTIES,
        attribute_filter=_absolute(base_url) if base_url else None,
        link_rel="noopener noreferrer",
    ).strip()
    if "<img" in clean or (for_web and ' style="' in clean):
        clean = _TAG_TO_FINISH.sub(_finish_tag(for_web), clean)
    return clean


def render_html(value):
    """What a public page shows: sanitised again (see the module's docstring), no styles."""
    return sanitize_html(value, for_web=True)


class _Images(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.images = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


def validate_images(value):
    """Admin check: images come from this site and have a text alternative (or alt="")."""
    parser = _Images()
    parser.feed(value or "")
    parser.close()
    errors = []
    for image in parser.images:
        src = (image.get("src") or "").strip()
        name = src.rsplit("/", 1)[-1][:80] or src[:80]
        if src.startswith("//") or urlsplit(src).scheme in ("http", "https"):
            if not image_allowed(src):
                errors.append(
                    ValidationError(
                        _(
                            "The image %(address)s is on another site: upload it with the "
                            "editor's image button instead."
                        ),
                        code="remote_image",
                        params={"address": src[:200]},
                    )
                )
                continue
        if image_allowed(src) and image.get("alt") is None:
            errors.append(
                ValidationError(
                    _(
                        "The image “%(name)s” has no text alternative: select it, click "
                        "“Change image text alternative” and describe it. If it is only "
                        "decorative, save the text alternative empty."
                    ),
                    code="image_alt",
                    params={"name": name},
                )
            )
    if errors:
        raise ValidationError(errors)


def rich_text_models():
    """The models that have rich text (the editor's image upload serves their editors)."""
    return [
        model
        for model in apps.get_models()
        if any(isinstance(field, RichTextField) for field in model._meta.fields)
    ]


def can_write_rich_text(user):
    """Staff who may add or change at least one kind of content with rich text."""
    if not (user.is_active and user.is_staff):
        return False
    return any(
        user.has_perm(f"{model._meta.app_label}.{action}_{model._meta.model_name}")
        for model in rich_text_models()
        for action in ("add", "change")
    )


class RichTextField(CKEditor5Field):
    """A CKEditor 5 field whose value is sanitised each time the model is saved."""

    default_validators = [validate_images]

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
