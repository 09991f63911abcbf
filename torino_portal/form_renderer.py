"""A form renderer that writes Django's common widgets in Python, byte for byte as Django's
own templates do, and leaves every other template to them.

Rendering a widget through the template engine costs an `{% include %}` per option and per
attribute list: a `<select>` of 50 sources, or a list of checkboxes, costs milliseconds.
The HTML here is the same (tests/test_form_renderer.py compares both renderers on every
widget it writes, with errors, help texts and `aria-*` attributes). Django's templates are
read once at start: if a Django upgrade changed one of them, that widget goes back to the
template and nothing changes on the page.

Forms opt in with `default_renderer = FAST_RENDERER`.
"""

from pathlib import Path

import django
from django.forms.renderers import DjangoTemplates
from django.template.base import render_value_in_context
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe


class _Context:
    """What `render_value_in_context` asks of a template context."""

    autoescape = True
    use_l10n = None
    use_tz = None


_CONTEXT = _Context()


def _text(value):
    """`{{ value }}` in a template."""
    return render_value_in_context(value, _CONTEXT)


def _formatted(value):
    """`{{ value|stringformat:'s' }}` in a template."""
    if isinstance(value, tuple):
        value = str(value)
    text = "%s" % value  # noqa: UP031 (what the filter does)
    return text if isinstance(value, SafeData) else conditional_escape(text)


