"""The classifier on articles written for these tests: each type, each cue, each reference."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from monitor.classify.extract import Classifier
from monitor.config import load_cases
from monitor.domain.articles import Article
from monitor.domain.cases import Case, CaseBook

CASES = Path(__file__).resolve().parents[1] / "data" / "cases.toml"
PUB = dt.datetime(2022, 10, 12, 9, tzinfo=dt.UTC)  # a Wednesday


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier(load_cases(CASES))


def found(classifier: Classifier, text: str, title: str = "") -> set[tuple[str, str, str | None]]:
    article = Article("a", title, text, PUB)
    return {(d.case, d.type.value, d.date.iso() if d.date else None) for d in classifier(article)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police arrested Anna Lindqvist in Moscow on Saturday.",
            ("lindqvist", "detained", "2022-10-08"),
        ),
        (
            "Anna Lindqvist was formally charged with espionage on Monday.",
            ("lindqvist", "charged", "2022-10-10"),
        ),
        (
            "Swedish consular officials visited Anna Lindqvist on Tuesday, the embassy said.",
            ("lindqvist", "consular_visit", "2022-10-11"),
        ),
        (
            "Anna Lindqvist appeared in court on Monday for a bail hearing.",
            ("lindqvist", "hearing", "2022-10-10"),
        ),
        (
            "The trial of Anna Lindqvist opened in Moscow on Monday.",
            ("lindqvist", "trial", "2022-10-10"),
        ),
        (
            "A court found Anna Lindqvist guilty of spying on Tuesday.",
            ("lindqvist", "verdict", "2022-10-11"),
        ),
        ("A court acquitted Anna Lindqvist on Tuesday.", ("lindqvist", "verdict", "2022-10-11")),
        (
            "Anna Lindqvist was sentenced to 12 years on Tuesday.",
            ("lindqvist", "sentenced", "2022-10-11"),
        ),
        (
            "A higher court upheld the sentence of Anna Lindqvist on Tuesday.",
            ("lindqvist", "appeal", "2022-10-11"),
        ),
        ("Anna Lindqvist was released on bail on Monday.", ("lindqvist", "bail", "2022-10-10")),
        (
            "Anna Lindqvist was transferred to a penal colony in Mordovia in September.",
            ("lindqvist", "transferred", "2022-09"),
        ),
        (
            "Anna Lindqvist was freed on Tuesday and flew home.",
            ("lindqvist", "released", "2022-10-11"),
        ),
        (
            "Anna Lindqvist died in custody on Sunday, her family said.",
            ("lindqvist", "died", "2022-10-09"),
        ),
        (
            "The Swedish foreign minister urged Moscow to release Anna Lindqvist on Monday.",
            ("lindqvist", "diplomatic_action", "2022-10-10"),
        ),
    ],
)
def test_each_development_type_is_found_with_its_date(
    classifier: Classifier, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in found(classifier, text)


@pytest.mark.parametrize(
    "text",
    [
        "Anna Lindqvist was not charged with any crime.",
        "Anna Lindqvist has never been convicted.",
        "Anna Lindqvist will be tried next month.",
        "Anna Lindqvist could face 20 years in prison if convicted.",
        "Anna Lindqvist awaits a verdict.",
        "Anna Lindqvist receives monthly consular visits, the embassy said.",
        "Campaigners are working to secure the release of Anna Lindqvist.",
        "A report on Anna Lindqvist's case was released on Monday.",
    ],
)
def test_negated_future_hypothetical_and_habitual_statements_are_not_developments(
    classifier: Classifier, text: str
) -> None:
    assert found(classifier, text) == set()


def test_a_group_name_reports_the_development_once_per_member(classifier: Classifier) -> None:
    assert found(classifier, "The two aid workers were released on Friday.") == {
        ("lindqvist", "released", "2022-10-07"),
        ("okafor", "released", "2022-10-07"),
    }


def test_plural_references_bind_to_the_cases_named_together(classifier: Classifier) -> None:
    text = (
        # (Not "have been held for a year": the labelling rules date such a detention.)
        "Anna Lindqvist and Daniel Okafor work for a charity in Lagos. "
        "The pair were sentenced on Tuesday."
    )
    assert {(c, t) for c, t, _ in found(classifier, text)} == {
        ("lindqvist", "sentenced"),
        ("okafor", "sentenced"),
    }


def test_a_pronoun_binds_to_the_case_named_just_before(classifier: Classifier) -> None:
    text = "Daniel Okafor is a charity worker from Lagos. He was arrested on Saturday."
    assert found(classifier, text) == {("okafor", "detained", "2022-10-08")}


def test_a_surname_counts_after_a_full_mention(classifier: Classifier) -> None:
    text = "Daniel Okafor works for a charity. Mr. Okafor was detained in January."
    assert ("okafor", "detained", "2022-01") in found(classifier, text)


def test_someone_else_with_the_same_surname_is_not_the_case(classifier: Classifier) -> None:
    assert found(classifier, "Police arrested Peter Okafor in Lagos on Monday.") == set()


def test_an_initial_at_the_end_of_an_alias_is_no_surname() -> None:
    book = CaseBook(cases=(Case("davis", "Duane Davis", ("Keffe D",)),))
    text = "Speaker Nancy Pelosi, D-Calif., said the suspect was arrested on Friday."
    assert Classifier(book)(Article("a", "", text, PUB)) == []


def test_a_surname_that_is_also_a_word_counts_only_written_as_a_name() -> None:
    # A Chinese case's surname comes first: "He" of He Mingzhe, "Law" of Law Kai-ming.
    book = CaseBook(
        cases=(
            Case("he", "He Mingzhe", (), "CN", ("CN",)),
            Case("law", "Law Kai-ming", (), "HK", ("HK",)),
        )
    )
    classify = Classifier(book)
    assert classify(Article("a", "", "A man was arrested after he was caught.", PUB)) == []
    assert classify(Article("b", "", "He was arrested on Monday in Shanghai.", PUB)) == []
    assert classify(Article("c", "", "Protesters were detained under the security law.", PUB)) == []
    text = "He Mingzhe had served three years."
    freed = classify(Article("d", "Chinese scientist He freed from prison", text, PUB))
    assert {d.case for d in freed} == {"he"}


def test_a_surname_that_is_a_common_word_names_the_case_only_with_the_full_name() -> None:
    # "stone" is in the packaged list of words the news writes in lower case.
    classify = Classifier(CaseBook(cases=(Case("stone", "Roger Mills Stone"),)))
    assert classify(Article("a", "Stone freed from prison", "", PUB)) == []
    text = "Roger Mills Stone had served three years."
    assert {d.case for d in classify(Article("b", "Stone freed from prison", text, PUB))} == {
        "stone"
    }


def test_a_surname_that_stands_as_a_place_names_no_case_alone() -> None:
    classify = Classifier(CaseBook(cases=(Case("houston", "Brian Houston"),)))
    for title in ("A man was arrested in Houston on Monday", "Houston police arrest a man"):
        assert classify(Article("a", title, "", PUB)) == []
    got = classify(Article("b", "Houston charged over abuse cover-up", "", PUB))
    assert {d.case for d in got} == {"houston"}


def test_a_name_going_on_with_another_generation_is_another_person() -> None:
    book = CaseBook(cases=(Case("smith", "Robert Smith III", ("Robert Smith",)),))
    classify = Classifier(book)
    assert classify(Article("a", "", "Robert Smith Jr. was arrested on Monday.", PUB)) == []
    got = classify(Article("b", "", "Robert Smith was arrested on Monday.", PUB))
    assert [d.case for d in got] == ["smith"]
    # A case named with no generation may carry one in the news.
    book = CaseBook(cases=(Case("kara", "Vladimir Kara-Murza"),))
    got = Classifier(book)(
        Article("c", "", "Vladimir Kara-Murza, Jr. was arrested on Monday.", PUB)
    )
    assert [d.case for d in got] == ["kara"]


def test_aliases_and_transliterations_match(classifier: Classifier) -> None:
    assert ("lindqvist", "released", "2022-10-11") in found(
        classifier, "Anna Lindkvist was released on Tuesday."
    )
    assert ("tanaka", "detained", "2022-10") in found(
        classifier, "Chinese state media said 田中浩 was detained earlier this month."
    )


def test_only_whole_words_match(classifier: Classifier) -> None:
    assert found(classifier, "Police arrested Okaforson on Monday.") == set()


def test_background_mentions_keep_their_own_dates(classifier: Classifier) -> None:
    text = (
        "Daniel Okafor, who was arrested in January 2021, was released on Friday. "
        "He had previously been convicted of spying."
    )
    got = found(classifier, text)
    assert ("okafor", "detained", "2021-01") in got
    assert ("okafor", "released", "2022-10-07") in got
    assert ("okafor", "verdict", None) in got


def test_news_with_no_date_of_its_own_is_dated_to_the_publication_day(
    classifier: Classifier,
) -> None:
    assert found(classifier, "", title="Court sentences Anna Lindqvist to 12 years") == {
        ("lindqvist", "sentenced", "2022-10-12")
    }


def test_nine_days_later_counts_from_the_date_before_it(classifier: Classifier) -> None:
    text = (
        "Zhou Min was arrested on December 1, 2021, and Anna Lindqvist "
        "was arrested nine days later."
    )
    got = found(classifier, text)
    assert ("zhou-min", "detained", "2021-12-01") in got
    assert ("lindqvist", "detained", "2021-12-10") in got


def test_respectively_pairs_dates_with_cases_in_order(classifier: Classifier) -> None:
    text = (
        "The ambassador visited Anna Lindqvist and Daniel Okafor on Sept. 3 and Sept. 9, "
        "respectively."
    )
    assert found(classifier, text) == {
        ("lindqvist", "consular_visit", "2022-09-03"),
        ("okafor", "consular_visit", "2022-09-09"),
    }


def test_sentence_detail_and_appeal_outcome_are_kept(classifier: Classifier) -> None:
    article = Article("a", "", "Anna Lindqvist was sentenced to death on Monday.", PUB)
    [dev] = classifier(article)
    assert dev.detail == "death" and dev.evidence.startswith("Anna Lindqvist")
    appeal = Article("b", "", "A court overturned the conviction of Anna Lindqvist.", PUB)
    # An appeal decided is not a new verdict (the scorer may still miss the appeal itself).
    assert all(d.type.value == "appeal" for d in classifier(appeal))


def test_an_article_naming_no_case_yields_nothing_fast(classifier: Classifier) -> None:
    assert found(classifier, "Markets rose on Monday after the central bank cut rates.") == set()


def test_run_on_text_from_a_hostile_feed_is_read_in_bounded_pieces() -> None:
    # 34,500 characters with no full stop and 1,500 mentions: read whole as one sentence, this
    # took minutes (the work grows with the square of a sentence's length).
    book = CaseBook((Case("roe", "Jane Roe", (), "CN", ("GB",)),))
    article = Article("a", "Jane Roe", "Jane Roe was arrested, " * 1500, PUB)
    assert {(d.case, d.type.value) for d in Classifier(book)(article)} == {("roe", "detained")}
