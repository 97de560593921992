"""Recompute the search lemmas of every material, event and network (search.documents.rebuild)."""

from django.core.management.base import BaseCommand

from search.documents import rebuild, searched_models
from search.lemmas import has_voikko


class Command(BaseCommand):
    help = "Recompute the search lemmas of every material, event and network."

    def handle(self, *args, **options):
        if not has_voikko():
            self.stderr.write("Voikko is missing: Finnish words are stemmed, not lemmatised.")
        for model in searched_models():
            count = rebuild(model)
            self.stdout.write(f"{model._meta.label}: {count} rows")