def _attrs(attrs):
    """django/forms/widgets/attrs.html."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {_text(name)}")
        else:
            parts.append(f" {_text(name)}={chr(34)}{_formatted(value)}{chr(34)}")
    return "".join(parts)


def _input(widget):
    """django/forms/widgets/input.html (with its trailing newline, as included)."""
    value = widget["value"]
    value = f' value="{_formatted(value)}"' if value is not None else ""
    return (
        f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"'
        f"{value}{_attrs(widget['attrs'])}>\n"
    )


def _input_option(widget):
    """django/forms/widgets/input_option.html (radio and checkbox options)."""
    if not widget.get("wrap_label"):
        return _input(widget) + "\n"
    attrs = widget["attrs"]
    label_for = f' for="{_text(attrs["id"])}"' if attrs.get("id") else ""
    return f"<label{label_for}>{_input(widget)} {_text(widget['label'])}</label>\n"


def _select_option(widget):
    """django/forms/widgets/select_option.html."""
    return (
        f'<option value="{_formatted(widget["value"])}"{_attrs(widget["attrs"])}>'
        f"{_text(widget['label'])}</option>\n"
    )


def _wrapped_option(widget):
    """radio_option.html and checkbox_option.html: input_option.html and a newline."""
    return _input_option(widget) + "\n"


_OPTIONS = {
    "django/forms/widgets/select_option.html": _select_option,
    "django/forms/widgets/radio_option.html": _wrapped_option,
    "django/forms/widgets/checkbox_option.html": _wrapped_option,
    "django/forms/widgets/input_option.html": _input_option,
}


def _select(widget):
    """django/forms/widgets/select.html."""
    parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in group_choices:
            parts.append("\n  " + _OPTIONS[option["template_name"]](option))
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>\n")
    return "".join(parts)


def _multiple_input(widget):
    """django/forms/widgets/multiple_input.html (radio buttons, checkboxes)."""
    attrs = widget["attrs"]
    id_ = attrs.get("id")
    parts = ["<div"]
    if id_:
        parts.append(f' id="{_text(id_)}"')
    if attrs.get("class"):
        parts.append(f' class="{_text(attrs["class"])}"')
    parts.append(">")
    for group, options, _index in widget["optgroups"]:
        if group:
            parts.append(f"\n  <div><label>{_text(group)}</label>")
        for option in options:
            parts.append("<div>\n    " + _OPTIONS[option["template_name"]](option) + "</div>")
        if group:
            parts.append("\n  </div>")
    parts.append("\n</div>\n")
    return "".join(parts)


_INPUT = '{% include "django/forms/widgets/input.html" %}\n'
_MULTIPLE = '{% include "django/forms/widgets/multiple_input.html" %}\n'
_INPUT_OPTION = '{% include "django/forms/widgets/input_option.html" %}\n'

# The template each function writes, as Django ships it (checked at start, see _checked).
_SOURCES = {
    "input.html": (
        '<input type="{{ widget.type }}" name="{{ widget.name }}"{% if widget.value != None %}'
        " value=\"{{ widget.value|stringformat:'s' }}\"{% endif %}"
        '{% include "django/forms/widgets/attrs.html" %}>\n'
    ),
    "attrs.html": (
        "{% for name, value in widget.attrs.items %}{% if value is not False %} {{ name }}"
        "{% if value is not True %}=\"{{ value|stringformat:'s' }}\"{% endif %}{% endif %}"
        "{% endfor %}"
    ),
    "select.html": (
        '<select name="{{ widget.name }}"{% include "django/forms/widgets/attrs.html" %}>'
        "{% for group_name, group_choices, group_index in widget.optgroups %}"
        '{% if group_name %}\n  <optgroup label="{{ group_name }}">{% endif %}'
        "{% for option in group_choices %}\n  {% include option.template_name with "
        "widget=option %}{% endfor %}{% if group_name %}\n  </optgroup>{% endif %}"
        "{% endfor %}\n</select>\n"
    ),
    "select_option.html": (
        "<option value=\"{{ widget.value|stringformat:'s' }}\""
        '{% include "django/forms/widgets/attrs.html" %}>{{ widget.label }}</option>\n'
    ),
    "multiple_input.html": (
        '{% with id=widget.attrs.id %}<div{% if id %} id="{{ id }}"{% endif %}'
        '{% if widget.attrs.class %} class="{{ widget.attrs.class }}"{% endif %}>'
        "{% for group, options, index in widget.optgroups %}{% if group %}\n"
        "  <div><label>{{ group }}</label>{% endif %}{% for option in options %}<div>\n"
        "    {% include option.template_name with widget=option %}</div>{% endfor %}"
        "{% if group %}\n  </div>{% endif %}{% endfor %}\n</div>{% endwith %}\n"
    ),
    "input_option.html": (
        '{% if widget.wrap_label %}<label{% if widget.attrs.id %} for="{{ widget.attrs.id }}"'
        '{% endif %}>{% endif %}{% include "django/forms/widgets/input.html" %}'
        "{% if widget.wrap_label %} {{ widget.label }}</label>{% endif %}\n"
    ),
    "radio_option.html": _INPUT_OPTION,
    "checkbox_option.html": _INPUT_OPTION,
    "radio.html": _MULTIPLE,
    "checkbox_select.html": _MULTIPLE,
    "select_multiple.html": '{% include "django/forms/widgets/select.html" %}\n',
    **{
        f"{kind}.html": _INPUT
        for kind in ("text", "email", "url", "number", "password", "hidden", "checkbox")
        + ("date", "datetime", "time", "search", "tel")
    },
}

_WIDGETS = {
    "select.html": _select,
    "select_multiple.html": _select,
    "radio.html": _multiple_input,
    "checkbox_select.html": _multiple_input,
    "select_option.html": _select_option,
    "radio_option.html": _wrapped_option,
    "checkbox_option.html": _wrapped_option,
    **{name: _input for name, source in _SOURCES.items() if source == _INPUT},
}


def _checked():
    """The writers whose templates (and the templates they include) are Django's as
    expected; the others are rendered by the templates."""
    folder = Path(django.__file__).parent / "forms" / "templates" / "django" / "forms" / "widgets"

    def same(name):
        try:
            return (folder / name).read_text() == _SOURCES[name]
        except OSError:
            return False

    base = all(same(name) for name in ("input.html", "attrs.html", "input_option.html"))
    if not base:
        return {}
    writers = {}
    for name, writer in _WIDGETS.items():
        needs = {name}
        if writer is _select:
            needs |= {"select.html", "select_option.html"}
        if writer is _multiple_input:
            needs |= {"multiple_input.html", "radio_option.html", "checkbox_option.html"}
        if writer is _wrapped_option:
            needs |= {"radio_option.html", "checkbox_option.html"}
        if all(same(each) for each in needs):
            writers[f"django/forms/widgets/{name}"] = writer
    return writers


class FastFormRenderer(DjangoTemplates):
    """Django's default renderer, with the common widgets written in Python."""

    def __init__(self):
        self.writers = _checked()

    def render(self, template_name, context, request=None):
        writer = self.writers.get(template_name)
        if writer is not None and isinstance(context.get("widget"), dict):
            try:
                return mark_safe(writer(context["widget"]).strip())  # noqa: S308 (escaped)
            except KeyError:  # an option template of a project's own: the templates write it
                pass
        return super().render(template_name, context, request)


FAST_RENDERER = FastFormRenderer()
