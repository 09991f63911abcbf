"""The filter forms of the press review and the catalogue: GET forms whose values stay in
the address, so a filtered list can be shared. A value that is not on offer (a junk year,
an unknown source) is dropped and the page says so; it never breaks the page."""

from django import forms
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from torino_portal.forms import PUBLIC_FORM_RENDERER


class FilterForm(forms.Form):
    """A GET filter form whose invalid fields are ignored rather than fatal."""

    default_renderer = PUBLIC_FORM_RENDERER

    def __init__(self, data, **kwargs):
        # Empty values count as "no filter": only parameters that were given are checked.
        super().__init__({k: v for k, v in data.items() if v}, **kwargs)

    def filters(self):
        """(the valid values, the labels of the fields whose value was ignored)."""
        self.is_valid()
        values = {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}
        return values, [str(self.fields[name].label) for name in self.errors]

    def summary(self):
        """The filters in force in words, for the page's title: "2006, giugno, La Stampa"."""
        words = []
        for name, value in self.filters()[0].items():
            labels = {str(key): label for key, label in self.fields[name].choices}
            words.append(str(labels.get(str(value), value)))
        return ", ".join(words)


class ClippingFilterForm(FilterForm):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)
    month = forms.TypedChoiceField(
        label=_("Month"),
        coerce=int,
        required=False,
        choices=[("", _("All months")), *MONTHS.items()],
    )
    source = forms.ChoiceField(label=_("Source"), required=False)

    def __init__(self, data, *, years, sources):
        """years: newest first; sources: (slug, name) pairs."""
        super().__init__(data)
        self.fields["year"].choices = [("", _("All years")), *((y, y) for y in years)]
        self.fields["source"].choices = [
            ("", _("All sources")),
            *sources,
        ]

    def clean(self):
        data = super().clean()
        if data.get("month") and not data.get("year"):
            self.add_error("month", _("Choose a year to filter by month."))
        return data


class PublicationFilterForm(FilterForm):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)
    series = forms.ChoiceField(label=_("Series"), required=False)

    def __init__(self, data, *, years, series):
        """years: newest first; series: (slug, name) pairs."""
        super().__init__(data)
        self.fields["year"].choices = [("", _("All years")), *((y, y) for y in years)]
        self.fields["series"].choices = [
            ("", _("All series")),
            *series,
        ]
