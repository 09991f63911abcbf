from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from torino_portal.forms import HoneypotForm

from .models import Contribution


class ContributionForm(HoneypotForm):
    """A visitor's contribution to the online forum: plain text, with consent and a honeypot."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Never shown on the site; the editors may use it to reply."),
    )
    text = forms.CharField(
        label=_("Your contribution"),
        max_length=Contribution.MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree to the processing of my data."),
        error_messages={"required": _("Please accept the privacy notice to take part.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = gettext(
            "Plain text, up to %(limit)s characters; line breaks are kept and links allowed."
        ) % {"limit": Contribution.MAX_LENGTH}
