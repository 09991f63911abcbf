"""The newsletter app's latest items on the home page (template: newsletter/_home.html)."""


def home_context(request):
    return {}
