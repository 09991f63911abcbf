"""The publishing vocabulary every content type shares.

A visitor sees an item only when it is published and its publication date has come, and
so is everything it belongs to (the plan and the parent pages of a page, the commission of a
meeting or topic, …): each model's `published()` holds that whole rule, so every public
surface — pages, lists, home, search, sitemap, feeds, calendars — asks one question. Staff
who may change a content type preview its drafts, with a banner (see `base.html`). Every
public view starts from `Model.objects.visible_to(request.user)` or `.published()`.
"""

from django.contrib.auth import get_permission_codename
from django.db import models
from django.db.models.functions import Least
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


def published_filter(prefix=""):
    """The lookups of "published and its date has come", for this model or via `prefix`
    (e.g. `published_filter("commission__")` for a meeting's commission)."""
    return {f"{prefix}status": Status.PUBLISHED, f"{prefix}published_at__lte": timezone.now()}


def can_preview(user, model):
    """Draft preview needs the change permission of the content type, not just `is_staff`."""
    if not (user.is_authenticated and user.is_staff):
        return False
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.{get_permission_codename('change', opts)}")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """Public now: published, its date has come (models add what they belong to)."""
        return self.filter(**published_filter())

    def publish_now(self):
        """Publish the items now, keeping their dates; returns how many.

        A publication date already past is the item's own (a 2007 clipping stays 2007 in the
        feeds and lists); a date still to come is brought to now, as "publish now" says. The
        date is what the editor sees in the change form: a new item gets the moment it was
        created, and an editor who wants another date sets it there.
        """
        return self.update(
            status=Status.PUBLISHED,
            published_at=Least("published_at", models.Value(timezone.now())),
        )

    def visible_to(self, user):
        """Everything for staff who may change this content type (they preview drafts with a
        banner), the published items for everyone else — a view-only account sees no draft."""
        if can_preview(user, self.model):
            return self.all()
        return self.published()


class DemoMarked(models.Model):
    """The demo mark, on every model the demo loader fills (every `Publishable` too).

    `load_demo` marks each row it creates; `load_demo --remove` deletes exactly the marked
    rows, so the portal can go live without the invented content.
    """

    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        editable=False,
        help_text=_("Invented by the demo loader; removed by `load_demo --remove`."),
    )

    class Meta:
        abstract = True


class Publishable(DemoMarked):
    """Status, publication date and the demo mark, shared by every content type."""

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        db_index=True,
        help_text=_("Visitors see the item from this moment on, if it is published."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_public(self):
        """True when visitors can see it now; False shows staff the preview banner."""
        return self.status == Status.PUBLISHED and self.published_at <= timezone.now()
