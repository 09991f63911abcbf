"""The plans app's public pages in the sitemap."""

from django.urls import reverse

from torino_portal.i18n import TranslatedSitemap

from .models import Direction, Page, Plan


class PlanSitemap(TranslatedSitemap):
    def items(self):
        return Plan.objects.published().order_by("number")


class PageSitemap(TranslatedSitemap):
    def items(self):
        return (
            Page.objects.published()
            .select_related("plan", "parent__parent__parent")
            .order_by("plan__number", "pk")
        )


class DirectionSitemap(TranslatedSitemap):
    def items(self):
        return Direction.objects.published().select_related("plan").order_by("plan__number", "pk")


class DirectionIndexSitemap(TranslatedSitemap):
    """Each plan's list of strategic directions (for the plans that have some)."""

    def items(self):
        return (
            Plan.objects.published()
            .filter(pk__in=Direction.objects.published().values("plan"))
            .order_by("number")
        )

    def location(self, plan):
        return reverse("plans:directions", kwargs={"number": plan.number})


SITEMAPS = {
    "plans": PlanSitemap,
    "plan-pages": PageSitemap,
    "direction-lists": DirectionIndexSitemap,
    "directions": DirectionSitemap,
}
