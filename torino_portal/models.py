"""Site-wide pages that editors write: the home introduction, help, contacts, privacy, the
accessibility statement."""

from django.contrib.postgres.search import SearchVectorField
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
        # AgID's model: conformance, non-accessible content, date, feedback, enforcement.
        ACCESSIBILITY = "accessibility", _("Accessibility statement")

    key = models.CharField(
        _("page"),
        max_length=20,
        choices=Key.choices,
        unique=True,
        help_text=_("Which of the site's fixed pages this text is (its address comes from it)."),
    )
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


class SearchDocument(models.Model):
    """One item of the site search in one language: its text without markup and its vector.

    `torino_portal.search` keeps the rows current on every save and delete of the searched
    models (and rebuilds them with `manage.py rebuild_search_index`), so a search page reads
    this one table. Only items that are, or will be, public have rows; `visible_from` (the
    latest publication date of the item and of what it belongs to) hides a scheduled item
    until its moment comes, checked at query time.
    """

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=10)
    section = models.CharField(max_length=40)
    title = models.TextField()
    title_language = models.CharField(max_length=10)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # The same item's text in the other language (when it has its own), weighted least.
    other_text = models.TextField(blank=True)
    # Text search configurations (PostgreSQL): the language the text is really written in.
    config = models.CharField(max_length=40)
    other_config = models.CharField(max_length=40)
    url = models.CharField(max_length=500)
    date = models.DateField(null=True, blank=True)
    visible_from = models.DateTimeField()
    # A tsvector on PostgreSQL (GIN-indexed by migration 0004); unused on SQLite.
    vector = SearchVectorField(null=True, editable=False)
    # Title and summary only: small and kept in the row (migration 0005), so ranking
    # thousands of matches reads no TOASTed body vector; body matches rank last.
    rank_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="search_document_unique"
            )
        ]
        indexes = [models.Index(fields=["language", "section", "visible_from"])]

    def __str__(self):
        return self.title
