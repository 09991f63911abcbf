from django.urls import path

from . import feeds, views

app_name = "tamtam"

urlpatterns = [
    path("", views.issue_index, name="index"),
    path("feed/", feeds.IssueFeed(), name="feed"),
    path("<int:number>/", views.issue_detail, name="detail"),
]
