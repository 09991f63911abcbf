"""The Strategic Plans on the home page (template: plans/_home.html)."""

from .models import Plan


def home_context(request):
    return {"plans": Plan.objects.published()}
