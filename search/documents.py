"""What each searchable model contributes to its search lemmas, and writing them.

Every language's translated fields are lemmatised in that language (search.lemmas). Titles go to
`search_title`, the rest to `search_text` (weights A and B of search_document; a visitor finds a members-only
material by its title only, search.query).
"""

from django.apps import apps

from .lemmas import LANGUAGES, document_text

# model label -> (title fields, other fields); each is translated (modeltranslation adds _fi/_sv/_en).
SEARCHED = {
    "materials.Material": (("title",), ("description",)),
    "events.Event": (("title",), ("summary", "description", "venue")),
    "networks.Network": (("name",), ("summary", "description", "focus_areas")),
}


def searched_models():
    return [apps.get_model(label) for label in SEARCHED]


def _texts(row, fields) -> dict[str, list[str]]:
    return {language: [getattr(row, f"{field}_{language}", "") or "" for field in fields] for language in LANGUAGES}


def fill_lemmas(row) -> None:
    """Set the row's search_title and search_text from its translated fields (not saved here)."""
    title_fields, text_fields = SEARCHED[row._meta.label]
    row.search_title = document_text(_texts(row, title_fields))
    row.search_text = document_text(_texts(row, text_fields))


def rebuild(model, *, batch_size=500) -> int:
    """Recompute the lemmas of every row of a model (after a Voikko dictionary update, or rows written with
    bulk_create, which skips the save signal). Returns the number of rows."""
    title_fields, text_fields = SEARCHED[model._meta.label]
    names = [f"{field}_{language}" for field in title_fields + text_fields for language in LANGUAGES]
    count = 0
    rows = []
    for row in model.objects.only("pk", *names).order_by("pk").iterator(chunk_size=batch_size):
        fill_lemmas(row)
        rows.append(row)
        if len(rows) >= batch_size:
            count += model.objects.bulk_update(rows, ["search_title", "search_text"])
            rows = []
    if rows:
        count += model.objects.bulk_update(rows, ["search_title", "search_text"])
    return count
