from django import forms
from django.utils.translation import gettext_lazy as _

from torino_portal.forms import HoneypotForm


class RegistrationForm(HoneypotForm):
    """A visitor's sign-up: who they are, and their consent to the privacy notice."""

    name = forms.CharField(label=_("Name and surname"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("We send the confirmation here, with a link to cancel."),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=_("Optional: the company, body or association you belong to."),
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that my data are used for this event."),
        error_messages={"required": _("Please agree to the privacy notice to register.")},
    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Please write your name."))
        return name

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
