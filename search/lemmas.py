"""Words to lemmas: Finnish with Voikko, Swedish and English with Snowball stemmers.

A document keeps, for every word, the word itself, its base forms and (for Finnish compounds) the base forms of
its parts, so that `kaatumisten` is found by `kaatuminen` (both are forms of `kaatua`), `nuorten` by `nuoret` and
`tupakkavalmisteet` by `tupakka`. A query keeps each word and its base forms only (not the parts of a compound
typed by the user, which would widen the search to every text that mentions one part).

Voikko needs the Debian packages libvoikko1 and voikko-fi. Without them (the embedded default on a machine
that lacks them) Finnish falls back to the Snowball stemmer, which joins far fewer forms; a warning says so once.
"""

import functools
import logging
import re
import unicodedata

import snowballstemmer

logger = logging.getLogger(__name__)

LANGUAGES = ("fi", "sv", "en")
# Letters and digits; the apostrophe and hyphen end a word (a tsquery lexeme never contains them).
WORD = re.compile(r"[^\W_]+")
MAX_WORD_LENGTH = 60
STEMMER_NAMES = {"fi": "finnish", "sv": "swedish", "en": "english"}


@functools.cache
def _stemmer(language: str):
    return snowballstemmer.stemmer(STEMMER_NAMES[language])


@functools.cache
def voikko():
    """The Finnish analyser, or None when libvoikko or its Finnish dictionary is missing (logged once)."""
    try:
        import libvoikko  # a ctypes wrapper: it imports without the C library and fails on first use

        return libvoikko.Voikko("fi")
    except Exception as error:  # ImportError, OSError (no libvoikko.so.1), VoikkoException (no dictionary)
        logger.warning(
            "Voikko is not available (%s): Finnish search falls back to the Snowball stemmer. Install the Debian "
            "packages libvoikko1 and voikko-fi.",
            error,
        )
        return None


def has_voikko() -> bool:
    return voikko() is not None


def words(text: str) -> list[str]:
    """The words of a text, lower-cased, letters and digits only (NFC, so that ä is one letter)."""
    normalized = unicodedata.normalize("NFC", (text or "").replace("\x00", " ")).lower()
    return [word[:MAX_WORD_LENGTH] for word in WORD.findall(normalized)]


def _clean(word: str) -> str:
    return "".join(WORD.findall(unicodedata.normalize("NFC", word).lower()))[:MAX_WORD_LENGTH]


@functools.lru_cache(maxsize=100_000)
def finnish_analyses(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(base forms, compound parts) of a Finnish word; ((), ()) when Voikko does not know it."""
    analyser = voikko()
    if analyser is None:
        return (), ()
    bases, parts = [], []
    for analysis in analyser.analyze(word):
        base = _clean(analysis.get("BASEFORM", ""))
        if base:
            bases.append(base)
        if analysis.get("STRUCTURE", "").count("=") > 1:
            parts.extend(_compound_parts(analyser, analysis, base))
    return tuple(dict.fromkeys(bases)), tuple(dict.fromkeys(p for p in parts if p and p not in bases))


def _compound_parts(analyser, analysis, base: str) -> list[str]:
    """The parts of a compound: the base forms Voikko names in WORDBASES (`+tupakka(tupakka)+valmiste(valmiste)`,
    derivation suffixes such as `+us(+us)` left out), and the last part of the base form as split by its own
    STRUCTURE (`mielenterveys` -> `terveys`, which WORDBASES gives only as `terve` + `ys`)."""
    parts = []
    for inner in re.findall(r"\(([^)]*)\)", analysis.get("WORDBASES", "")):
        if not inner.startswith("+"):
            parts.extend(_clean(piece) for piece in inner.split("="))
    for base_analysis in analyser.analyze(base) if base else ():
        structure = base_analysis.get("STRUCTURE", "")
        letters = [char for char in structure if char != "="]
        if len(letters) == len(base) and structure.count("=") > 1:
            parts.append(_clean(base[len(base) - len(structure.rsplit("=", 1)[1]) :]))
            break
    return parts


@functools.lru_cache(maxsize=100_000)
def document_terms(word: str, language: str) -> tuple[str, ...]:
    """What a document keeps for one of its words in `language`: the word, its lemmas and compound parts."""
    terms = [word]
    if language == "fi":
        bases, parts = finnish_analyses(word)
        terms += bases or [_stemmer("fi").stemWord(word)]
        terms += parts
    elif language in STEMMER_NAMES:
        terms.append(_stemmer(language).stemWord(word))
    return tuple(dict.fromkeys(term for term in terms if term))


@functools.lru_cache(maxsize=10_000)
def query_terms(word: str) -> tuple[str, ...]:
    """The lemmas a typed word may stand for, in any of the three languages (the word itself included)."""
    terms = [word]
    bases, _parts = finnish_analyses(word)
    terms += bases if bases else [_stemmer("fi").stemWord(word)] if voikko() is None else []
    terms += [_stemmer("sv").stemWord(word), _stemmer("en").stemWord(word)]
    return tuple(dict.fromkeys(term for term in terms if term))


def document_text(texts_by_language: dict[str, list[str]]) -> str:
    """The lemma text of a row's fields: every term once, space-separated, with spaces around (so that a plain
    `contains " term "` finds whole terms on SQLite)."""
    terms = {}
    for language, texts in texts_by_language.items():
        for text in texts:
            for word in words(text):
                for term in document_terms(word, language):
                    terms[term] = None
    return f" {' '.join(terms)} " if terms else ""
