"""The press app's latest items on the home page (template: press/_home.html)."""


def home_context(request):
    return {}
