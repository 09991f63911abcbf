from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views
from .feeds import NewsletterFeed

app_name = "newsletter"

urlpatterns = [
    path("", views.index, name="index"),
    path(pgettext_lazy("URL", "check-your-inbox/"), views.thanks, name="thanks"),
    path(pgettext_lazy("URL", "confirm/<str:token>/"), views.confirm, name="confirm"),
    path(
        pgettext_lazy("URL", "unsubscribe/"), views.unsubscribe_request, name="unsubscribe-request"
    ),
    path(
        pgettext_lazy("URL", "unsubscribe/link-sent/"),
        views.unsubscribe_sent,
        name="unsubscribe-sent",
    ),
    path(pgettext_lazy("URL", "unsubscribe/<str:token>/"), views.unsubscribe, name="unsubscribe"),
    # Written in mail headers (RFC 8058); the same in both languages.
    path("one-click/<str:token>/", views.one_click, name="one-click"),
    path(pgettext_lazy("URL", "archive/"), views.archive, name="archive"),
    path(pgettext_lazy("URL", "archive/feed/"), NewsletterFeed(), name="feed"),
    path(pgettext_lazy("URL", "archive/<int:pk>/"), views.detail, name="detail"),
]
