from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views
from .feeds import ForumFeed

app_name = "commissions"

# The fixed segments come first: a commission's slug may not be one of them (see the model).
urlpatterns = [
    path("", views.index, name="index"),
    path(pgettext_lazy("URL", "process/"), views.process, name="process"),
    path("forum/", views.forum, name="forum"),
    path("forum/feed/", ForumFeed(), name="forum-feed"),
    path("<slug:slug>/", views.detail, name="detail"),
    path(
        pgettext_lazy("URL", "<slug:commission>/meetings/<int:pk>-<slug:slug>/"),
        views.meeting,
        name="meeting",
    ),
    path("<slug:commission>/forum/<slug:slug>/", views.topic, name="topic"),
]
