"""Marking the searched words in a result's title and text, safely.

Each word of the shown text is compared by its lemmas (search.lemmas.document_terms, in the page's language)
with the search's terms, so that `kaatuminen` marks `Kaatumisten`. The text is escaped piece by piece and only
our own <mark> elements are added: nothing a staff member or visitor wrote becomes markup.
"""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .lemmas import MAX_WORD_LENGTH, document_terms
from .query import Search

WORD = re.compile(r"[^\W_]+")
SNIPPET_WORDS = 30


def _matches(word: str, search: Search, language: str) -> bool:
    word = unicodedata.normalize("NFC", word).lower()[:MAX_WORD_LENGTH]
    if any(word.startswith(prefix) for prefix in search.prefixes):
        return True
    return bool(search.terms.intersection(document_terms(word, language)))


def highlight(text: str, search: Search, language: str) -> SafeString:
    """The text, escaped, with each matching word in <mark>."""
    text = text or ""
    if not search:
        return escape(text)
    pieces, position = [], 0
    for match in WORD.finditer(text):
        if _matches(match.group(), search, language):
            pieces.append(escape(text[position : match.start()]))
            pieces.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 (every piece is escaped above)


def snippet(text: str, search: Search, language: str, *, length: int = SNIPPET_WORDS) -> SafeString:
    """About `length` words of the text around its first match (the start when none), highlighted."""
    parts = (text or "").split()
    if len(parts) <= length:
        return highlight(" ".join(parts), search, language)
    first = next(
        (index for index, part in enumerate(parts) if any(_matches(w, search, language) for w in WORD.findall(part))),
        0,
    )
    start = max(0, min(first - length // 3, len(parts) - length))
    shown = " ".join(parts[start : start + length])
    before = "… " if start > 0 else ""
    after = " …" if start + length < len(parts) else ""
    return mark_safe(before + highlight(shown, search, language) + after)  # noqa: S308 (highlight escapes)
