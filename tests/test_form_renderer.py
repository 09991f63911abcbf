"""The public forms' renderer (Django's Jinja2 widget templates) writes the markup of Django's
default templates: the same tags, attributes and text, whitespace between tags aside."""

import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from torino_portal.forms import PUBLIC_FORM_RENDERER

DJANGO = DjangoTemplates()

CHOICES = [("", "All"), (1, "One & <two>"), ("x\"y'", mark_safe("<b>safe</b>")), (2006, 2006)]
GROUPED = [("Group <1>", [("a", "A"), ("b", "B")]), ("c", "C"), ("", "empty")]


class Everything(forms.Form):
    text = forms.CharField(max_length=10, help_text="Help & more", label=gettext_lazy("Year"))
    email = forms.EmailField(widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    url = forms.URLField(required=False, assume_scheme="https")
    number = forms.IntegerField(required=False, min_value=1)
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)
    password = forms.CharField(widget=forms.PasswordInput, required=False)
    search = forms.CharField(widget=forms.TextInput(attrs={"type": "search", "maxlength": 200}))
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), required=False)
    boolean = forms.BooleanField(help_text="Tick it")
    optional_boolean = forms.BooleanField(required=False)
    select = forms.TypedChoiceField(choices=CHOICES, coerce=str, required=False)
    grouped = forms.ChoiceField(choices=GROUPED)
    multiple = forms.MultipleChoiceField(choices=GROUPED, required=False)
    radio = forms.ChoiceField(choices=CHOICES[1:], widget=forms.RadioSelect, help_text="Pick")
    grouped_radio = forms.ChoiceField(choices=GROUPED, widget=forms.RadioSelect)
    checkboxes = forms.MultipleChoiceField(
        choices=CHOICES[1:],
        widget=forms.CheckboxSelectMultiple(attrs={"class": "boxes"}),
        required=False,
    )
    no_choices = forms.MultipleChoiceField(
        choices=[], widget=forms.CheckboxSelectMultiple, required=False
    )
    flags = forms.CharField(
        widget=forms.TextInput(attrs={"disabled": True, "readonly": False, "data-x": 0}),
        required=False,
    )


def _pieces(form):
    """Everything a template can ask of a form's fields, whitespace between tags aside."""
    out = []
    for field in form:
        out.append(str(field))
        if field.use_fieldset:
            out.extend(choice.tag() for choice in field)
            out.extend(str(choice) for choice in field)
        out.append(str(field.errors))
    return [_normalised(html) for html in out]


def _normalised(html):
    """Whitespace between tags aside, and MarkupSafe's spelling of two entities."""
    html = html.replace("&#34;", "&quot;").replace("&#39;", "&#x27;")
    return re.sub(r"\s+", " ", re.sub(r">\s+|\s+<", lambda m: m[0].strip(), html))


def _both(make):
    return (
        _pieces(make(DJANGO)),
        _pieces(make(PUBLIC_FORM_RENDERER)),
    )


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {
            "text": "a" * 20,
            "email": "bad & <bad>",
            "number": "0",
            "select": "2006",
            "grouped": "b",
            "multiple": ["a", "c"],
            "radio": "x\"y'",
            "grouped_radio": "nope",
            "checkboxes": ["1", "2006"],
            "date": "2026-11-25",
            "hidden": "<h>",
        },
    ],
)
def test_same_html_as_django_templates(data):
    def make(renderer):
        return Everything(data, renderer=renderer, initial={"select": 1, "radio": 1})

    django_html, fast_html = _both(make)
    assert fast_html == django_html


def test_same_html_with_other_ids_and_languages():
    for language in ("it", "en"):
        with translation.override(language):

            def make(renderer):
                return Everything({"boolean": "on"}, renderer=renderer, auto_id="x-%s")

            django_html, fast_html = _both(make)
            assert fast_html == django_html

            def make_without_ids(renderer):
                return Everything(renderer=renderer, auto_id=False)

            django_html, fast_html = _both(make_without_ids)
            assert fast_html == django_html


def test_same_html_for_the_portals_forms(db):
    from newsletter.forms import SubscribeForm
    from newsletter.models import Interest
    from press.forms import ClippingFilterForm, PublicationFilterForm

    Interest.objects.bulk_create(
        Interest(key=f"k{i}", name_it=f"Tema <{i}>", name_en=f"Topic & {i}") for i in range(3)
    )
    cases = [
        lambda r: SubscribeForm(initial={"language": "en"}, renderer=r),
        lambda r: SubscribeForm({"email": "x", "interests": ["999"]}, renderer=r),
        lambda r: ClippingFilterForm({"year": "2006", "month": "13"}, years=[2006], sources=[]),
        lambda r: PublicationFilterForm({"series": "nope"}, years=[2001, 2000], series=[]),
    ]
    for make in cases:
        django_form = make(DJANGO)
        django_form.renderer = DJANGO
        public_form = make(PUBLIC_FORM_RENDERER)
        public_form.renderer = PUBLIC_FORM_RENDERER
        assert _pieces(public_form) == _pieces(django_form)


def test_the_portals_public_forms_use_it():
    from commissions.forms import ContributionForm
    from events.forms import RegistrationForm
    from newsletter.forms import SubscribeForm
    from press.forms import ClippingFilterForm
    from torino_portal.forms import SearchForm

    for form_class in (SubscribeForm, SearchForm, ContributionForm, RegistrationForm):
        assert form_class.default_renderer is PUBLIC_FORM_RENDERER
    assert ClippingFilterForm({}, years=[], sources=[]).renderer is PUBLIC_FORM_RENDERER
