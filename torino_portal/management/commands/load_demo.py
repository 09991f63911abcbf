"""Load the invented demo items from `content/demo/`, or remove every item marked as demo.

The demo hangs on the client's content — people and meetings on the commissions, clippings
on the directions… — so loading runs `load_content` first. Both add only what is
missing and never changes a row that is there. Every row it creates carries `is_demo=True`
(shown in the admin only); `--remove` deletes exactly those rows, with the files the demo
generated, and keeps the site's own content.
"""

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import models, transaction
from django.db.models.deletion import Collector
from django.utils import translation

from torino_portal.loading import Loader, app_loaders
from torino_portal.search import index as search_index


def demo_models():
    """Models with a demo mark, the ones that build on others first (Meeting before Event)."""
    marked = [m for m in apps.get_models() if any(f.name == "is_demo" for f in m._meta.fields)]
    return list(reversed(marked))


class Command(BaseCommand):
    help = "Load the demo content (adds what is missing), or remove every item marked as demo."

    def add_arguments(self, parser):
        parser.add_argument(
            "--remove",
            action="store_true",
            help="Delete every item marked as demo data, and its files, instead of loading.",
        )

    def handle(self, *args, remove=False, **options):
        self.verbosity = options["verbosity"]
        if remove:
            self.remove()
        else:
            self.load()

    @transaction.atomic
    def load(self):
        call_command("load_content", stdout=self.stdout, verbosity=self.verbosity)
        loader = Loader(demo=True)
        # modeltranslation fills the active language's columns: load with Italian active.
        with translation.override("it"), search_index.suspended():
            for _label, load_demo in app_loaders("load_demo"):
                load_demo(loader)
        # Indexed once at the end rather than item by item as they are saved.
        search_index.rebuild()
        if self.verbosity:
            self.stdout.write(f"Demo: {loader.report()}.")

    def remove(self):
        counts, files = [], []
        with transaction.atomic():
            for model in demo_models():
                rows = model._default_manager.filter(is_demo=True)
                # Counted before deleting, model by model: a meeting is one meeting, not a
                # meeting and the Agenda event it is made of.
                count = rows.count()
                if not count:
                    continue
                files += _files_of(rows)
                rows.delete()
                counts.append(f"{count} {model._meta.verbose_name_plural}")
        # The files go once the rows are surely gone (an error above leaves both in place).
        _delete_files(files)
        self.stdout.write(f"Removed: {', '.join(counts) or 'no demo items'}.")


def _files_of(rows):
    """(storage, name) of every file of the rows and of the rows their deletion cascades to."""
    collector = Collector(using=rows.db)
    collector.collect(rows)
    instances = [(model, objs) for model, objs in collector.data.items()]
    instances += [(qs.model, list(qs)) for qs in collector.fast_deletes]
    found = []
    for model, objs in instances:
        fields = [f for f in model._meta.fields if isinstance(f, models.FileField)]
        for obj in objs:
            for field in fields:
                value = getattr(obj, field.attname)
                if value:
                    found.append((field.storage, str(value)))
    return found


def _delete_files(files):
    for storage, name in files:
        storage.delete(name)
