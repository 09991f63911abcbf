"""The printed word: what the press wrote about the Plans (clippings), what the association
published (publications) and its periodical (Tamtam issues).

Files go through Django's storage API (object storage is a setting) and are checked by
content and size on upload (`torino_portal.files.FileCheck`), with safe names (`UploadTo`).
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from torino_portal.files import (
    IMAGES,
    PDF,
    CheckedFileField,
    CheckedImageField,
    FileCheck,
    UploadTo,
)
from torino_portal.publishing import DemoMarked, Publishable
from torino_portal.richtext import RichTextField
from torino_portal.slugs import TranslatedSlugMixin, translated_slug_constraints

# Size limits per kind of file, in megabytes (the help texts below repeat them).
SCAN_MAX_MB = 20
COVER_MAX_MB = 5
PUBLICATION_PDF_MAX_MB = 80
ISSUE_PDF_MAX_MB = 40


def validate_isbn(value):
    """An ISBN-10 or ISBN-13 whose check digit is right (hyphens and spaces are ignored)."""
    digits = re.sub(r"[\s-]", "", value).upper()
    if re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        valid = total % 11 == 0
    elif re.fullmatch(r"97[89]\d{10}", digits):
        total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits))
        valid = total % 10 == 0
    else:
        raise ValidationError(
            _("An ISBN has 10 or 13 digits (ISBN-13 starts with 978 or 979)."), code="isbn"
        )
    if not valid:
        raise ValidationError(_("This ISBN's check digit is wrong: check for typos."), code="isbn")


class Source(models.Model):
    """A newspaper, agency or magazine the press review quotes; editors manage the list."""

    class Kind(models.TextChoices):
        NEWSPAPER = "newspaper", _("newspaper")
        AGENCY = "agency", _("news agency")
        MAGAZINE = "magazine", _("magazine")
        BROADCAST = "broadcast", _("radio or television")
        ONLINE = "online", _("online news")

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("Used in the press review's filter addresses (?source=la-stampa)."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWSPAPER)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ArticleLanguage(models.TextChoices):
    """The language an article was written in (its headline is shown in it)."""

    ITALIAN = "it", _("Italian")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    GERMAN = "de", _("German")
    SPANISH = "es", _("Spanish")


class Clipping(Publishable):
    """An article about the Strategic Plans: where and when it appeared, a translated
    summary, the original (a link, a scan, or both), and the directions and commissions it
    is about."""

    headline = models.CharField(
        _("headline"), max_length=300, help_text=_("As printed, in the article's language.")
    )
    slug = models.SlugField(
        _("slug"), max_length=120, blank=True, help_text=_("Filled in from the headline.")
    )
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="clippings", verbose_name=_("source")
    )
    date = models.DateField(_("date of the article"))
    author = models.CharField(_("author"), max_length=200, blank=True)
    page = models.CharField(
        _("page or section"), max_length=100, blank=True, help_text=_("E.g. “p. 41, Cronaca”.")
    )
    language = models.CharField(
        _("language of the article"),
        max_length=5,
        choices=ArticleLanguage.choices,
        default=ArticleLanguage.ITALIAN,
        help_text=_("The language the article was written in (the headline stays in it)."),
    )
    summary = models.TextField(_("summary"), blank=True)
    url = models.URLField(_("link to the original"), max_length=500, blank=True)
    scan = CheckedFileField(
        _("scan (PDF or image)"),
        upload_to=UploadTo("press/clippings"),
        blank=True,
        validators=[FileCheck(PDF | IMAGES, max_mb=SCAN_MAX_MB)],
        help_text=_("PDF, JPEG, PNG or WebP, at most 20 MB."),
    )
    directions = models.ManyToManyField(
        "plans.Direction",
        blank=True,
        related_name="clippings",
        verbose_name=_("strategic directions"),
    )
    commissions = models.ManyToManyField(
        "commissions.Commission",
        blank=True,
        related_name="clippings",
        verbose_name=_("commissions"),
    )

    class Meta:
        verbose_name = _("clipping")
        verbose_name_plural = _("clippings")
        ordering = ["-date", "-pk"]
        get_latest_by = "published_at"
        indexes = [
            models.Index(fields=["-date", "-id"], name="press_clipping_date_idx"),
            models.Index(fields=["source", "-date"], name="press_clipping_source_date_idx"),
        ]

    def __str__(self):
        return self.headline

    def clean(self):
        if not self.url and not self.scan:
            raise ValidationError(
                _("Give the link to the original article or upload its scan (or both).")
            )

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.headline)[:120].strip("-") or "article"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("press:detail", kwargs={"pk": self.pk, "slug": self.slug})


class Series(DemoMarked):
    """A series of the association's publications (e.g. "Quaderni del Piano")."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(
        _("slug"),
        max_length=150,
        unique=True,
        help_text=_("Used in the catalogue's filter addresses (?series=…)."),
    )

    class Meta:
        verbose_name = _("series")
        # One word in English, two in Italian (collana, collane).
        verbose_name_plural = pgettext_lazy("plural", "series")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Publication(TranslatedSlugMixin, Publishable):
    """A book or report published by the association, with its cover and its PDF.

    Addressed by its slug alone (`/it/editoria/<slug>/`): unique among all publications.
    """

    reserved_slugs = frozenset({"feed"})  # /it/editoria/feed/ is the catalogue's RSS

    title = models.CharField(_("title"), max_length=250)
    subtitle = models.CharField(_("subtitle"), max_length=250, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        blank=True,
        help_text=_("Filled in from the title when left empty."),
    )
    authors = models.CharField(
        _("authors or editors"),
        max_length=300,
        blank=True,
        help_text=_("As on the title page, e.g. “edited by A. Rossi and B. Bianchi”."),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    series = models.ForeignKey(
        Series,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="publications",
        verbose_name=_("series"),
    )
    description = RichTextField(_("description"))
    cover = CheckedImageField(
        _("cover"),
        upload_to=UploadTo("publications/covers"),
        blank=True,
        validators=[FileCheck(IMAGES, max_mb=COVER_MAX_MB)],
        help_text=_("JPEG, PNG or WebP, at most 5 MB."),
    )
    cover_alt = models.CharField(
        _("cover description"),
        max_length=250,
        blank=True,
        help_text=_("For screen readers; when empty, “Cover of …” with the title."),
    )
    pdf = CheckedFileField(
        _("PDF"),
        upload_to=UploadTo("publications"),
        blank=True,
        validators=[FileCheck(PDF, max_mb=PUBLICATION_PDF_MAX_MB)],
        help_text=_("PDF only, at most 80 MB."),
    )
    isbn = models.CharField(
        _("ISBN"),
        max_length=20,
        blank=True,
        validators=[validate_isbn],
        help_text=_("The book's 10 or 13-digit code, with or without hyphens; empty if none."),
    )
    plan = models.ForeignKey(
        "plans.Plan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="publications",
        verbose_name=_("strategic plan"),
        help_text=_("When the publication is a Strategic Plan, its pages are linked."),
    )

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-year", "-published_at"]
        get_latest_by = "published_at"
        indexes = [
            models.Index(fields=["-year", "-published_at"], name="press_publication_year_idx"),
        ]
        constraints = translated_slug_constraints(
            "press_publication", message=_("Another publication has this address.")
        )

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("publications:detail", kwargs={"slug": self.slug})


class Issue(Publishable):
    """A numbered issue of Tamtam, the association's periodical, on one monographic theme."""

    number = models.PositiveIntegerField(
        _("number"), unique=True, help_text=_("The issue's number, as printed on its cover.")
    )
    date = models.DateField(_("date of the issue"))
    theme = models.CharField(
        _("monographic theme"),
        max_length=250,
        help_text=_("Each Tamtam issue is devoted to one theme: its title on the site."),
    )
    cover = CheckedImageField(
        _("cover"),
        upload_to=UploadTo("tamtam/covers"),
        blank=True,
        validators=[FileCheck(IMAGES, max_mb=COVER_MAX_MB)],
        help_text=_("JPEG, PNG or WebP, at most 5 MB."),
    )
    pdf = CheckedFileField(
        _("PDF"),
        upload_to=UploadTo("tamtam"),
        blank=True,
        validators=[FileCheck(PDF, max_mb=ISSUE_PDF_MAX_MB)],
        help_text=_("PDF only, at most 40 MB."),
    )
    contents = RichTextField(_("table of contents"))

    class Meta:
        verbose_name = _("Tamtam issue")
        verbose_name_plural = _("Tamtam issues")
        ordering = ["-date", "-number"]
        get_latest_by = "published_at"
        indexes = [models.Index(fields=["-date", "-number"], name="press_issue_date_idx")]

    def __str__(self):
        return _("Tamtam no. %(number)s: %(theme)s") % {"number": self.number, "theme": self.theme}

    def get_absolute_url(self):
        return reverse("tamtam:detail", kwargs={"number": self.number})
