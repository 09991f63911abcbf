from django.urls import path

from . import feeds, views

app_name = "press"

urlpatterns = [
    path("", views.clipping_index, name="index"),
    path("feed/", feeds.ClippingFeed(), name="feed"),
    path("atom/", feeds.ClippingAtomFeed(), name="atom"),
    path("<int:pk>-<slug:slug>/", views.clipping_detail, name="detail"),
]
