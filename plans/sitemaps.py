from torino_portal.i18n import TranslatedSitemap

from .models import Direction, Page, Plan


class PlanSitemap(TranslatedSitemap):
    def items(self):
        return Plan.objects.published()


class PageSitemap(TranslatedSitemap):
    def items(self):
        return Page.objects.published().select_related("plan", "parent__parent__parent")


class DirectionSitemap(TranslatedSitemap):
    def items(self):
        return Direction.objects.published().select_related("plan")


SITEMAPS = {"plans": PlanSitemap, "plan-pages": PageSitemap, "directions": DirectionSitemap}
