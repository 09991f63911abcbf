"""The commissions app's latest items on the home page (template: commissions/_home.html)."""

from .models import Commission


def home_context(request):
    return {"home_commissions": Commission.objects.published()}
