from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from torino_portal.forms import HoneypotForm

from .models import Interest
from .services import CONSENT_TEXT

MAX_EMAIL = 254


class AddressField(forms.EmailField):
    """An e-mail address of at most 254 characters, checked before anything else."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("E-mail address"))
        kwargs.setdefault("max_length", MAX_EMAIL)
        super().__init__(**kwargs)
        self.widget.attrs.update({"autocomplete": "email"})

    def clean(self, value):
        value = (value or "").strip()
        if len(value) > MAX_EMAIL:
            raise forms.ValidationError(
                _("An e-mail address has at most %(max)d characters.") % {"max": MAX_EMAIL}
            )
        return super().clean(value)


class SubscribeForm(HoneypotForm):
    email = AddressField()
    language = forms.ChoiceField(
        label=_("Language of the mails"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
    )
    interests = forms.ModelMultipleChoiceField(
        label=_("Interests"),
        queryset=Interest.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Optional: choose none to receive everything."),
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Please accept the privacy notice to subscribe.")},
    )


class UnsubscribeRequestForm(HoneypotForm):
    email = AddressField()


class FooterSubscribeForm(SubscribeForm):
    """The compact sign-up in every page's footer: address and consent, in the page's language,
    no interests. It posts to the mailing list page, which answers any error with its own form."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "footer-subscribe-%s")
        super().__init__(*args, **kwargs)
        del self.fields["interests"]
        self.fields["language"].widget = forms.HiddenInput()
