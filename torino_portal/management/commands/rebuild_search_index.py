"""Write every row of the site search again (after loading fixtures or bulk imports)."""

from django.core.management.base import BaseCommand

from torino_portal.search import index


class Command(BaseCommand):
    help = "Rebuild the site search index from every published item, in both languages."

    def handle(self, *args, **options):
        rows = index.rebuild()
        self.stdout.write(f"Search index rebuilt: {rows} rows.")
