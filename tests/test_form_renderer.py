"""torino_portal.form_renderer writes the same HTML as Django's widget templates."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from torino_portal import form_renderer
from torino_portal.form_renderer import FAST_RENDERER

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
    """Everything a template can ask of a form's fields."""
    out = []
    for field in form:
        out.append(str(field))
        if field.use_fieldset:
            out.extend(choice.tag() for choice in field)
            out.extend(str(choice) for choice in field)
        out.append(str(field.errors))
    return out


def _both(make):
    return (
        _pieces(make(DJANGO)),
        _pieces(make(FAST_RENDERER)),
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
        fast_form = make(FAST_RENDERER)
        fast_form.renderer = FAST_RENDERER
        assert _pieces(fast_form) == _pieces(django_form)


def test_a_changed_django_template_goes_back_to_the_templates(monkeypatch):
    sources = {**form_renderer._SOURCES, "select.html": "something else"}
    monkeypatch.setattr(form_renderer, "_SOURCES", sources)
    writers = form_renderer._checked()
    assert "django/forms/widgets/select.html" not in writers
    assert "django/forms/widgets/text.html" in writers
    monkeypatch.setattr(form_renderer, "_SOURCES", {**sources, "attrs.html": "changed"})
    assert form_renderer._checked() == {}


def test_the_portals_public_forms_use_it():
    from newsletter.forms import SubscribeForm
    from press.forms import ClippingFilterForm

    assert SubscribeForm().renderer is FAST_RENDERER
    assert ClippingFilterForm({}, years=[], sources=[]).renderer is FAST_RENDERER
