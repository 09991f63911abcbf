"""Fill an empty database with the original site's content, or remove what was invented.

Every app may have a `demo.py` with a `load()` function; they run in INSTALLED_APPS order
(plans before commissions, events before commissions, …) inside one transaction. Loaders
key every item on a stable field, so running the command twice changes nothing. Invented
items carry `is_demo=True`: `--remove` deletes exactly those before the portal goes live.
"""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation
from django.utils.module_loading import module_has_submodule


def demo_modules():
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "demo"):
            yield config.label, import_module(f"{config.name}.demo")


class Command(BaseCommand):
    help = "Load the demo content (idempotent), or remove every item marked as demo."

    def add_arguments(self, parser):
        parser.add_argument(
            "--remove",
            action="store_true",
            help="Delete every item marked as demo data instead of loading.",
        )

    @transaction.atomic
    def handle(self, *args, remove=False, **options):
        # modeltranslation fills the active language's columns: load with Italian active.
        with translation.override("it"):
            if remove:
                self.remove()
            else:
                for label, module in demo_modules():
                    module.load()
                    self.stdout.write(f"{label}: demo content loaded")

    def remove(self):
        models = [m for m in apps.get_models() if any(f.name == "is_demo" for f in m._meta.fields)]
        # Reverse order: the apps that build on others go first.
        for model in reversed(models):
            deleted, _detail = model.objects.filter(is_demo=True).delete()
            if deleted:
                self.stdout.write(f"{model._meta.label}: {deleted} demo rows removed")
