"""Form pieces every public form shares."""

from django import forms
from django.forms.renderers import Jinja2
from django.utils.translation import gettext_lazy as _

# Public forms render their widgets with Django's own Jinja2 widget templates: the same
# markup as the default renderer but for whitespace between tags, in a third of the time
# (the template engine's `{% include %}` per option and attribute list cost milliseconds a
# form). The admin keeps Django's default renderer (its widgets have no Jinja2 templates).
PUBLIC_FORM_RENDERER = Jinja2()


class HoneypotForm(forms.Form):
    """Adds a field people do not see (templates wrap it in `.honeypot`, aria-hidden);
    robots that fill every field give themselves away and are answered as usual, then ignored."""

    default_renderer = PUBLIC_FORM_RENDERER

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))


class SearchForm(forms.Form):
    """The site search, in the header and on the results page: one field, sent by GET."""

    default_renderer = PUBLIC_FORM_RENDERER

    q = forms.CharField(
        label=_("Search the site"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": 200}),
    )

    def __init__(self, *args, tips=False, **kwargs):
        super().__init__(*args, **kwargs)
        if tips:
            # On the results page the field explains the query syntax (aria-describedby).
            self.fields["q"].help_text = _(
                "Words are found in any form (“periferia” also finds “periferie”), accents "
                "optional. Put a phrase “in quotes”, and a minus before a word to leave it out: "
                "“piano strategico” -torino."
            )
