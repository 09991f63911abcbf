"""The commissions app's latest items on the home page (template: commissions/_home.html)."""


def home_context(request):
    return {}
