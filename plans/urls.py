from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "plans"

urlpatterns = [
    path(pgettext_lazy("URL", "strategic-plan-<int:number>/"), views.plan, name="plan"),
    path(
        pgettext_lazy("URL", "strategic-plan-<int:number>/directions/"),
        views.directions,
        name="directions",
    ),
    path(
        pgettext_lazy("URL", "strategic-plan-<int:number>/directions/<int:direction>/"),
        views.direction,
        name="direction",
    ),
    path(
        pgettext_lazy("URL", "strategic-plan-<int:number>/<path:page_path>/"),
        views.page,
        name="page",
    ),
]
