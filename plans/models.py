"""The Strategic Plans (2000, 2006), their page trees and Plan 2's strategic directions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from torino_portal.i18n import LANGUAGE_CODES, fill_translated_slugs
from torino_portal.publishing import Publishable
from torino_portal.richtext import RichTextField


class Plan(Publishable):
    """A Strategic Plan; its number gives its address (`/it/piano-strategico-2/`)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("body"))

    class Meta:
        verbose_name = _("strategic plan")
        verbose_name_plural = _("strategic plans")
        ordering = ["-number"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("plans:plan", kwargs={"number": self.number})


class Page(Publishable):
    """A page in a plan's tree, of any depth, ordered by editors among its siblings."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="pages", verbose_name=_("plan")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent page"),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        blank=True,
        help_text=_("Filled in from the title when left empty."),
    )
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("body"))
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["plan", "order", "pk"]
        indexes = [models.Index(fields=["plan", "parent", "order"])]

    def __str__(self):
        return self.title

    def clean(self):
        if self.parent_id and self.parent.plan_id != self.plan_id:
            raise ValidationError({"parent": _("The parent page belongs to another plan.")})
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": _("A page cannot be inside itself.")})
            ancestor = ancestor.parent
        fill_translated_slugs(self)
        siblings = Page.objects.filter(plan_id=self.plan_id, parent_id=self.parent_id)
        for code in LANGUAGE_CODES:
            slug = getattr(self, f"slug_{code}")
            if siblings.exclude(pk=self.pk).filter(**{f"slug_{code}": slug}).exists():
                raise ValidationError(
                    {f"slug_{code}": _("Another page at this level has this address.")}
                )

    def save(self, *args, **kwargs):
        fill_translated_slugs(self)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        path = "/".join(page.slug for page in [*self.ancestors(), self])
        return reverse("plans:page", kwargs={"number": self.plan.number, "page_path": path})

    def ancestors(self):
        """From the top of the tree down to the parent; views set `_ancestors` to save queries."""
        if not hasattr(self, "_ancestors"):
            chain, page = [], self.parent
            while page is not None:
                chain.insert(0, page)
                page = page.parent
            self._ancestors = chain
        return self._ancestors


class MetaObjective(models.TextChoices):
    """The three meta-objectives the 2nd Plan's directions serve."""

    COMPETITIVENESS = "competitiveness", _("competitiveness")
    ATTRACTIVENESS = "attractiveness", _("attractiveness")
    COHESION = "cohesion", _("social and territorial cohesion")


class Direction(Publishable):
    """One of the strategic directions (direzioni d'intervento) of a plan."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="directions", verbose_name=_("plan")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    description = RichTextField(_("description"))
    meta_objective = models.CharField(
        _("meta-objective"), max_length=20, choices=MetaObjective.choices
    )

    class Meta:
        verbose_name = _("strategic direction")
        verbose_name_plural = _("strategic directions")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="unique_direction_number"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def get_absolute_url(self):
        return reverse(
            "plans:direction", kwargs={"number": self.plan.number, "direction": self.number}
        )
