"""Run the content loaders from tests: the whole commands, or one app's loader alone."""

from importlib import import_module

from django.core.management import call_command
from django.utils import translation

from torino_portal.loading import Loader


def load_content():
    call_command("load_content", verbosity=0)


def load_demo():
    call_command("load_demo", verbosity=0)


def load_app(app, *, demo=False):
    """One app's `content.load` (or `load_demo`), as the commands run it; returns the loader."""
    loader = Loader(demo=demo)
    with translation.override("it"):
        module = import_module(f"{app}.content")
        (module.load_demo if demo else module.load)(loader)
    return loader
