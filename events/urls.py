from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views
from .feeds import NewEventsAtomFeed, NewEventsFeed

app_name = "events"

urlpatterns = [
    path("", views.index, name="index"),
    path(pgettext_lazy("URL", "archive/"), views.archive, name="archive"),
    path("<int:year>/", views.year, name="year"),
    path("<int:year>/<int:month>/", views.month, name="month"),
    path("<int:year>/<int:month>/<int:day>/", views.day, name="day"),
    path("<int:year>/<int:month>/<int:day>/<slug:slug>/", views.detail, name="detail"),
    path("<int:year>/<int:month>/<int:day>/<slug:slug>.ics", views.event_ics, name="ics"),
    path(
        pgettext_lazy("URL", "<int:year>/<int:month>/<int:day>/<slug:slug>/register/"),
        views.register,
        name="register",
    ),
    path(pgettext_lazy("URL", "registration/cancel/<str:token>/"), views.cancel, name="cancel"),
    path(pgettext_lazy("URL", "registration/confirm/<str:token>/"), views.confirm, name="confirm"),
    path("ical/", views.ical_feed, name="ical"),
    path("ical/<slug:kind>/", views.ical_feed, name="ical-kind"),
    path("rss/", NewEventsFeed(), name="feed"),
    path("atom/", NewEventsAtomFeed(), name="atom"),
]
