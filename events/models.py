"""The Agenda: events of every kind, commission meetings included.

A commission meeting *is* an event (`commissions.Meeting` inherits from `Event`), so it is
entered once and appears in the Agenda and its calendars without a copy to keep in step.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from torino_portal.i18n import fill_translated_slugs
from torino_portal.publishing import Publishable
from torino_portal.richtext import RichTextField


class EventKind(models.Model):
    """Conference, presentation, forum, workshop, consultation day, … (editable by staff)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("kind of event")
        verbose_name_plural = _("kinds of event")
        ordering = ["order", "slug"]

    def __str__(self):
        return self.name


class Event(Publishable):
    """Something that happens at a time and a place, shown in the Agenda."""

    kind = models.ForeignKey(
        EventKind, on_delete=models.PROTECT, related_name="events", verbose_name=_("kind")
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        blank=True,
        help_text=_("Filled in from the title when left empty."),
    )
    summary = models.TextField(_("summary"), blank=True)
    description = RichTextField(_("description"))
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"), null=True, blank=True, db_index=True)
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("The times are ignored; the event runs from the start day to the end day."),
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.CharField(_("address"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start"]
        get_latest_by = "start"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        fill_translated_slugs(self)
        super().save(*args, **kwargs)
