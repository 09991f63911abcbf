import re

from django import forms
from django.utils.translation import gettext_lazy as _

from torino_portal.forms import HoneypotForm

# What a name is not: line breaks and other control characters, links, e-mail addresses,
# domain names ("example.org", "www.x"). A name travels to staff and into lists; it must
# not carry a message of the sender's choosing.
# (Only common top-level domains count, so "Dott.ssa" stays a name.)
NOT_A_NAME = re.compile(
    r"[\x00-\x1f\x7f\u2028\u2029]|://|@|\bwww\.|[a-z0-9-]\.(?:com|org|net|it|eu|info|io|"
    r"biz|ru|cn|de|fr|uk|co|me|ly|gl|xyz|top|app|dev|site|online|link|click|shop)\b",
    re.IGNORECASE,
)
NAME_MAX_LENGTH = 100


def plain_line(value, message):
    if NOT_A_NAME.search(value):
        raise forms.ValidationError(message)
    return value


class RegistrationForm(HoneypotForm):
    """A visitor's sign-up: who they are, and their consent to the privacy notice."""

    name = forms.CharField(
        label=_("Name and surname"),
        max_length=NAME_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send you a link here: open it to confirm your registration."),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
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
        return plain_line(
            name, _("Please write your name only, on one line, without links or addresses.")
        )

    def clean_organisation(self):
        return plain_line(
            self.cleaned_data["organisation"].strip(),
            _(
                "Please write the organisation's name only, on one line, without links or "
                "addresses."
            ),
        )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
