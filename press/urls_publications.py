from django.urls import path

from . import feeds, views

app_name = "publications"

urlpatterns = [
    path("", views.publication_index, name="index"),
    path("feed/", feeds.PublicationFeed(), name="feed"),
    path("<slug:slug>/", views.publication_detail, name="detail"),
]
