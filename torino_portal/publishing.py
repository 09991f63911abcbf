"""The publishing vocabulary every content type shares.

A visitor sees an item only when it is published and its publication date has come;
staff see everything, with a preview banner (see `base.html`). Every public view starts
from `Model.objects.visible_to(request.user)` or `.published()`.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())

    def visible_to(self, user):
        """Everything for staff (they preview drafts), the published items for the rest."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        return self.published()

    def demo(self):
        return self.filter(is_demo=True)


class Publishable(models.Model):
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
    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        editable=False,
        help_text=_("Invented by the demo loader; removed by `load_demo --remove`."),
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
