"""Finnish lemmas with Voikko, compound parts, Swedish and English stems, and the fallback without Voikko."""

import logging

import pytest

from search import lemmas


@pytest.mark.voikko
def test_inflected_finnish_words_share_their_base_form():
    assert "kaatua" in lemmas.query_terms("kaatuminen")
    assert "kaatua" in lemmas.document_terms("kaatumisten", "fi")
    assert "nuori" in lemmas.document_terms("nuorten", "fi")
    assert "lihavuus" in lemmas.document_terms("lihavuuden", "fi")


@pytest.mark.voikko
def test_a_compound_keeps_its_parts_in_documents_only():
    assert {"tupakkavalmiste", "tupakka", "valmiste"} <= set(lemmas.document_terms("tupakkavalmisteet", "fi"))
    assert "terveys" in lemmas.document_terms("mielenterveyden", "fi")
    # A compound typed in a search is looked for whole: its parts would widen it to every text that has one.
    assert "tupakka" not in lemmas.query_terms("tupakkavalmisteet")


def test_swedish_and_english_words_are_stemmed_in_their_own_language():
    assert "rökning" in lemmas.document_terms("rökningen", "sv")
    assert "fall" in lemmas.document_terms("falls", "en")


def test_document_text_is_each_term_once_with_spaces_around():
    text = lemmas.document_text({"sv": ["Rökning, rökning!"], "en": []})
    assert text.startswith(" ") and text.endswith(" ")
    assert text.split().count("rökning") == 1


def test_without_voikko_finnish_falls_back_to_the_stemmer_with_a_warning(monkeypatch, caplog):
    import libvoikko

    def missing(*args, **kwargs):
        raise OSError("libvoikko.so.1: cannot open shared object file")

    monkeypatch.setattr(libvoikko, "Voikko", missing)
    for cached in (lemmas.voikko, lemmas.finnish_analyses, lemmas.document_terms, lemmas.query_terms):
        cached.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="search.lemmas"):
            assert lemmas.has_voikko() is False
            assert "kaatumist" in lemmas.document_terms("kaatumisten", "fi")
        assert "falls back to the Snowball stemmer" in caplog.text
    finally:
        monkeypatch.undo()
        for cached in (lemmas.voikko, lemmas.finnish_analyses, lemmas.document_terms, lemmas.query_terms):
            cached.cache_clear()
