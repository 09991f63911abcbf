"""The press app's latest items on the home page (template: press/_home.html)."""

from .models import Clipping, Issue, Publication

HOME_CLIPPINGS = 5
HOME_PUBLICATIONS = 3


def home_context(request):
    return {
        "press_clippings": Clipping.objects.published().select_related("source")[:HOME_CLIPPINGS],
        "press_publications": Publication.objects.published()[:HOME_PUBLICATIONS],
        "press_issue": Issue.objects.published().first(),
    }
