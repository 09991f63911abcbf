"""Form pieces every public form shares."""

from django import forms
from django.utils.translation import gettext_lazy as _


class HoneypotForm(forms.Form):
    """Adds a field people do not see (templates wrap it in `.honeypot`, aria-hidden);
    robots that fill every field give themselves away and are answered as usual, then ignored."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
