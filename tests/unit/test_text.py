"""Splitting text into sentences: at sentence punctuation, and run-on text in bounded pieces."""

from __future__ import annotations

from monitor.classify.text import sentences, split_sentences


def test_a_sentence_splits_at_its_full_stop_but_not_after_a_title_or_an_initial() -> None:
    text = "Mr. Roe was held on Nov. 3 by J. Smith's men. He was freed."
    assert split_sentences(text) == [
        "Mr. Roe was held on Nov. 3 by J. Smith's men.",
        "He was freed.",
    ]


def test_run_on_text_is_cut_at_clause_breaks_into_bounded_pieces() -> None:
    clause = "Jane Roe was arrested in the capital, "
    pieces = split_sentences(clause * 800)
    assert len(pieces) > 1
    assert all(len(p) <= 1000 for p in pieces)
    assert all(p.startswith("Jane Roe was arrested") and p.endswith(",") for p in pieces[:-1])
    assert " ".join(pieces) == (clause * 800).strip()


def test_text_with_no_breaks_at_all_is_still_cut() -> None:
    pieces = split_sentences("x" * 2500)
    assert [len(p) for p in pieces] == [1000, 1000, 500]


def test_a_long_news_sentence_stays_whole() -> None:
    long = (
        "The court, which sat " + "for many long hours and heard many witnesses, " * 15 + "ruled."
    )
    assert len(long) < 1000
    assert [s.text for s in sentences("", long)] == [long]


def test_a_name_written_with_initials_does_not_end_the_sentence() -> None:
    text = "J.R. Smith was sentenced to ten years. A.J. Roe appealed."
    assert split_sentences(text) == ["J.R. Smith was sentenced to ten years.", "A.J. Roe appealed."]


def test_acronyms_and_a_new_sentence_after_initials_still_end_the_sentence() -> None:
    text = (
        "Jane Roe was questioned by the F.B.I. Tom Hartley was arrested. He lives in N.Y. He said."
    )
    assert split_sentences(text) == [
        "Jane Roe was questioned by the F.B.I.",
        "Tom Hartley was arrested.",
        "He lives in N.Y.",
        "He said.",
    ]


def test_a_headline_of_thousands_of_characters_is_cut_to_one_bounded_sentence() -> None:
    [headline] = sentences("Jane Roe was arrested, " * 300, "")
    assert headline.headline and len(headline.text) <= 1000
