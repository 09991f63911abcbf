"""The Strategic Plans (2000, 2006), their page trees and Plan 2's strategic directions."""

from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from torino_portal.publishing import Publishable, PublishableQuerySet, Status, published_filter
from torino_portal.richtext import RichTextField
from torino_portal.slugs import TranslatedSlugMixin, translated_slug_constraints

SIBLING_TAKEN = _("Another page at this level has this address.")


class Plan(Publishable):
    """A Strategic Plan; its number gives its address (`/it/piano-strategico-2/`)."""

    number = models.PositiveSmallIntegerField(
        _("number"),
        unique=True,
        help_text=_("1 for the first Strategic Plan, 2 for the second: it is in the address."),
    )
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


class PageQuerySet(PublishableQuerySet):
    def published(self):
        """Public pages whose plan and every ancestor are public too.

        One recursive query (`WITH RECURSIVE`, in SQLite and PostgreSQL alike) walks down
        from the public roots through public pages only, so a page under a draft parent is
        left out however deep it sits. Evaluated per query rather than kept in a stored flag:
        a parent scheduled for tomorrow brings its subtree out tomorrow, and `update()` or a
        bulk load cannot leave a flag out of step.
        """
        return (
            super()
            .published()
            .filter(**published_filter("plan__"))
            .filter(pk__in=RawSQL(*self._public_tree_sql()))
        )

    def _public_tree_sql(self):
        connection = connections[self.db]
        quote = connection.ops.quote_name
        opts = self.model._meta
        table, pk, parent, status, date = (
            quote(opts.db_table),
            quote(opts.pk.column),
            quote(opts.get_field("parent").column),
            quote(opts.get_field("status").column),
            quote(opts.get_field("published_at").column),
        )
        # The date adapted as Django adapts it for lookups (text on SQLite). Cost measured
        # by bench/page_visibility.py: no slower than the page's own status test.
        params = (Status.PUBLISHED, connection.ops.adapt_datetimefield_value(timezone.now()))
        sql = (
            f"WITH RECURSIVE public_pages(page_id) AS ("
            f" SELECT {pk} FROM {table}"
            f" WHERE {parent} IS NULL AND {status} = %s AND {date} <= %s"
            f" UNION ALL"
            f" SELECT child.{pk} FROM {table} child"
            f" JOIN public_pages ON child.{parent} = public_pages.page_id"
            f" WHERE child.{status} = %s AND child.{date} <= %s"
            f") SELECT page_id FROM public_pages"
        )
        return sql, (*params, *params)


class DirectionQuerySet(PublishableQuerySet):
    def published(self):
        """A direction is public while its plan is."""
        return super().published().filter(**published_filter("plan__"))


class Page(TranslatedSlugMixin, Publishable):
    """A page in a plan's tree, of any depth, ordered by editors among its siblings.

    Its address is the path of slugs from the plan down, so a slug is unique among its
    siblings: under the same parent, or among the plan's top pages (parent NULL, which a
    plain unique constraint would let repeat, hence the conditional one).
    """

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
        help_text=_("The page this one sits under; empty for a page at the top of the plan."),
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
    order = models.PositiveIntegerField(
        _("order"),
        default=0,
        help_text=_("Among the pages with the same parent, the lowest number comes first."),
    )

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["plan", "order", "pk"]
        indexes = [models.Index(fields=["plan", "parent", "order"])]
        constraints = [
            *translated_slug_constraints("plans_page", "parent", message=SIBLING_TAKEN),
            *translated_slug_constraints(
                "plans_page_top", "plan", message=SIBLING_TAKEN, condition=Q(parent__isnull=True)
            ),
        ]

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
        super().clean()

    def slug_scope(self):
        return Page.objects.filter(plan_id=self.plan_id, parent_id=self.parent_id)

    def get_absolute_url(self):
        path = "/".join(page.slug for page in [*self.ancestors(), self])
        return reverse("plans:page", kwargs={"number": self.plan.number, "page_path": path})

    @property
    def is_public(self):
        """Public only with its plan and every ancestor (the preview banner says so)."""
        return (
            super().is_public
            and self.plan.is_public
            and all(page.is_public for page in self.ancestors())
        )

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
        _("meta-objective"),
        max_length=20,
        choices=MetaObjective.choices,
        help_text=_("The plan's broad aim this direction serves; directions are grouped by it."),
    )

    objects = DirectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("strategic direction")
        verbose_name_plural = _("strategic directions")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="unique_direction_number"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def is_public(self):
        return super().is_public and self.plan.is_public

    def get_absolute_url(self):
        return reverse(
            "plans:direction", kwargs={"number": self.plan.number, "direction": self.number}
        )
