"""Load the client's own content from `content/`: the site pages, both Strategic Plans with
their page trees, the directions, the commissions and their mandates, and the reference
lists (event kinds, press sources, mailing-list interests). What a real deployment starts
from. Adds only what the database does not have: an editor's changes are never touched.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from torino_portal.loading import Loader, app_loaders
from torino_portal.search import index as search_index


class Command(BaseCommand):
    help = "Load the site's own content from content/ (adds what is missing, changes nothing)."

    @transaction.atomic
    def handle(self, *args, **options):
        loader = Loader()
        # modeltranslation fills the active language's columns: load with Italian active.
        with translation.override("it"), search_index.suspended():
            for _label, load in app_loaders("load"):
                load(loader)
        # Indexed once at the end rather than item by item as they are saved.
        search_index.rebuild()
        if options["verbosity"]:
            self.stdout.write(f"Content: {loader.report()}.")
