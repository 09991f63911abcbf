"""Site-wide pages that editors write: the home introduction, help, contacts, privacy."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .publishing import Publishable
from .richtext import RichTextField


class SitePage(Publishable):
    """A page with a fixed address and editable text (help, contacts, privacy notice, …)."""

    class Key(models.TextChoices):
        HOME = "home", _("Home page introduction")
        HELP = "help", _("Help")
        CONTACTS = "contacts", _("Contacts")
        PRIVACY = "privacy", _("Privacy notice")

    key = models.CharField(_("page"), max_length=20, choices=Key.choices, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("body"))

    class Meta:
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")
        ordering = ["key"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.key == self.Key.HOME:
            return reverse("home")
        return reverse(f"site-{self.key}")
