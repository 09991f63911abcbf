"""The events app's latest items on the home page (template: events/_home.html)."""


def home_context(request):
    return {}
