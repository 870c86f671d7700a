"""How feed items report developments: headline grammar, descriptors, background forms, dates.

Every item here is written by us about fictional people (tests/data/cases.toml); each stands
for a general way news phrases a development, not for a sentence of any labelled set.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from monitor.classify import cues as C
from monitor.classify.candidates import Candidate, candidates
from monitor.classify.extract import Classifier, article_view
from monitor.classify.mentions import MentionIndex, find_mentions
from monitor.classify.text import sentences
from monitor.config import load_cases
from monitor.domain.articles import Article
from monitor.domain.cases import Case, CaseBook

CASES = Path(__file__).resolve().parents[1] / "data" / "cases.toml"
PUB = dt.datetime(2023, 3, 15, 8, tzinfo=dt.UTC)  # a Wednesday


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier(load_cases(CASES))


def found(classifier: Classifier, title: str, text: str = "") -> set[tuple[str, str, str | None]]:
    article = Article("f", title, text, PUB)
    return {(d.case, d.type.value, d.date.iso() if d.date else None) for d in classifier(article)}


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # Headline grammar: no auxiliary, present tense for the past, the state as actor.
        ("Anna Lindqvist: Swedish aid worker arrested in Moscow", "", ("lindqvist", "detained")),
        ("Russia Sentences Anna Lindqvist to 12 Years in Prison", "", ("lindqvist", "sentenced")),
        ("Anna Lindqvist jailed for 12 years", "", ("lindqvist", "sentenced")),
        ("Moscow court convicts Anna Lindqvist of espionage", "", ("lindqvist", "verdict")),
        ("Court acquits Daniel Okafor of all charges", "", ("okafor", "verdict")),
        ("Daniel Okafor goes on trial in Tehran", "", ("okafor", "trial")),
        ("Iran Frees Daniel Okafor in Prisoner Swap", "", ("okafor", "released")),
        ("Iran executes Daniel Okafor", "", ("okafor", "died")),
    ],
)
def test_headline_grammar_reports_the_development_on_the_publication_day(
    classifier: Classifier, title: str, text: str, expected: tuple[str, str]
) -> None:
    assert (*expected, "2023-03-15") in found(classifier, title, text)


def test_a_descriptor_in_the_headline_stands_for_the_case_the_summary_names(
    classifier: Classifier,
) -> None:
    got = found(
        classifier,
        "Swedish aid worker sentenced to 12 years in Russia",
        "Anna Lindqvist, 41, was convicted of espionage by a Moscow court.",
    )
    assert ("lindqvist", "sentenced", "2023-03-15") in got


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        ("Anna Lindqvist will be released next week, officials say", "", "released"),
        ("Prosecutors seek 15-year prison term for Anna Lindqvist", "", "sentenced"),
        ("Friends call for the release of Anna Lindqvist", "", "released"),
        ("Anna Lindqvist could face up to 20 years in prison", "", "sentenced"),
        ("Detained aid worker Anna Lindqvist writes to her family", "", "detained"),
        ("Anna Lindqvist, who is serving a 12-year sentence, wins a prize", "", "sentenced"),
        ("Court extends the detention of Anna Lindqvist", "", "detained"),
        ("A report on Anna Lindqvist's case was released on Monday", "", "released"),
        ("Daniel Okafor died in police custody, his family said", "", "detained"),
        # Clemency shortens an old sentence; a plea is no legal appeal; ended charges.
        ("President commutes Anna Lindqvist's prison sentence", "", "sentenced"),
        ("President commutes Anna Lindqvist's prison sentence", "", "appeal"),
        ("Anna Lindqvist appeals to the Swedish prime minister for help", "", "appeal"),
        ("Court acquits Daniel Okafor of tax evasion charges", "", "charged"),
        # Things released, diplomats expelled, a name that holds a trigger word, a compound.
        ("Anna Lindqvist's relatives released details of her detention", "", "released"),
        ("Russia expels the Swedish ambassador over Anna Lindqvist", "", "released"),
        ("Radio Free Europe hires Anna Lindqvist's lawyer", "", "released"),
        ("Military-ruled Myanmar marks a holiday, Anna Lindqvist's friends say", "", "hearing"),
        ("Anna Lindqvist's pre-trial detention ends", "", "trial"),
        # A nickname, others killed, a custody order, a release on conditions.
        ("Anna Lindqvist, known as the 'Angel of Death' in the tabloids, spoke", "", "died"),
        ("Two killed in protests over Anna Lindqvist's arrest", "", "died"),
        ("Judge extends Anna Lindqvist's jail time by 18 months", "", "sentenced"),
        ("Anna Lindqvist released from prison on medical parole", "", "released"),
        # A faked or near death, a return to face charges, bail revoked or argued for.
        ("Anna Lindqvist faked her own death to escape, police say", "", "died"),
        ("Anna Lindqvist says she was nearly killed in prison", "", "died"),
        ("Anna Lindqvist returned home to face corruption charges", "", "released"),
        ("Judge revokes Anna Lindqvist's bail", "", "bail"),
        ("Anna Lindqvist argues for bail", "", "bail"),
        ("Anna Lindqvist escapes house arrest and flees abroad", "", "bail"),
        ("Anna Lindqvist returns from exile to a hero's welcome", "", "released"),
        ("Iran releases the prominent actress Daniel Okafor on bail", "", "released"),
        # A participle after a verb, or before a nationality, says who someone is.
        ("The minister discussed detained Americans and Anna Lindqvist", "", "detained"),
    ],
)
def test_futures_demands_states_and_things_are_not_developments_of_that_type(
    classifier: Classifier, title: str, text: str, kind: str
) -> None:
    assert kind not in {t for _, t, _ in found(classifier, title, text)}


def test_release_to_house_arrest_is_bail_not_release(classifier: Classifier) -> None:
    got = {t for _, t, _ in found(classifier, "Daniel Okafor released to house arrest")}
    assert "released" not in got
    assert "detained" not in got  # house arrest is no new detention


def test_a_date_that_belongs_to_another_event_does_not_date_the_development(
    classifier: Classifier,
) -> None:
    got = found(
        classifier,
        "Anna Lindqvist sentenced to 13 months in prison over 2019 protest",
        "Anna Lindqvist has been sentenced to 13 months in prison after pleading guilty to "
        "organising a protest last year.",
    )
    assert {d for c, t, d in got if (c, t) == ("lindqvist", "sentenced")} == {"2023-03-15"}


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Former adviser Daniel Okafor found guilty for defying Jan. 6 committee subpoena",
            "Okafor was found guilty of contempt for refusing to cooperate with the committee "
            "investigating the Jan. 6 attack.",
        ),
        (
            "Daniel Okafor charged over the October 7 attacks",
            "Prosecutors said Okafor was charged over the October 7 attacks.",
        ),
        # A year before a named event: the event's year, not the arrest's.
        ("Suspect in 1994 Geneva Hotel Bombing Daniel Okafor Is Arrested", ""),
    ],
)
def test_a_date_that_names_another_event_does_not_date_the_development(
    classifier: Classifier, title: str, text: str
) -> None:
    # "The Jan. 6 committee" names a committee; the verdict is today's news.
    got = found(classifier, title, text)
    assert got and {d for _, _, d in got} == {"2023-03-15"}


@pytest.mark.parametrize(
    ("title", "kind", "expected"),
    [
        # A third government acting on the case is diplomatic action, dotted or not ...
        ("The U.K. condemns the sentence of Daniel Okafor", "diplomatic_action", True),
        ("Sweden calls on Russia to free Anna Lindqvist", "diplomatic_action", True),
        # ... the holder announcing its own act is not; others arrested are not the case.
        ("Russia says it will expel Anna Lindqvist", "diplomatic_action", False),
        # An extradition hands a person from one state to another.
        ("Mexico extradites Daniel Okafor to the US", "transferred", True),
        # A court ordering custody before trial holds a hearing.
        # The court acts and the case is held. (With the case only as the object of "for",
        # "Judge orders 18-month pre-trial detention for X" now scores just under the
        # threshold chosen for precision on unseen people: a known miss, docs/classifier.md.)
        ("Court orders Anna Lindqvist held in pre-trial detention for two months", "hearing", True),
        ("Two journalists arrested for covering Anna Lindqvist's case", "detained", False),
    ],
)
def test_who_acts_and_on_whom(
    classifier: Classifier, title: str, kind: str, expected: bool
) -> None:
    assert (kind in {t for _, t, _ in found(classifier, title)}) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Daniel Okafor has been detained since April 2021.", ("okafor", "detained", "2021-04")),
        ("Daniel Okafor has been held in Evin prison since 2019.", ("okafor", "detained", "2019")),
        (
            "The details of Daniel Okafor's 2020 arrest were never published.",
            ("okafor", "detained", "2020"),
        ),
        (
            "Daniel Okafor, who has been detained for about 600 days, went on hunger strike.",
            ("okafor", "detained", "2021"),
        ),
        ("Protesters mark 40 days since Daniel Okafor's death.", ("okafor", "died", "2023-02-03")),
        (
            "Anna Lindqvist was arrested in Moscow in late 2021 and later charged with spying.",
            ("lindqvist", "detained", "2021"),
        ),
        (
            "Just before Christmas 2019, Daniel Okafor was arrested at Tehran airport.",
            ("okafor", "detained", "2019"),
        ),
    ],
)
def test_background_forms_are_dated_from_the_text(
    classifier: Classifier, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in found(classifier, "", text)


def test_a_week_after_the_detention_counts_back_from_publication(classifier: Classifier) -> None:
    got = found(classifier, "", "Daniel Okafor's fate remains unclear a week after his detention.")
    assert ("okafor", "detained", "2023-03-08") in got


def test_every_development_carries_a_confidence_between_zero_and_one(
    classifier: Classifier,
) -> None:
    devs = classifier(Article("f", "Russia Sentences Anna Lindqvist to 12 Years", "", PUB))
    assert devs and all(0.0 < d.confidence <= 1.0 for d in devs)


@pytest.mark.parametrize(
    ("title", "text", "kind", "expected"),
    [
        # A trial under way is told by its parts: the jury, the stand, the deliberations.
        ("Jury begins deliberating in Anna Lindqvist's espionage trial", "", "trial", True),
        ("Anna Lindqvist takes the stand in her own defence", "", "trial", True),
        # "Not guilty" after "found" is an acquittal, not a denial.
        ("Daniel Okafor found not guilty of spying", "", "verdict", True),
        # A relative named through the case is another person (LABELING rule 1).
        ("Police arrest son of Anna Lindqvist in Moscow", "", "detained", False),
        ("Anna Lindqvist's brother detained at the border", "", "detained", False),
        # Speech between the relative and the news leaves it to the case.
        (
            "Anna Lindqvist's husband says she was moved to a penal colony",
            "",
            "transferred",
            True,
        ),
        # The case as the killer, others as the dead.
        ("Man killed by Daniel Okafor was shot in the back, doctor says", "", "died", False),
        (
            "Months after his wife and son were found dead, Daniel Okafor is charged",
            "",
            "died",
            False,
        ),
        # Title-case headlines capitalise every word, so a capitalised neighbour is no given name.
        (
            "Aid Worker Lindqvist Freed From Prison, Returns to Sweden",
            "Anna Lindqvist left the prison on Tuesday.",
            "released",
            True,
        ),
        # Handed from one state to another; "sent to prison" is no transfer.
        ("Daniel Okafor put on extradition flight to the U.S.", "", "transferred", True),
        ("Anna Lindqvist sent to prison for 12 years", "", "transferred", False),
        # A relative's words or a pronoun point back to the case; "mother of two" is no relative.
        (
            "Anna Lindqvist's husband welcomed her release from a Russian prison on Tuesday",
            "",
            "released",
            True,
        ),
        ("Daniel Okafor's brother says he was executed", "", "died", True),
        ("Mother of two Anna Lindqvist jailed for 12 years", "", "sentenced", True),
        # Idioms and claims are no trial and no verdict.
        ("The jury is still out on whether Daniel Okafor will be freed", "", "trial", False),
        ("Anna Lindqvist says she was not guilty of any crime", "", "verdict", False),
        # An appeal's decision in another clause leaves a new verdict alone.
        (
            "Daniel Okafor, whose 2019 conviction was overturned, was convicted again on Tuesday",
            "",
            "verdict",
            True,
        ),
        ("Anna Lindqvist Interviewed By Radio Free Asia In Moscow Prison", "", "released", False),
    ],
)
def test_trials_acquittals_relatives_killers_title_case_and_extradition_flights(
    classifier: Classifier, title: str, text: str, kind: str, expected: bool
) -> None:
    assert (kind in {t for _, t, _ in found(classifier, title, text)}) is expected


@pytest.mark.parametrize(
    "title",
    [
        "Jury fails to reach a verdict in Anna Lindqvist spying case",
        "Hung jury in Anna Lindqvist espionage case",
        "Deliberations under way as Anna Lindqvist awaits her fate",
        "Anna Lindqvist's lawyers begin the defence case",
        "Anna Lindqvist tells court she was beaten in custody",
        "Former guard tells jury he saw Anna Lindqvist hand over files",
    ],
)
def test_a_trial_is_told_by_its_jury_its_defence_and_what_the_court_is_told(title: str) -> None:
    assert ("lindqvist", "trial") in proposed(title)


def candidates_of(title: str, text: str = "") -> list[Candidate]:
    """The candidates the cues propose and the vetoes let through, before scoring."""
    view = article_view(MentionIndex(load_cases(CASES)), Article("f", title, text, PUB))
    return [] if view is None else candidates(view)


def proposed(title: str, text: str = "") -> set[tuple[str, str]]:
    return {(c.case, c.type.value) for c in candidates_of(title, text)}


@pytest.mark.parametrize(
    ("title", "text", "kind", "expected"),
    [
        # A verdict's place and charge are no descriptor of who someone is ...
        ("Anna Lindqvist convicted in Moscow on national security charges", "", "verdict", True),
        ("Court convicts prominent journalist Anna Lindqvist", "", "verdict", True),
        # ... and a participle before a title tells an earlier verdict (dated as background).
        ("Russia frees convicted aid worker Anna Lindqvist", "", "verdict", True),
        # Verbs that take "to" in the active, and a government as the agent, act.
        ("Sweden reached out to Moscow about Anna Lindqvist", "", "diplomatic_action", True),
        (
            "Anna Lindqvist freed in a deal brokered by the U.S. and Qatar",
            "",
            "diplomatic_action",
            True,
        ),
        # Titles, killings and time held are no detention and no sentence.
        ("Top hostage negotiator meets Daniel Okafor's family", "", "detained", False),
        ("Daniel Okafor beaten to death in custody, family says", "", "sentenced", False),
        ("Anna Lindqvist returns home after six years in prison", "", "sentenced", False),
        # "China jails X" and a trial under way are news.
        ("Russia jails Anna Lindqvist over protest", "", "sentenced", True),
        ("Anna Lindqvist on trial in Moscow as jurors hear evidence", "", "trial", True),
        # A campaigner is no campaign, a video no subject of the release, others not the case.
        ("Rights campaigner Anna Lindqvist granted bail", "", "bail", True),
        ("Video shows release of Anna Lindqvist", "", "released", True),
        (
            "Anna Lindqvist was released on Friday, but others remain in custody",
            "",
            "released",
            True,
        ),
        (
            "Anna Lindqvist was released on Friday but remains under house arrest",
            "",
            "released",
            False,
        ),
        # Reported is not intended; attempts, intentions and warrants are not events.
        ("Belarus said to pardon Anna Lindqvist", "", "released", True),
        ("Police foil arrest attempt on Daniel Okafor", "", "detained", False),
        ("Daniel Okafor intends to plead guilty", "", "verdict", False),
        # A court refusing bail rules at a hearing; events as nouns.
        ("Moscow court denied bail to Anna Lindqvist", "", "hearing", True),
        ("Judge denies Daniel Okafor a new trial", "", "hearing", True),
        ("Anna Lindqvist released from prison on medical parole", "", "bail", True),
        ("Daniel Okafor's bid for retrial denied", "", "hearing", True),
        ("Court rejects bail request by Anna Lindqvist", "", "hearing", True),
        ("Daniel Okafor's deportation ends a two-year ordeal", "", "released", True),
        ("Daniel Okafor's capture in Syria shocked his family", "", "detained", True),
        # Words in another sense: markets, parties, rulings ruled out, custody of children.
        ("Daniel Okafor's crypto exchange collapses", "", "released", False),
        ("Anna Lindqvist expelled from the party", "", "released", False),
        ("Court ruled out a retrial for Daniel Okafor", "", "hearing", False),
        ("Anna Lindqvist wins custody of her children", "", "detained", False),
        ("Anna Lindqvist's sentencing hearing opens in Moscow", "", "sentenced", False),
        ("Daniel Okafor was close to death in prison, his wife says", "", "died", False),
        # A sentence's place is no transfer; an appeal against a conviction is no new verdict.
        (
            "Russia sentences Anna Lindqvist to eight years in a penal colony",
            "",
            "transferred",
            False,
        ),
        ("Anna Lindqvist loses appeal against her conviction", "", "verdict", False),
        # Who someone is, as the subject of another verb, is no detention; the news is.
        ("Swedish aid worker detained in Russia begins hunger strike", "", "detained", False),
        ("Anna Lindqvist, Swedish aid worker, detained in Russia", "", "detained", True),
        # A plea of not guilty is entered at a hearing, and is no verdict.
        ("Anna Lindqvist pleads not guilty to espionage", "", "hearing", True),
        ("Anna Lindqvist pleads not guilty to espionage", "", "verdict", False),
        # Giving oneself up is a detention; handed over to another state a transfer.
        ("Daniel Okafor surrendered to police on Monday", "", "detained", True),
        ("Daniel Okafor turned over to the United States", "", "transferred", True),
        # Moved to hospital, an extradition told as done, a handover as a noun.
        ("Anna Lindqvist taken to hospital from her cell", "", "transferred", True),
        ("Anna Lindqvist taken to hospital from her cell", "", "detained", False),
        ("Daniel Okafor in court after his extradition from Spain", "", "transferred", True),
        ("Handover of Daniel Okafor to the United States confirmed", "", "transferred", True),
        ("Daniel Okafor fights extradition to the United States", "", "transferred", False),
        # A contraction negates; a question that asks why not reports nothing.
        ("Anna Lindqvist: why hasn't she been released?", "", "released", False),
        ("Daniel Okafor wasn’t charged, police say", "", "charged", False),
        # A duration is no pursuit: "held for years ... released" is a release.
        (
            "Swedish aid worker held for years in Mali released",
            "Anna Lindqvist is home.",
            "released",
            True,
        ),
        # A trial's verb after a long "of" phrase; a trial ahead or ruled out is none.
        ("Trial of former Swedish aid worker Anna Lindqvist opens in Moscow", "", "trial", True),
        ("Court finds Daniel Okafor unfit to stand trial", "", "trial", False),
        ("Sweden asks Qatar to help free Anna Lindqvist", "", "released", False),
        # A fine is a sentence; a dropped police case a release; flown abroad for a court a
        # transfer.
        ("Anna Lindqvist fined for blocking a road in Oslo", "", "sentenced", True),
        ("Daniel Okafor faces no further action, police say", "", "released", True),
        ("Daniel Okafor flown to the United States to face trial", "", "transferred", True),
        # An extradition approved is a decision, not the handover; resisting arrest is an
        # offence; what happened while held is no new detention.
        (
            "Daniel Okafor dies in prison after his extradition to Spain was approved",
            "",
            "transferred",
            False,
        ),
        ("Anna Lindqvist convicted of resisting arrest in Greece", "", "detained", False),
        (
            "Daniel Okafor, who turned 40 while he was held hostage, was freed",
            "",
            "detained",
            False,
        ),
        # Getting out of jail is a release; a court convicting, told as a gerund, a verdict.
        ("Daniel Okafor gets out of jail after four years", "", "released", True),
        ("After convicting Daniel Okafor of fraud, the jury went home", "", "verdict", True),
        # A higher court acting on a conviction, or hearing the case, is an appeal.
        ("Supreme Court suspends Anna Lindqvist's conviction", "", "appeal", True),
        ("Anna Lindqvist's conviction reinstated by appeals court", "", "appeal", True),
        ("The Supreme Court heard arguments in Daniel Okafor's case", "", "appeal", True),
        ("The Supreme Court heard arguments in Daniel Okafor's case", "", "trial", False),
        # What is at stake in a trial is no sentence; an arrest sought is not made; custody
        # of a child is no detention; "her convicted partner" is another person.
        ("Daniel Okafor's death penalty trial opens in Texas", "", "sentenced", False),
        ("Interpol seeks arrest of Daniel Okafor", "", "detained", False),
        ("Anna Lindqvist loses custody of her 12-year-old daughter", "", "detained", False),
        ("Police hunt Anna Lindqvist and her convicted sex offender partner", "", "verdict", False),
        # House arrest as a sentence's term or as a state is no release to it; since when, is.
        ("Daniel Okafor sentenced to 27 years' house arrest", "", "bail", False),
        ("Daniel Okafor, who is currently under house arrest, spoke", "", "bail", False),
        ("Daniel Okafor has been under house arrest since the coup", "", "bail", True),
        # Released and then held at home is bail; an embassy's staff expelled are no prisoner.
        (
            "Anna Lindqvist released from jail in Moscow and placed under house arrest",
            "",
            "released",
            False,
        ),
        (
            "Russia orders expulsion of two Swedish embassy staff over Anna Lindqvist",
            "",
            "released",
            False,
        ),
        # Leaving the place of detention is a release; a suspended sentence no appeal.
        ("Daniel Okafor leaves prison without charge after 20 years", "", "released", True),
        ("Anna Lindqvist handed a two-year suspended sentence", "", "appeal", False),
        # A court refusing an extradition rules at a hearing; a death camp is no one's death;
        # a verdict still to be delivered is none; a missing link is no missing person.
        ("Court dismisses request to extradite Daniel Okafor", "", "hearing", True),
        ("Anna Lindqvist, secretary at a Nazi death camp, convicted", "", "died", False),
        ("Judge to deliver verdict for Daniel Okafor", "", "verdict", False),
        ("Daniel Okafor was the missing link in the fraud", "", "detained", False),
        # A sentencing delayed, charges considered, time held in jail and a handover in a
        # swap are no sentence, no charge, no term and no transfer; a rescue is a release.
        (
            "Okafor's family frustrated by sentencing delay",
            "Daniel Okafor waits.",
            "sentenced",
            False,
        ),
        ("Police consider filing charges against Daniel Okafor", "", "charged", False),
        (
            "Daniel Okafor, who had been in jail for four years, returned home",
            "",
            "sentenced",
            False,
        ),
        (
            "Daniel Okafor was handed over to Moscow as part of a prisoner swap",
            "",
            "transferred",
            False,
        ),
        ("Army rescues Anna Lindqvist, held hostage in the Sahel", "", "released", True),
        # Talks about a swap, or being open to one, free nobody.
        (
            "Sweden confirms talks with Russia on Anna Lindqvist prisoner swap",
            "",
            "released",
            False,
        ),
        ("Daniel Okafor freed in prisoner swap", "", "released", True),
        # Another's death in custody is no detention; headline verbs of condemnation are
        # diplomacy; a call on a leader to release is a demand; a trial ahead is none; a
        # parliament moving to act moves nobody.
        (
            "Anna Lindqvist reported the death of Maria Soto in police custody",
            "",
            "detained",
            False,
        ),
        ("US, UN slam arrest of Anna Lindqvist", "", "diplomatic_action", True),
        ("MPs say the PM must call on Moscow to release Anna Lindqvist", "", "released", False),
        ("Daniel Okafor to go on trial over treason", "", "trial", False),
        (
            "After Daniel Okafor's arrest, lawmakers moved to expand the law",
            "",
            "transferred",
            False,
        ),
    ],
)
def test_the_vetoes_keep_to_what_they_are_about(
    title: str, text: str, kind: str, expected: bool
) -> None:
    assert any(t == kind for _, t in proposed(title, text)) is expected


def test_one_member_of_a_group_is_not_the_whole_group() -> None:
    # "one of the two aid workers" is some member, not saying which: no case is named.
    assert proposed("One of the two aid workers was freed on Tuesday") == set()
    assert ("okafor", "released") in proposed("The two aid workers were freed on Tuesday")


def named(book_cases: tuple[Case, ...], title: str) -> set[str]:
    """The cases a headline names, by any of the mention forms."""
    sents = sentences(title, "")
    per = find_mentions(MentionIndex(CaseBook(book_cases)), sents)
    return {c for mentions in per for m in mentions for c in m.cases}


ELENA = Case("ruiz-vidal", "Elena Sofía Ruiz Vidal", (), "VE", ("ES",))
WANG = Case("wang-xiao-ming", "Wang Xiao Ming", (), "US", ("CN",))
OKAFOR = Case("okafor", "Daniel Okafor", (), "IR", ("GB",))
EKREM = Case("imamoglu", "Ekrem Imamoglu", (), "TR", ("TR",))
NGUYEN = Case("nguyen-thuy-hanh", "Nguyễn Thúy Hạnh", (), "VN", ("VN",))
MASUD = Case("masud", "Abu Agila Mas'ud", (), "US", ("LY",))
TAHBAZ = Case("tahbaz", "Morad Tahbaz", (), "IR", ("US", "GB"))
HADDAD = Case("al-haddad", "Samira al-Haddad", (), "SA", ("SA",))
BERG = Case("berg-holm", "Anna Berg-Holm", (), "RU", ("SE",))
ZHOU = Case("zhou-ling", "Zhou Ling", (), "CN", ("NZ",))
SAMIR = Case("saleh", "Samir Saleh", ("Samir al-Saleh",), "TN", ("TN",))
MARTA = Case("marta-kowal", "Marta Kowal", (), "RU", ("PL",))
LINDE = Case("van-der-linde", "Pieter van der Linde", (), "RU", ("NL",))
RAMIREZ = Case("ramirez", "Carlos Eduardo Ramírez Peña", (), "VE", ("US", "VE"))
MOHAMMED = Case("saleh-m", "Mohammed Qasim Saleh", (), "SY", ("US",))
GOLZARI = Case("golzari", "Mohammad-Reza Golzari", (), "IR", ("IR",))
PIOTR = Case("piotr-kowal", "Piotr Kowal", (), "RU", ("PL",))


def test_a_name_found_without_its_diacritics_keeps_its_place_in_the_text() -> None:
    title = "İİİ: Ekrem İmamoğlu detained, İmamoğlu’s lawyer says"
    per = find_mentions(MentionIndex(CaseBook((EKREM,))), sentences(title, ""))
    assert [title[m.start : m.end] for m in per[0]] == ["Ekrem İmamoğlu", "İmamoğlu"]


@pytest.mark.parametrize(
    ("cases", "title", "expected"),
    [
        # A title before a surname is no given name; a title-case headline capitalises all.
        ((OKAFOR,), "Guards have detained former President Okafor", {"okafor"}),
        ((OKAFOR,), "Iran's Okafor Gets 12 Years in Prison", {"okafor"}),
        ((OKAFOR,), "Peter Okafor wins the marathon", set()),
        # A word that says what someone is, in a title-case headline, is no given name.
        ((OKAFOR,), "Iran Frees US National Okafor From Prison, Says Son", {"okafor"}),
        # A surname with its particles, and the first of two Spanish surnames, stand alone.
        ((LINDE,), "Van der Linde sentenced to five years", {"van-der-linde"}),
        ((LINDE,), "Russia frees Mr van der Linde", {"van-der-linde"}),
        ((RAMIREZ,), "Ramírez freed by Venezuela", {"ramirez"}),
        ((RAMIREZ,), "Police arrest Jorge Ramírez in Caracas", set()),
        # Given names romanised another way, or joined, are the case's own.
        ((MOHAMMED,), "Syria frees Muhammad Qasim Saleh", {"saleh-m"}),
        ((GOLZARI,), "Mohammadreza Golzari sentenced to death", {"golzari"}),
        ((GOLZARI,), "Iran frees Mohammad Golzari", {"golzari"}),
        ((GOLZARI,), "Police arrest Hassan Golzari", set()),
        # A nationality, single or double, is no given name either.
        ((OKAFOR,), "Iran executes British-Nigerian Okafor", {"okafor"}),
        ((OKAFOR,), "Iran Frees Swedish Okafor After Six Years", {"okafor"}),
        ((OKAFOR,), "Police arrest Christian Okafor in Lagos", set()),
        # Two-word surnames, but not an East Asian given name.
        ((ELENA,), "Court frees Ruiz Vidal after two years", {"ruiz-vidal"}),
        ((WANG,), "Xiao Ming wins the marathon", set()),
        # Diacritics and apostrophes, written or not, on either side: one name.
        ((EKREM,), "Istanbul mayor Ekrem İmamoğlu detained", {"imamoglu"}),
        ((EKREM,), "Police question İmamoğlu's aides", {"imamoglu"}),
        ((ELENA,), "Court frees Elena Sofia Ruiz Vidal", {"ruiz-vidal"}),
        ((NGUYEN,), "Vietnam jails Nguyen Thuy Hanh for three years", {"nguyen-thuy-hanh"}),
        ((MASUD,), "Abu Agila Mas’ud appears in a US court", {"masud"}),
        # A given name in another transliteration is the case's, another given name is not.
        ((TAHBAZ,), "Iran frees Murad Tahbaz after five years", {"tahbaz"}),
        ((TAHBAZ,), "Iran frees Morad Tahbaz after five years", {"tahbaz"}),
        ((TAHBAZ,), "Iran frees Kamal Tahbaz after five years", set()),
        # A given name with diacritics is a given name: someone else's.
        ((OKAFOR,), "Police arrested Émile Okafor in Lagos", set()),
        # A hyphen written or not, and the Arabic article dropped, as news does.
        ((HADDAD,), "Saudi activist Samira Al Haddad sentenced", {"al-haddad"}),
        ((HADDAD,), "Samira al-Haddad's lawyer says Haddad will appeal", {"al-haddad"}),
        # ... but the surname without its article is many people's: it needs the full name.
        ((HADDAD,), "Lebanese banker Haddad arrested in Beirut", set()),
        ((BERG,), "Moscow court jails Anna Berg Holm", {"berg-holm"}),
        ((BERG,), "Moscow court jails Berg‐Holm", {"berg-holm"}),
        # A Chinese name of someone held in China puts the surname first, whatever passport.
        ((ZHOU,), "Beijing court jails Zhou for espionage", {"zhou-ling"}),
        ((OKAFOR,), "Beijing court jails Daniel for espionage", set()),
        # An alias with the article does not make the name's own surname a bare one.
        ((SAMIR,), "Tunisia's Saleh sentenced to a year in prison", {"saleh"}),
        # In a title-case headline a word the news writes in lower case is no given name ...
        ((OKAFOR,), "Okafor Back in Solitary Confinement After Visit", {"okafor"}),
        ((OKAFOR,), "Peter Okafor Wins the Lagos Marathon Again", set()),
        # Given names that share the surname beside them: the couple, the relative.
        (
            (PIOTR, MARTA),
            "Piotr and Marta Kowal kidnapped in Moscow",
            {"piotr-kowal", "marta-kowal"},
        ),
        ((PIOTR,), "Piotr and Ewa Kowal kidnapped in Moscow", {"piotr-kowal"}),
        ((MARTA,), "Ewa Kowal and her daughter Marta were freed", {"marta-kowal"}),
        ((MARTA,), "Ewa Nowak and her daughter Marta were freed", set()),
    ],
)
def test_surnames_alone_name_the_case(
    cases: tuple[Case, ...], title: str, expected: set[str]
) -> None:
    assert named(cases, title) == expected


def features_of(title: str, kind: str, text: str = "") -> set[str]:
    """The features of every candidate of one type the item proposes."""
    return {f for c in candidates_of(title, text) if c.type.value == kind for f in c.features}


def test_others_news_is_dropped_or_marked_for_the_scorer() -> None:
    # The case's name modifying other people: the protesters were arrested, not the case.
    assert ("lindqvist", "detained") not in proposed("Dozens arrested at Anna Lindqvist protests")
    assert ("lindqvist", "detained") not in proposed("Police arrest Lindqvist ally in Moscow")
    # Others as the subject, far from the verb: marked; and when they helped the case, dropped.
    long_subject = (
        "Two men seen with the jailed Swedish aid worker Anna Lindqvist at a Moscow hospital "
        "last year were arrested"
    )
    assert "others_subject" in features_of(long_subject, "detained")
    helpers = long_subject.replace("seen with", "accused of helping").replace(" at ", " flee ")
    assert ("lindqvist", "detained") not in proposed(helpers)
    assert "others_subject" not in features_of("Anna Lindqvist arrested in Moscow", "detained")


def test_a_government_as_the_subject_is_marked_for_the_scorer() -> None:
    # A state, an official's title or an official known by name as the whole subject.
    for title in (
        "U.K. condemns the execution of Daniel Okafor",
        "The UN rights chief urges Iran to release Daniel Okafor",
        "Blinken presses Moscow to free Anna Lindqvist",
    ):
        assert "gov_subject" in features_of(title, "diplomatic_action"), title
    # Family and rights groups are no government.
    assert "gov_subject" not in features_of(
        "Anna Lindqvist's family urges Moscow to free her", "diplomatic_action"
    )


def test_a_descriptor_beside_the_trigger_marks_the_items_case() -> None:
    # The headline names nobody; its descriptor stands for the case the summary names.
    feats = {
        f
        for c in candidates_of(
            "Sweden says deep concerns over aid worker detained in Russia",
            "Anna Lindqvist has been held since May.",
        )
        if c.type.value == "diplomatic_action" and "rel=doc" in c.features
        for f in c.features
    }
    assert "doc_desc_after" in feats


def test_a_trigger_that_ends_the_headline_is_marked_for_the_scorer() -> None:
    # "detained in Russia on drug charges" closes the headline: news, not a description.
    assert "last_predicate" in features_of(
        "Swedish aid worker Anna Lindqvist detained in Moscow on drug charges", "detained"
    )
    assert "last_predicate" not in features_of(
        "Anna Lindqvist, detained in Moscow, says she is well", "detained"
    )


def test_a_trial_told_with_its_verdict_is_that_verdict(classifier: Classifier) -> None:
    # The contract's trial is one concluded without a reported verdict.
    got = found(
        classifier,
        "Moscow court convicts Anna Lindqvist of espionage",
        "Anna Lindqvist was tried behind closed doors and convicted on Wednesday.",
    )
    assert ("lindqvist", "verdict", "2023-03-15") in got
    assert not any(t == "trial" for _, t, _ in got)
    # A trial alone is still a trial.
    assert ("lindqvist", "trial", "2023-03-15") in found(
        classifier, "Anna Lindqvist goes on trial in Moscow"
    )


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # Bail told by its verb and by its American bond.
        ("Daniel Okafor bailed in fraud case but must surrender passport", "", "bail"),
        ("Daniel Okafor posted bond and left the courthouse", "", "bail"),
        ("Daniel Okafor was released on $250,000 bond on Tuesday", "", "bail"),
        # A sentence told as a noun: "the jailing of X".
        ("", "The jailing of Daniel Okafor drew crowds to the courthouse.", "sentenced"),
        # A capture told by "caught" (not "caught on camera").
        ("", "Daniel Okafor evaded police for years until he was caught in 2017.", "detained"),
    ],
)
def test_bail_the_jailing_of_and_caught_propose_their_development(
    title: str, text: str, kind: str
) -> None:
    assert ("okafor", kind) in proposed(title, text)


def test_caught_on_camera_is_no_capture() -> None:
    assert ("okafor", "detained") not in proposed("Daniel Okafor was caught on camera at the rally")


def test_the_case_as_the_one_harmed_is_not_the_one_charged() -> None:
    # Others are charged in the case's death; the death is still the case's.
    got = proposed("Three guards charged with murder in the death of Daniel Okafor")
    assert ("okafor", "charged") not in got
    assert ("okafor", "died") in got
    assert ("okafor", "charged") not in proposed(
        "Two officers arrested over Daniel Okafor's death in custody"
    )
    # The case named first, then detained: still the case's detention.
    assert ("okafor", "detained") in proposed(
        "The death of Daniel Okafor, who died after being detained by police, sparked protests"
    )


def test_an_earlier_verdict_told_as_who_someone_is_is_dated_as_background(
    classifier: Classifier,
) -> None:
    got = found(
        classifier,
        "Anna Lindqvist freed in prisoner swap",
        "Sweden secured her release in exchange for convicted arms dealer Daniel Okafor.",
    )
    assert ("okafor", "verdict", None) in got


def test_a_year_that_names_a_crime_does_not_date_the_arrest(classifier: Classifier) -> None:
    got = found(
        classifier,
        "",
        "Daniel Okafor was arrested in relation to the 2018 murder of a tourist, police said.",
    )
    assert ("okafor", "detained", "2023-03-15") in got


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # A trial under way, told by its jurors, its witnesses or its length.
        ("A juror was dismissed from Daniel Okafor's trial on Thursday", "trial"),
        ("The five-week trial of Daniel Okafor has gripped the country", "trial"),
        # Free as a state reached: "is finally free".
        ("After six years, Daniel Okafor is finally free", "released"),
        # An appeal by another name.
        ("Supreme Court rejects Daniel Okafor's bid to review his conviction", "appeal"),
    ],
)
def test_trials_releases_and_appeals_told_in_other_words(title: str, kind: str) -> None:
    assert ("okafor", kind) in proposed(title)


def test_free_to_do_something_is_no_release() -> None:
    assert ("okafor", "released") not in proposed("Daniel Okafor is free to leave the country")


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # Held captive, and a hostage's body found, tell a detention and a death.
        ("Body of Hamas captive Daniel Okafor found near Gaza hospital", "", "detained"),
        ("Body of Hamas captive Daniel Okafor found near Gaza hospital", "", "died"),
        ("", "The body of Daniel Okafor was recovered near the border.", "died"),
        # Sent into another state's courts.
        ("U.S. expels ex-army officer Daniel Okafor to face charges in Chile", "", "transferred"),
        ("", "Daniel Okafor is sent to Britain for trial.", "transferred"),
        # A trial told by what the court is told; freed until an appeal is heard.
        ("", "Daniel Okafor denies 22 counts of murder, a court is told.", "trial"),
        ("Daniel Okafor released from jail pending an appeal of his conviction", "", "bail"),
    ],
)
def test_captives_bodies_expulsions_and_pending_appeals(title: str, text: str, kind: str) -> None:
    assert ("okafor", kind) in proposed(title, text)


@pytest.mark.parametrize(
    "title",
    [
        "Closing arguments begin in Daniel Okafor trial for Maria Soto's death",
        "Daniel Okafor charged in the killing of Maria Soto",
        "Daniel Okafor jailed over the death of her two children",
        "Nurse Daniel Okafor convicted of harming seven babies who died at the hospital",
        "Daniel Okafor killed two people in a crash",
    ],
)
def test_a_death_the_case_is_tried_for_is_anothers(title: str) -> None:
    assert ("okafor", "died") not in proposed(title)


def test_the_case_killed_is_still_the_cases_death() -> None:
    assert ("okafor", "died") in proposed("Daniel Okafor killed in airstrike")
    assert ("okafor", "died") in proposed("Protests after the death of Daniel Okafor")


def test_the_state_that_holds_the_case_is_known_beyond_the_usual_few() -> None:
    # A holder's own leader speaking of its prisoner is no diplomacy: Brazil holding a Brazilian.
    book = CaseBook(cases=(Case(key="silva", name="Ana Silva", held_by="BR", citizenship=("BR",)),))
    view = article_view(
        MentionIndex(book), Article("b", "Brazil's president says Ana Silva lied", "", PUB)
    )
    assert view is not None
    assert not any(c.trigger == "dip.actor" for c in candidates(view))


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # Put off, so not held: a parole session postponed, a sentence delayed.
        ("Israel postpones parole session for writer Daniel Okafor", "bail"),
        ("Daniel Okafor's lawyers are looking to delay his sentence", "sentenced"),
        # A legislature's hearing is no court's.
        ("Daniel Okafor testifies at a Senate committee hearing on energy", "hearing"),
    ],
)
def test_what_is_put_off_or_not_a_courts_is_no_development(title: str, kind: str) -> None:
    assert ("okafor", kind) not in proposed(title)


@pytest.mark.parametrize(
    ("title", "kind", "expected"),
    [
        # An event owned by another name is that person's ...
        ("Daniel Okafor picked up hours after the extradition of Maria Soto", "transferred", False),
        ("Daniel Okafor detained days after the arrest of Maria Soto", "detained", True),
        # ... but a state's act on the case, or the case with a descriptor, is the case's.
        ("Iran's arrest of Daniel Okafor condemned", "detained", True),
        ("Protests after the death of Kurdish woman Daniel Okafor", "died", True),
    ],
)
def test_an_event_noun_belongs_to_its_owner(title: str, kind: str, expected: bool) -> None:
    assert (("okafor", kind) in proposed(title)) is expected


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # An event told as a noun and then a modal lies ahead.
        ("Daniel Okafor parole: early release to be considered", "released"),
        ("Daniel Okafor's parole process could start next year", "bail"),
        ("A verdict will be issued on Monday in Daniel Okafor's case", "verdict"),
    ],
)
def test_an_event_noun_followed_by_a_modal_lies_ahead(title: str, kind: str) -> None:
    assert ("okafor", kind) not in proposed(title)


def test_a_noun_event_told_as_done_is_still_proposed() -> None:
    assert ("okafor", "released") in proposed("Daniel Okafor's release was welcomed by his family")


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # The case as the one others helped, threatened or tipped off: their news.
        ("Two men jailed for helping former executive Daniel Okafor escape", "sentenced"),
        ("Court sentences ex-footballer who threatened Daniel Okafor", "sentenced"),
        ("Police lieutenant charged with tipping off Daniel Okafor", "charged"),
    ],
)
def test_those_who_helped_or_threatened_the_case_are_others(title: str, kind: str) -> None:
    # Neither the broad cues nor the precise rules propose it for the case.
    assert ("okafor", kind) not in proposed(title)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # The case killed someone: named before the verb, or as "who".
        ("Daniel Okafor, a retired miner, killed his wife at their home", ""),
        ("Officer who killed Maria Soto sentenced", "Daniel Okafor was sentenced on Monday."),
        ("Daniel Okafor admits causing his death", ""),
        # A full name modifying the death noun, or owning it after "of", is another's death
        # ("Jordan Neely" is a person though "Jordan" is a state).
        ("Maria Soto death: path clear for trial of Daniel Okafor", ""),
        ("Daniel Okafor pleads not guilty in the death of Jordan Neely", ""),
        # Incited or plotted to kill the case: the case lived.
        ("Man found guilty of incitement to murder politician Daniel Okafor", ""),
        # Idioms.
        ("Has Daniel Okafor given the government the kiss of death?", ""),
        ("Daniel Okafor received death threats after the broadcast", ""),
    ],
)
def test_a_death_the_case_caused_or_escaped_is_not_the_cases(title: str, text: str) -> None:
    assert ("okafor", "died") not in proposed(title, text)


def test_a_killing_of_the_case_is_still_the_cases_death() -> None:
    assert ("okafor", "died") in proposed("Gunmen killed journalist Daniel Okafor on Monday")


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # "rules" and "ruling" in other senses: regulations, who governs.
        ("Daniel Okafor says coronavirus rules mean travel is banned", "hearing"),
        ("Daniel Okafor quits the ruling Democratic Party", "hearing"),
        ("Ruling military faces challenge from Daniel Okafor's party", "hearing"),
        # Time held, not a sentence passed.
        ("Daniel Okafor walks out of jail after 2 years", "sentenced"),
        # An act, not a transfer.
        ("Daniel Okafor moved quickly to calm investors", "transferred"),
    ],
)
def test_words_in_another_sense_propose_nothing(title: str, kind: str) -> None:
    assert ("okafor", kind) not in proposed(title)


def test_a_court_that_rules_still_holds_a_hearing() -> None:
    assert ("okafor", "hearing") in proposed("Court rules Daniel Okafor must stay in custody")


def test_a_rearrest_is_a_detention() -> None:
    assert ("okafor", "detained") in proposed("Activist Daniel Okafor rearrested hours after bail")


def test_an_arrest_on_charges_carries_the_charges() -> None:
    (charge,) = [
        c
        for c in candidates_of("Daniel Okafor arrested on $1 billion fraud charges")
        if c.type.value == "charged"
    ]
    assert "held_on" in charge.features


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # A participle or "missing" before a name or descriptor says who someone is.
        ("Coup leaders accuse the detained Daniel Okafor of treason", "", "detained"),
        ("Trial to resume for Daniel Okafor, American detained in Russia", "", "detained"),
        ("Talks on missing soldier Daniel Okafor stall", "", "detained"),
        # Others' news: the case as a modifier ("pro-X", "X-era").
        ("Pro-Daniel Okafor journalist abducted last week freed", "", "released"),
        ("Top Daniel Okafor-era officials freed from prison", "", "released"),
        # Words in other senses, and what is asked for.
        ("Daniel Okafor launched the online exchange in 2017", "", "released"),
        ("Daniel Okafor returned to court on Thursday", "", "released"),
        ("MPs urge the prime minister to immediately release Daniel Okafor", "", "released"),
    ],
)
def test_states_others_news_and_requests_are_no_development(
    title: str, text: str, kind: str
) -> None:
    assert ("okafor", kind) not in proposed(title, text)


def test_a_bare_be_before_the_trigger_is_modal() -> None:
    (release,) = [
        c
        for c in candidates_of("The judge ordered that Daniel Okafor be released with a tracker")
        if c.type.value == "released"
    ]
    assert "pre_modal" in release.features


def test_a_release_asked_for_in_the_subjunctive_is_no_release() -> None:
    for text in (
        "Lawyers asked that Daniel Okafor be released with a tracker",
        "Friends of Daniel Okafor are demanding the British businessman be released",
    ):
        assert ("okafor", "released") not in proposed(text), text


def test_a_wider_descriptor_stands_for_the_items_case() -> None:
    got = proposed(
        "Billionaire arrested at his home in the capital",
        "Daniel Okafor built a media empire over three decades.",
    )
    assert ("okafor", "detained") in got


def test_a_precise_rules_own_finding_carries_the_cues_around_its_match() -> None:
    # No broad cue proposes "drop the case" as a release; the precise rules do.
    (release,) = [
        c
        for c in candidates_of("Spanish prosecutors drop the case against Daniel Okafor")
        if c.type.value == "released"
    ]
    assert release.trigger.startswith("released.")
    # Read as a broad trigger is: the case after it, governed by "against", the words beside it.
    assert {"side=after", "governed", "p1=prosecutors"} <= set(release.features)


def test_a_precise_rules_finding_for_others_is_dropped() -> None:
    assert ("okafor", "sentenced") not in proposed("Top Daniel Okafor-era officials jailed")


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # A participle that says who another named person is.
        ("Daniel Okafor freed in exchange for convicted arms dealer Maria Soto", "", "verdict"),
        # The case inside the appositive of another name that opens the sentence.
        (
            "Maria Soto, a senior figure in Daniel Okafor's party, was taken by police",
            "",
            "detained",
        ),
        ("Maria Soto, who was toppled in 1989 by Daniel Okafor, died on Thursday", "", "died"),
        # The state putting a number of others to death, or the execution of another.
        ("Iran executes two prisoners over protests, Daniel Okafor says", "", "died"),
        ("Daniel Okafor spoke out after the execution of a man over protests", "", "died"),
        # A demonym and a descriptor make a person, not a state.
        ("Daniel Okafor Arrested In Russian Blogger's Death", "", "died"),
    ],
)
def test_another_named_persons_news_is_not_the_cases(title: str, text: str, kind: str) -> None:
    assert ("okafor", kind) not in proposed(title, text)


def test_a_participle_describing_the_case_is_still_the_cases() -> None:
    assert ("okafor", "verdict") in proposed("Russia frees convicted arms dealer Daniel Okafor")


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # Another full name as the subject of a passive or intransitive verb.
        ("Crew member Maria Soto was killed after Daniel Okafor fired a prop gun", "", "died"),
        (
            "More than 13 years after Maria Soto disappeared, police name Daniel Okafor",
            "",
            "detained",
        ),
        # A number of others died.
        ("Three guests dead after lunch at Daniel Okafor's home", "", "died"),
        # Avoided, abandoned or still to begin.
        ("Daniel Okafor reaches deal to avoid 14.5m euro tax fraud trial", "", "trial"),
        ("Daniel Okafor rape trial inquiry hearings to begin", "", "hearing"),
        ("Daniel Okafor: retrial abandoned over juror misconduct", "", "trial"),
        # Not what the words say elsewhere.
        ("Consular immunity of Daniel Okafor 'not absolute', judge rules", "", "consular_visit"),
        ("Daniel Okafor's parole hearing set for June", "", "bail"),
        ("Daniel Okafor given three-year ban by football's governing body", "", "sentenced"),
        ("Politician Daniel Okafor expelled from Congress", "", "released"),
        ("Police charges against activist Daniel Okafor dropped", "", "charged"),
    ],
)
def test_what_happened_to_another_or_did_not_happen_is_no_development(
    title: str, text: str, kind: str
) -> None:
    assert ("okafor", kind) not in proposed(title, text)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # The case joined to the subject, or the name inside an "of" phrase, still counts.
        ("Daniel Okafor and Maria Soto were arrested in Moscow on Monday", "detained"),
        ("The husband of former minister Maria Soto was arrested", "detained"),
        # An active verb's subject acts on the case.
        ("Justice Department charges Daniel Okafor with fraud", "charged"),
    ],
)
def test_a_name_before_the_verb_that_is_not_its_patient_keeps_the_case(
    title: str, kind: str
) -> None:
    text = "Daniel Okafor's lawyer spoke on Tuesday." if "husband" in title else ""
    assert ("okafor", kind) in proposed(title, text)


def test_the_cases_own_state_and_international_bodies_are_marked_as_actors() -> None:
    # tests/data/cases.toml: Anna Lindqvist is Swedish, held by Russia.
    def actors(title: str) -> set[str]:
        return {
            f
            for c in candidates_of(title)
            if c.type.value == "diplomatic_action"
            for f in c.features
        }

    assert "citizen_acts" in actors("Sweden condemns the sentence of Anna Lindqvist")
    assert "intl_acts" in actors("UN rights chief urges Russia to free Anna Lindqvist")
    assert "citizen_acts" not in actors("Russia says Anna Lindqvist will stay in prison")


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # A full name modifying an event noun owns it.
        ("Crackdown tightened with Maria Soto arrest, Daniel Okafor says", "detained"),
        # An adjective that puts the event ahead.
        ("UK calls Iran's planned execution of Daniel Okafor barbaric", "died"),
    ],
)
def test_an_event_noun_owned_by_another_name_or_still_ahead_is_not_the_cases(
    title: str, kind: str
) -> None:
    assert ("okafor", kind) not in proposed(title)


def test_back_in_detention_is_a_new_detention() -> None:
    assert ("okafor", "detained") in proposed(
        "Ten years after his release, Daniel Okafor is back in detention"
    )


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # Escaping custody is no detention, whatever the holder's abbreviation.
        ("Daniel Okafor escaped U.S. custody days before his sentencing", "detained"),
        # A relative named through the case, with quotes or a longer title between.
        ("Capture of 'Daniel Okafor's' son sparks violence", "detained"),
        ("Mexico extradites son of former Sinaloa cartel leader Daniel Okafor", "transferred"),
        # What is still to be done.
        ("Daniel Okafor to be returned to the US next month", "released"),
    ],
)
def test_escapes_relatives_and_what_is_to_be_done_are_not_the_cases_news(
    title: str, kind: str
) -> None:
    assert ("okafor", kind) not in proposed(title)


def test_agreeing_to_plead_guilty_is_not_yet_a_verdict() -> None:
    assert ("okafor", "verdict") not in proposed("Daniel Okafor agrees to plead guilty to fraud")
    assert C.MODAL.search("the founder agreed to a plea deal")


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # An Arabic particle in the name that opens the sentence.
        ("Sadiq al-Mahdi, who was toppled in 1989 by Daniel Okafor, died Thursday", "died"),
        # Two verbs joined after "who".
        ("Daniel Okafor, the officer who shot and killed a Black man, resigned", "died"),
        # What is opposed has not happened.
        ("A woman holds a sign against the execution of Daniel Okafor", "died"),
        # Handed over to the Red Cross or the family is a release, not a transfer.
        ("Daniel Okafor was handed over by gunmen into the care of the Red Cross", "transferred"),
    ],
)
def test_appositives_opposition_and_handovers_to_freedom(title: str, kind: str) -> None:
    assert ("okafor", kind) not in proposed(title)


def test_fearing_extradition_is_marked_modal() -> None:
    assert C.MODAL.search("he fears being extradited to the US")


@pytest.mark.parametrize(
    "text",
    [
        # Someone the sentence relates to the case died.
        "Daniel Okafor said one of his bodyguards was run over and killed on Sunday.",
        "Daniel Okafor said his driver was shot dead at a checkpoint.",
    ],
)
def test_another_person_as_the_one_who_died_is_marked(text: str) -> None:
    assert "another_dies" in features_of("Protests in the capital", "died", text)


@pytest.mark.parametrize(
    "text",
    [
        # ... or the verb of a relative clause about someone the sentence introduces.
        "Daniel Okafor was arrested at the funeral of a student who reportedly died in custody.",
        "Daniel Okafor joined mourners for a pro-government blogger who was killed by a bomb.",
    ],
)
def test_a_death_in_a_relative_clause_about_someone_else_is_not_the_cases(text: str) -> None:
    assert ("okafor", "died") not in proposed("Protests in the capital", text)


def test_a_man_an_item_names_no_one_else_for_may_be_the_case() -> None:
    title = "Daniel Okafor: Iran defends the execution"
    assert "another_dies" not in features_of(title, "died", "A British-Iranian man was executed.")
    # (nor an appositive of the case)
    text = "Daniel Okafor, a former official who was executed on Saturday, had been held for years."
    assert "another_dies" not in features_of(title, "died", text)


def test_a_state_beyond_the_first_list_owns_no_event() -> None:
    # "Guinea" is a state: the trial is of the case the summary names, not of a person "Guinea".
    text = "Ex-leader Daniel Okafor and ten other former officials are accused of the killings."
    assert ("okafor", "trial") in proposed("Trial of Guinea's former rulers resumes", text)


@pytest.mark.parametrize(
    "title",
    [
        # A trial told as the frame of what happened, or as a running story's name.
        "Daniel Okafor wept during his trial in the capital",
        "Police vans left the court after the trial of Daniel Okafor",
        "Daniel Okafor trial: pensioner says his wife begged to die",
    ],
)
def test_a_bare_trial_in_its_frame_is_a_trial(title: str) -> None:
    assert ("okafor", "trial") in proposed(title)


@pytest.mark.parametrize(
    "title",
    [
        "Daniel Okafor condemns the show trials of the nineties",
        # In a Title Case headline every word is capitalised; a date set is still ahead.
        "Government Concerned About Delays in Daniel Okafor's Espionage Trial Process",
        "Daniel Okafor treason trial set for May",
    ],
)
def test_a_bare_trial_word_is_no_trial(title: str) -> None:
    assert ("okafor", "trial") not in proposed(title)


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # Things released, and announcements: no prisoner freed.
        ("State media release alleged email from Daniel Okafor", "", "released"),
        ("Daniel Okafor was taken into custody, police said in a news release", "", "released"),
        # A market, not a swap.
        ("Daniel Okafor testified about the collapse of the exchange last year", "", "released"),
        # A charge not brought, however many words between.
        ("Prosecutors won't bring voter fraud charges against Daniel Okafor", "", "charged"),
        # What someone is eligible for has not happened.
        ("Daniel Okafor is eligible for the death penalty, jury finds", "", "sentenced"),
        # An event's date, or its go-ahead, is still ahead.
        ("Execution date for Daniel Okafor is reinstated", "", "died"),
        ("Execution of Daniel Okafor can go ahead, court rules", "", "died"),
        ("Daniel Okafor is stabbed days before his release date", "", "released"),
        # A plea for money or help is no court's appeal.
        ("Daniel Okafor calls the party's fundraising appeals a grift", "", "appeal"),
        # A court hearing arguments is an appeal's or a hearing's, not a trial day.
        ("Daniel Okafor: court hears arguments on his citizenship", "", "trial"),
    ],
)
def test_things_dates_pleas_and_charges_not_brought_are_no_development(
    title: str, text: str, kind: str
) -> None:
    assert ("okafor", kind) not in proposed(title, text)


def test_a_voided_conviction_is_an_appeal_not_a_verdict() -> None:
    got = proposed("Daniel Okafor's desertion conviction is voided by a federal judge")
    assert ("okafor", "appeal") in got
    assert ("okafor", "verdict") not in got


def test_a_uk_trial_day_is_a_trial() -> None:
    assert ("okafor", "trial") in proposed(
        "Daniel Okafor took cocaine before the attack, trial told"
    )
    assert ("okafor", "trial") in proposed("The Old Bailey hears Daniel Okafor planned the attack")


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        # Someone new opens the sentence; the case comes in a clause of its own or later.
        ("A man whose identity Daniel Okafor used has been arrested in Sicily.", True),
        ("A man who once worked for Daniel Okafor was arrested on Monday.", True),
        # A name right after the opening noun, or in apposition, is that someone.
        ("A Nigerian man nicknamed Daniel Okafor was arrested in Dubai.", False),
        ("A British aid worker, Daniel Okafor, was arrested in Iran.", False),
    ],
)
def test_someone_new_opening_the_sentence_is_marked(text: str, marked: bool) -> None:
    assert ("someone_new" in features_of("News", "detained", text)) is marked


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # "custody" as a noun's modifier, what one takes, what one is removed from.
        ("Daniel Okafor shot a custody officer at the station", "detained"),
        ("Daniel Okafor has taken a last-minute plea deal", "detained"),
        ("Daniel Okafor removed from his post as air force chief", "detained"),
        # Things and power seized.
        ("Daniel Okafor had his phone seized by federal agents", "detained"),
        ("Soldiers loyal to Daniel Okafor seized power on Wednesday", "detained"),
        # Parole as a possibility, a verdict as "ruled not guilty", "ruling" as who governs.
        ("Daniel Okafor jailed for life without the possibility of parole", "bail"),
        ("Daniel Okafor was ruled not guilty of concealing abuse", "hearing"),
        ("Daniel Okafor quits, leaving ruling conservatives in disarray", "hearing"),
        # An election or a ban overturned, critics' verdicts, a sentence still ahead.
        ("A court overturned the 2020 election result, Daniel Okafor said", "appeal"),
        ("Critics give their verdicts on Daniel Okafor's new film", "verdict"),
        ("Victims to face Daniel Okafor before he's sentenced to life", "sentenced"),
        # Parents named through the case.
        ("Daniel Okafor's parents' arrest shown in video", "detained"),
    ],
)
def test_other_senses_and_things_seen_in_a_second_new_set_propose_nothing(
    title: str, kind: str
) -> None:
    assert ("okafor", kind) not in proposed(title)


def test_another_named_person_shot_dead_is_not_the_cases_death() -> None:
    text = "Sgt Maria Soto was shot dead after Daniel Okafor smuggled a gun into the station."
    assert ("okafor", "died") not in proposed("The station shooting", text)


def test_surrendering_ends_a_clause_or_names_the_place() -> None:
    assert ("okafor", "detained") in proposed("Daniel Okafor and his co-defendants surrender")
    assert ("okafor", "detained") in proposed("Daniel Okafor surrenders at Fulton County jail")


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # The other senses above leave the events themselves alone.
        ("Daniel Okafor captured on Tuesday near the border", "detained"),
        ("Men in two cars seized Daniel Okafor outside his home", "detained"),
        ("Singer Daniel Okafor taken off stage by police", "detained"),
        ("Daniel Okafor freed after new evidence emerges", "released"),
        ("Iran releases Daniel Okafor whose songs angered clerics", "released"),
        ("Daniel Okafor's release means he can return home", "released"),
        ("Judge delivered her verdict on Daniel Okafor on Monday", "verdict"),
        ("Daniel Okafor lodges urgent appeal against his sentence", "appeal"),
        ("Daniel Okafor planned the attack, court told", "trial"),
    ],
)
def test_the_events_themselves_are_still_proposed(title: str, kind: str) -> None:
    assert ("okafor", kind) in proposed(title)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Daniel Okafor welcomes NHS trial of new drug", "trial"),
        ("Daniel Okafor marks anniversary of Japan's surrender in 1945", "detained"),
        ("Daniel Okafor's lawyers said the court told him nothing", "trial"),
    ],
)
def test_trials_of_drugs_a_nations_surrender_and_what_a_court_told_are_no_development(
    title: str, kind: str
) -> None:
    assert ("okafor", kind) not in proposed(title)


def test_the_case_among_those_who_died_or_in_apposition_is_not_someone_else() -> None:
    text = "Daniel Okafor was one of the prisoners executed in 1988."
    assert "another_dies" not in features_of("Iran's 1988 executions", "died", text)
    text = "A British aid worker jailed in Iran, Daniel Okafor, was released on Monday."
    assert "someone_new" not in features_of("News", "released", text)
    text = "A man who once worked for Daniel Okafor was arrested on Monday."
    assert "someone_new" in features_of("News", "detained", text)


def test_another_named_person_found_dead_is_not_the_cases_death() -> None:
    text = "Sgt Maria Soto was found dead after Daniel Okafor fled the station."
    assert ("okafor", "died") not in proposed("The station shooting", text)


def test_guinea_is_a_state_but_not_in_guinea_pigs_or_papua_new_guinea() -> None:
    assert C.STATES.search("the junta in Guinea")
    assert not C.STATES.search("a study on guinea pigs")
    assert C.HOLDERS["GN"].search("Guinea's former rulers")
    assert not C.HOLDERS["GN"].search("Papua New Guinea police")


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # A rank, a football transfer, a fine by a club, a child's custody.
        ("Daniel Okafor scores twice and moves to second on the all-time list", "", "transferred"),
        ("Daniel Okafor appears in court over 2013 Barcelona transfer", "", "transferred"),
        ("Daniel Okafor has been fined by the Premier League club", "", "sentenced"),
        ("Daniel Okafor speaks out on their adopted daughter's custody", "", "detained"),
        # What one will do: "she'll", "to plead guilty".
        ("Lawyer says Daniel Okafor will likely be deported home", "", "released"),
        ("Her lawyer says Daniel Okafor'll likely get deported back home", "", "released"),
        (
            "Couple to plead guilty in laundering case",
            "Daniel Okafor was charged in May.",
            "verdict",
        ),
        # The one the accused worked for is not the one charged.
        ("Ex-official charged over his ties to Daniel Okafor", "", "charged"),
        ("Businessman charged with working for oligarch Daniel Okafor", "", "charged"),
        # Another named person, with an appositive, who went missing.
        (
            "Police give an update on the Daniel Okafor case",
            "Daniel Okafor was charged over his wife Maria Soto, a mother of three who has been "
            "missing since January.",
            "detained",
        ),
    ],
)
def test_ranks_transfers_fines_futures_and_others_seen_in_a_third_new_set(
    title: str, text: str, kind: str
) -> None:
    assert ("okafor", kind) not in proposed(title, text)


def test_more_charges_faced_and_jailed_for_an_offence_are_news() -> None:
    assert ("okafor", "charged") in proposed("Daniel Okafor faces 20 more sexual assault charges")
    assert ("okafor", "sentenced") in proposed("Daniel Okafor: Ex-MP jailed for sex assaults")
    # ... and the case who was arrested, or among those captured, is still held.
    text = "Former pilot Daniel Okafor, who was arrested earlier this year, is accused of spying."
    assert ("okafor", "detained") in proposed("News", text)
    text = "The families of Daniel Okafor and Andy Tai Ngoc Huynh, who were captured, spoke."
    assert ("okafor", "detained") in proposed("News", text)


def test_a_relative_clause_after_the_case_named_through_a_relative_is_the_cases() -> None:
    text = "The sister of journalist Daniel Okafor, who was kidnapped in 2012, speaks out."
    assert ("okafor", "detained") in proposed("Relatives braced for trial", text)
    # ... but the relative's own news stays the relative's.
    assert ("okafor", "detained") not in proposed("News", "The son of Daniel Okafor was arrested.")


@pytest.mark.parametrize(
    "title",
    [
        "Daniel Okafor ordered to jail after judge revokes his bail",
        "Daniel Okafor recalled to prison for breaching licence conditions",
        "Police put Daniel Okafor behind bars",
        "Chinese authorities subject Daniel Okafor to 'mandatory measures'",
        "Daniel Okafor placed under residential surveillance in Beijing",
    ],
)
def test_put_in_jail_without_a_term_is_a_detention(title: str) -> None:
    assert ("okafor", "detained") in proposed(title)


def test_those_sentenced_for_helping_the_case_are_the_helpers() -> None:
    title = "Daniel Okafor: Father and son sentenced for helping ex-aid boss escape"
    assert ("okafor", "sentenced") not in proposed(title)
    title = "UK businessman charged with 'helping British aid worker evade sanctions'"
    assert ("okafor", "charged") not in proposed(title, "He is accused of working for Okafor.")
    # ... but the case sentenced for helping others is the case's news.
    title = "Daniel Okafor sentenced for helping activists flee Iran"
    assert ("okafor", "sentenced") in proposed(title)


@pytest.mark.parametrize(
    "title",
    [
        "Britain demands consular access to Daniel Okafor as trial opens",
        "Daniel Okafor denied consular access for a year",
        "UK requests consular access to Daniel Okafor",
    ],
)
def test_consular_access_demanded_or_denied_is_no_visit(title: str) -> None:
    assert ("okafor", "consular_visit") not in proposed(title)


def test_a_consular_visit_is_still_proposed() -> None:
    assert ("okafor", "consular_visit") in proposed("British diplomats visit Daniel Okafor in jail")


def test_the_other_side_of_a_prisoner_swap_is_released_too() -> None:
    text = "Anna Lindqvist was freed in a prisoner swap for convicted arms dealer Daniel Okafor."
    assert ("okafor", "released") in proposed("Swedish aid worker home", text)
    assert ("okafor", "released") in proposed("Who Is Daniel Okafor, Spy in Swap for Lindqvist?")


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # The case as the one harmed: others are sentenced, convicted, charged, tried.
        ("Man Sentenced to 13 Years in Kidnapping of British Aid Worker", "", "sentenced"),
        ("Jury Finds Two Guards Guilty in Daniel Okafor Death", "", "verdict"),
        ("4 ex-officers charged with Daniel Okafor' murder decertified", "", "charged"),
        ("Daniel Okafor: Ex-officers plead not guilty over his death", "", "hearing"),
        ("Trial begins in Daniel Okafor death", "", "trial"),
        # Things named for the case, and a speaker moving on.
        ("Council meets since release of Daniel Okafor video", "", "released"),
        ("Biden moved on to asserting Daniel Okafor deserved justice", "", "transferred"),
        # Captors killed in a rescue are not the case.
        (
            "US forces rescue Daniel Okafor",
            "The raid killed several captors of Daniel Okafor.",
            "died",
        ),
    ],
)
def test_the_case_as_the_one_harmed_or_named_for_is_not_the_one_acted_on(
    title: str, text: str, kind: str
) -> None:
    assert ("okafor", kind) not in proposed(title, text)


def test_repatriated_is_released_and_disappears_is_detained() -> None:
    assert ("okafor", "released") in proposed("US Repatriates Daniel Okafor From Guantanamo Bay")
    assert ("okafor", "detained") in proposed("Daniel Okafor, Noted Poet, Disappears in Gaza")


def test_the_accused_in_a_killing_of_someone_named_is_still_the_case() -> None:
    text = "Daniel Okafor was arrested on Tuesday."
    assert ("okafor", "charged") in proposed(
        "Tech executive charged in killing of founder Bob Lee", text
    )


def test_a_detention_is_dated_by_its_own_clause_not_anothers_since() -> None:
    text = "They include Daniel Okafor, held since 2015, and Anna Lindqvist, detained in 2018."
    dates = {
        c.date.iso() if c.date else None
        for c in candidates_of("Iran frees prisoners", text)
        if c.case == "lindqvist" and c.trigger == "det.detain"
    }
    assert dates == {"2018"}


def test_a_government_telling_the_news_is_marked_for_the_scorer() -> None:
    title = "Britain says Daniel Okafor's body found near hospital"
    assert "says_event" in features_of(title, "diplomatic_action")
    title = "Britain says it is deeply concerned about Daniel Okafor"
    assert "says_event" not in features_of(title, "diplomatic_action")


def test_the_case_naming_a_plot_or_an_escape_is_not_the_one_arrested() -> None:
    title = "Ex-soldier and son arrested for alleged roles in Okafor smuggling plot"
    assert ("okafor", "detained") not in proposed(title)
    title = "Father and Son Return Home After Prison Sentence Over Daniel Okafor Escape"
    assert ("okafor", "sentenced") not in proposed(title)


def test_held_since_an_event_in_a_year_is_dated_to_that_year() -> None:
    text = (
        "The former aid worker, who has been imprisoned since his return to Iran in 2021, is ill."
    )
    dates = {
        (c.date.iso() if c.date else None, c.features)
        for c in candidates_of("Daniel Okafor's fate", text)
        if c.type.value == "detained" and c.sentence == 1
    }
    assert dates and all(d == "2021" and "date=began" in f for d, f in dates)


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # Found by a fresh reading of this round's patterns: each is the case's own news.
        ("Daniel Okafor files appeal against espionage conviction", "", "appeal"),
        ("Russia releases Anna Lindqvist video after her arrest", "", "detained"),
        ("Anna Lindqvist's escape ends with her arrest at the Finnish border", "", "detained"),
        ("Daniel Okafor coup plot: court sentences him to 12 years", "", "sentenced"),
        ("Court upholds Daniel Okafor's murder conviction", "", "appeal"),
        ("Court hears appeal in Daniel Okafor death-row case", "", "appeal"),
        ("Daniel Okafor was moved on Tuesday to a prison in the north of Iran", "", "transferred"),
        (
            "Daniel Okafor: Iran sentences aid worker to 10 years for helping protesters",
            "",
            "sentenced",
        ),
        ("Daniel Okafor: Iran charges Briton with kidnapping of a woman", "", "charged"),
        ("Gunmen killed father of two Daniel Okafor outside his home", "", "died"),
        ("Swedish embassy secures consular visit to Anna Lindqvist", "", "consular_visit"),
        ("Daniel Okafor sent to prison for eight years over spying charges", "", "sentenced"),
    ],
)
def test_the_cases_own_news_told_near_this_rounds_patterns_is_kept(
    title: str, text: str, kind: str
) -> None:
    case = "okafor" if "Okafor" in title else "lindqvist"
    assert (case, kind) in proposed(title, text)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Britain refuses swap for Daniel Okafor", "released"),
        ("Iran floats exchange for Daniel Okafor", "released"),
        ("Remains of Daniel Okafor repatriated to Britain", "released"),
        ("Britain halts repatriation flights from Iran, Daniel Okafor stranded", "released"),
        ("Anna Lindqvist sent to prison colony in Siberia", "detained"),
        ("Daniel Okafor sent to prison for eight years over spying charges", "detained"),
    ],
)
def test_offers_bodies_moves_and_terms_are_not_this_rounds_developments(
    title: str, kind: str
) -> None:
    case = "okafor" if "Okafor" in title else "lindqvist"
    assert (case, kind) not in proposed(title)


def test_jailed_for_an_offence_after_a_release_tells_who_is_freed() -> None:
    title = "Iran frees aid worker Daniel Okafor jailed for backing protests"
    assert ("okafor", "sentenced") not in proposed(title)
    assert ("okafor", "sentenced") in proposed("Daniel Okafor jailed for backing protests")


@pytest.mark.parametrize(
    "title",
    [
        "Protests continue over Daniel Okafor's arrest",
        "Daniel Okafor speaks out after release",
        "Daniel Okafor accused of spying by Iran",
        "CNN's anchor talks to Daniel Okafor's sister",
    ],
)
def test_street_protests_interviews_and_accusations_propose_no_diplomacy(title: str) -> None:
    assert ("okafor", "diplomatic_action") not in proposed(title)


def test_a_government_condemning_or_holding_talks_still_proposes_diplomacy() -> None:
    assert ("okafor", "diplomatic_action") in proposed("UK condemns Daniel Okafor's sentence")
    assert ("okafor", "diplomatic_action") in proposed("US holds talks with Iran on Daniel Okafor")


def test_the_prosecution_as_a_party_is_no_charge() -> None:
    assert ("okafor", "charged") not in proposed("The prosecution says Daniel Okafor lied")
    assert ("okafor", "charged") in proposed("Daniel Okafor prosecuted for fraud")


def test_the_case_and_a_relative_killed_together_is_the_cases_death() -> None:
    assert ("okafor", "died") in proposed("Ex-MP Daniel Okafor, brother shot dead on live TV")
    assert ("okafor", "died") in proposed("Killing of Daniel Okafor in custody renews alarm")
    assert ("okafor", "died") in proposed("Ex-MP Daniel Okafor and his brother killed in ambush")
    # ... but a relative alone is the relative's.
    assert ("okafor", "died") not in proposed("Daniel Okafor's wife and son were found dead")


def test_a_title_case_descriptor_owns_no_event_but_a_name_does() -> None:
    text = "Daniel Okafor was convicted of assembling the bomb."
    assert ("okafor", "released") in proposed("Outrage at Early Release of Bali Bomb Maker", text)
    assert ("okafor", "released") not in proposed("Outrage at Early Release of Anna Berg", text)


def test_a_government_accusing_the_holder_is_still_diplomacy() -> None:
    title = "Trudeau accused Beijing of arbitrarily using the death penalty on Daniel Okafor"
    assert ("okafor", "diplomatic_action") in proposed(title)


@pytest.mark.parametrize(
    ("title", "text", "frame"),
    [
        ("Sweden condemns aid worker's 'grossly unjust' jail sentence", "Anna Lindqvist", True),
        ("Sweden 'deeply troubled' by espionage case against aid worker", "Anna Lindqvist", True),
        ("Biden urges Daniel Okafor's release", "", True),
        # ... or on its event, the case named below: "slams the arrest of", "condemns the
        # 'barbaric' execution of".
        ("US, UN slam arrest in Hanoi", "Anna Lindqvist was held on Monday.", True),
        ("UK condemns Iran's 'barbaric' execution", "Daniel Okafor was hanged at dawn.", True),
        # A government that does not act on the case, or an actor that is no government.
        ("Writers' unions condemn the arrest in Hanoi", "Anna Lindqvist was held.", False),
        ("Daniel Okafor says Sweden urged calm", "", False),
        ("Swedish prosecutors demand 12-year sentence for Anna Lindqvist", "", False),
    ],
)
def test_a_government_acting_on_the_case_is_marked_as_a_diplomatic_frame(
    title: str, text: str, frame: bool
) -> None:
    diplomacy = [c for c in candidates_of(title, text) if c.type.value == "diplomatic_action"]
    assert any("dip_frame" in c.features for c in diplomacy) is frame


def test_an_appeal_for_a_release_is_a_call_for_it() -> None:
    title = "Ambassador renewed her appeal for Russia to release Anna Lindqvist"
    assert "dip.call" in {c.trigger for c in candidates_of(title)}


def test_back_in_a_cell_is_no_return_home() -> None:
    assert ("okafor", "released") not in proposed("Daniel Okafor back in solitary confinement")
    assert ("okafor", "released") not in proposed("Daniel Okafor back in court on Monday")
    assert ("okafor", "released") in proposed("Daniel Okafor back in Britain after six years")


@pytest.mark.parametrize(
    "title",
    [
        "Iran frees Britons in a swap",  # a bare nationality, in a headline
        "Iran frees five foreign prisoners in a swap",  # counts beyond four
    ],
)
def test_a_headlines_plural_stands_for_the_group_named_below(title: str) -> None:
    text = "Daniel Okafor and Peter Mills were flown to London on Tuesday."
    cases = (OKAFOR, Case("mills", "Peter Mills", (), "IR", ("GB",)))
    per = find_mentions(MentionIndex(CaseBook(cases)), sentences(title, text))
    assert [(m.cases, m.kind) for m in per[0]] == [(("mills", "okafor"), "plural")]


def test_a_bare_nationality_in_the_body_is_no_group() -> None:
    text = "Britons were warned not to travel. Daniel Okafor and Peter Mills were flown home."
    cases = (OKAFOR, Case("mills", "Peter Mills", (), "IR", ("GB",)))
    per = find_mentions(MentionIndex(CaseBook(cases)), sentences("", text))
    assert per[0] == []


def test_a_term_after_the_place_and_an_arrest_a_tip_led_to() -> None:
    assert ("lindqvist", "sentenced") in proposed("Anna Lindqvist jailed in Russia for 12 years")
    assert ("okafor", "detained") in proposed("Tip leads to arrest of Daniel Okafor")
    assert ("okafor", "detained") not in proposed("Russia vows to arrest Daniel Okafor")


def test_a_detention_extended_is_no_new_detention() -> None:
    for title in (
        "Russian Court Extends U.S. Journalist's Pre-Trial Detention Until December",
        "Anna Lindqvist: custody extended by another month",
    ):
        assert ("lindqvist", "detained") not in proposed(title, "Anna Lindqvist, a reporter"), title
    assert ("lindqvist", "detained") in proposed("Anna Lindqvist taken into custody in Moscow")


def test_a_release_belongs_to_the_one_who_owns_it() -> None:
    title = "Who Is Daniel Okafor? Briton Who Remains in Iran After Lindqvist Release"
    assert ("okafor", "released") not in proposed(title, "Anna Lindqvist was freed on Friday.")
    assert ("okafor", "released") not in proposed(
        "Daniel Okafor remains in Iran after Anna Lindqvist's release"
    )
    both = proposed("The release of Anna Lindqvist and Daniel Okafor was welcomed by Sweden")
    assert {("okafor", "released"), ("lindqvist", "released")} <= both


def test_left_out_of_a_swap_is_no_release() -> None:
    title = "Daniel Okafor says he was left out of a 2016 prisoner swap"
    assert ("okafor", "released") not in proposed(title)
    assert ("okafor", "released") in proposed("Daniel Okafor freed in prisoner swap")


def test_a_number_of_others_arrested_is_not_the_case() -> None:
    for title in (
        "Amnesty says 28 people, arrested since protests over Anna Lindqvist, are at risk",
        "Peru arrests three police generals amid Anna Lindqvist corruption probe",
        "Some 14,000 arrested as the movement ignited by Anna Lindqvist's death persists",
    ):
        assert ("lindqvist", "detained") not in proposed(title), title
    # ... and tried or sentenced, under a headline that names nobody.
    summary = "Anna Lindqvist died in custody in 2022."
    assert ("lindqvist", "trial") not in proposed("Two journalists stand trial in Iran", summary)
    assert ("lindqvist", "sentenced") not in proposed("Iran sentences three protesters", summary)
    for title in (
        "Anna Lindqvist and four others arrested in Moscow",
        "Anna Lindqvist is one of 11 people arrested in Moscow",
        "Police arrest two journalists, including Swedish reporter Anna Lindqvist",
        "Four Swedes, including Anna Lindqvist, arrested in Moscow",
        "Police seek suspects in the January 2022 abduction of Anna Lindqvist",  # a year
        # (a sentence ending in a capitalised word is no abbreviation before the noun)
        "A student saved his friends from Hamas. Then Anna Lindqvist vanished.",
    ):
        assert ("lindqvist", "detained") in proposed(title), title


def test_to_appear_in_court_is_ahead() -> None:
    assert ("okafor", "hearing") not in proposed("Murder suspect Daniel Okafor to appear in court")
    assert ("okafor", "hearing") in proposed("Daniel Okafor appeared in court on Monday")


def test_why_the_freed_one_was_jailed_is_no_new_sentence() -> None:
    for title, text in (
        ("Saudi Arabia Frees Daniel Okafor, U.S. Dual Citizen Jailed for Dissent", ""),
        ("Saudi Arabia frees Briton who was jailed over tweets", "Daniel Okafor was freed."),
    ):
        assert ("okafor", "sentenced") not in proposed(title, text), title
    assert ("okafor", "sentenced") in proposed("Daniel Okafor was jailed over critical tweets")


def test_serving_house_arrest_is_a_state() -> None:
    assert ("okafor", "bail") not in proposed(
        "Daniel Okafor, who was serving house arrest, was seized"
    )
    assert ("okafor", "bail") in proposed("Daniel Okafor moved to house arrest")


@pytest.mark.parametrize(
    "title",
    [
        "Daniel Okafor in court charged with murder",
        "Murder suspect Daniel Okafor back in court",
        "Daniel Okafor faces Tehran court on espionage charges",
    ],
)
def test_a_headlines_case_in_court_is_a_hearing(title: str) -> None:
    assert ("okafor", "hearing") in proposed(title)


@pytest.mark.parametrize(
    "title",
    [
        "Lawyer said in court on Monday that Daniel Okafor lied",
        "Daniel Okafor faces court battle over extradition",
        "Victims to face Daniel Okafor in court before he is sentenced",  # no hearing's words after
        "Daniel Okafor and his rival face off in court",  # a trial's words
        "Lawyer says in court on Monday that Daniel Okafor lied",
        "Daniel Okafor wins in court over his ban",
    ],
)
def test_words_said_in_court_or_a_court_battle_are_no_hearing(title: str) -> None:
    assert ("okafor", "hearing") not in proposed(title)


def test_a_life_moved_abroad_is_no_prisoner_moved() -> None:
    text = "Daniel Okafor, a former official, had moved to Britain a decade ago."
    assert ("okafor", "transferred") not in proposed("Iran executes Daniel Okafor", text)
    assert ("okafor", "transferred") not in proposed("Daniel Okafor moved to Canada in 2005")
    assert ("okafor", "transferred") in proposed("Daniel Okafor moved to a penal colony")
    # ... but a prisoner moved is told in the passive
    moved = "Daniel Okafor, who was moved to Moscow in 2022, remains in Lefortovo"
    assert ("okafor", "transferred") in proposed(moved)


@pytest.mark.parametrize(
    ("title", "text", "stance"),
    [
        ("Sweden 'deeply troubled' by espionage case", "Anna Lindqvist was tried in May.", True),
        ("Foreign minister presses Russia to release Anna Lindqvist", "", True),
        ("Swedish officials meet Anna Lindqvist's family", "", True),
        # Stance words in another's mouth, or a government with none.
        ("Anna Lindqvist's family condemns Swedish silence", "", False),
        ("Sweden says Anna Lindqvist was moved to a prison in Siberia", "", False),
    ],
)
def test_a_government_and_words_of_its_stance_mark_diplomacy(
    title: str, text: str, stance: bool
) -> None:
    diplomacy = [c for c in candidates_of(title, text) if c.type.value == "diplomatic_action"]
    assert any("dip_stance" in c.features for c in diplomacy) is stance


def test_a_jury_that_deadlocks_tells_a_trial() -> None:
    assert ("okafor", "trial") in proposed("Jury deadlocks over Daniel Okafor's fate")


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # a feeling, an aim, a time held and charges not brought
        ("Daniel Okafor says he is 'deeply moved by compassion' of donors", "", "transferred"),
        ("Supporters focus on freeing Briton held in Iran", "Daniel Okafor, a Briton", "released"),
        ("Daniel Okafor goes on hunger strike for each detained year", "", "detained"),
        ("Anger at reluctance to file charges against Daniel Okafor", "", "charged"),
    ],
)
def test_feelings_aims_and_charges_not_brought_are_no_developments(
    title: str, text: str, kind: str
) -> None:
    assert ("okafor", kind) not in proposed(title, text)


def test_charges_decided_and_arrests_days_into_a_visit_are_still_developments() -> None:
    title = "The decision to bring charges against Daniel Okafor was announced on Monday"
    assert ("okafor", "charged") in proposed(title)
    assert ("okafor", "detained") in proposed("Daniel Okafor was detained days into his visit")


def test_a_given_name_written_for_another_keeps_a_title_case_surname_his() -> None:
    title = "Prosecutors Change Human Trafficking Charge Against Peter Lindqvist"
    text = "Peter Lindqvist and Anna Lindqvist were escorted by police officers."
    found = find_mentions(MentionIndex(load_cases(CASES)), sentences(title, text))
    assert found[0] == []  # the headline's "Lindqvist" is Peter's
    assert [m.cases for m in found[1]] == [("lindqvist",)]
    # ... but a title-case headline still names the case whose full name the item gives.
    title = "Tennis Legend Lindqvist Freed From Prison"
    found = find_mentions(MentionIndex(load_cases(CASES)), sentences(title, "Anna Lindqvist"))
    assert [m.cases for m in found[0]] == [("lindqvist",)]


def test_a_year_after_with_the_or_for_the_is_the_crimes(classifier: Classifier) -> None:
    got = found(classifier, "Daniel Okafor, the man charged with the 2017 k…")
    assert ("okafor", "charged", "2017") not in got
    got = found(classifier, "Daniel Okafor jailed for the 2019 cyber intrusion")
    assert ("okafor", "sentenced", "2019") not in got
    got = found(classifier, "Daniel Okafor arrested in the 2019 crackdown")
    assert ("okafor", "detained", "2019") in got


def test_a_headlines_news_is_not_dated_by_an_older_development_of_its_type(
    classifier: Classifier,
) -> None:
    text = (
        "Daniel Okafor has been charged with espionage, state media said. "
        "He was convicted in a Russian court last year on a bribery charge."
    )
    got = found(classifier, "Briton Daniel Okafor charged with espionage in Russia", text)
    assert ("okafor", "charged", "2023-03-15") in got
    # ... but a sentence dating the headline's own news still does, even months late.
    got = found(classifier, "Iran executes Daniel Okafor", "He was executed in January.")
    assert ("okafor", "died", "2023-01") in got
    text = "The charge against Daniel Okafor was filed on December 1, his lawyer said."
    got = found(classifier, "Briton Daniel Okafor charged with espionage in Russia", text)
    assert ("okafor", "charged", "2022-12-01") in got


def test_a_live_pages_bullets_part_its_headlines() -> None:
    text = "• Editor says the paper is not in contact with him • Minister speaks to Anna Lindqvist"
    assert [s.text for s in sentences("Live updates", text)][1:] == [
        "Editor says the paper is not in contact with him",
        "Minister speaks to Anna Lindqvist",
    ]


@pytest.mark.parametrize("opener", ["How", "What", "Why", "Meet", "Inside", "Gunman"])
def test_a_headlines_opening_word_is_no_given_name(opener: str) -> None:
    found = find_mentions(MentionIndex(load_cases(CASES)), sentences(f"{opener} Okafor fled", ""))
    assert [m.cases for m in found[0]] == [("okafor",)]


@pytest.mark.parametrize(
    "text",
    [
        "Daniel Okafor was released on personal recognizance bail after pleading not guilty.",
        "Daniel Okafor was released on a $500,000 bond on Monday.",
        "Daniel Okafor was released on his own recognizance.",
    ],
)
def test_release_on_bail_bond_or_recognizance_is_bail_not_release(
    classifier: Classifier, text: str
) -> None:
    got = {t for _, t, _ in found(classifier, "Court hears case", text)}
    assert "released" not in got
    assert "bail" in got


def test_a_meeting_with_a_government_on_the_other_side_is_diplomacy() -> None:
    title = "Daniel Okafor's lawyers meet British minister to discuss release"
    assert ("okafor", "diplomatic_action") in proposed(title)
    assert ("okafor", "diplomatic_action") not in proposed("Daniel Okafor's lawyers meet reporters")


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        ("Daniel Okafor walks free after eight years", "", "released"),
        # what someone was jailed for is no pursuit of the release that ends the headline
        (
            "British man jailed for 20 years for his children's deaths pardoned",
            "Daniel Okafor",
            "released",
        ),
        # a sentence changed by a higher court
        ("Killer Daniel Okafor has minimum term reduced", "", "appeal"),
        ("PC Daniel Okafor has sentence increased", "", "appeal"),
        ("Daniel Okafor's former boss shaken in the witness box", "", "trial"),
    ],
)
def test_walking_free_a_pardon_a_changed_sentence_and_the_witness_box(
    title: str, text: str, kind: str
) -> None:
    assert ("okafor", kind) in proposed(title, text)


def test_a_release_sought_for_someone_is_still_no_release() -> None:
    assert ("okafor", "released") not in proposed("Friends push for Daniel Okafor to be freed")
    assert ("okafor", "released") not in proposed("Campaign for Daniel Okafor's release grows")


@pytest.mark.parametrize(
    "title",
    [
        "Police offer a bounty for his arrest, Daniel Okafor says",
        "Court issues warrant for the arrest of Daniel Okafor",
        "Protesters call for Daniel Okafor's arrest",
    ],
)
def test_an_arrest_wanted_is_no_arrest(title: str) -> None:
    assert ("okafor", "detained") not in proposed(title)


def test_an_arrest_told_is_still_one() -> None:
    assert ("okafor", "detained") in proposed(
        "Protesters call for calm after arrest of Daniel Okafor"
    )
    assert ("okafor", "detained") in proposed("DNA leads to arrest of Daniel Okafor")


def test_held_since_reaches_past_a_long_charge(classifier: Classifier) -> None:
    text = "Daniel Okafor has been in jail on fraud and money-laundering charges since March."
    assert ("okafor", "detained", "2023-03") in found(classifier, "Court hears case", text)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Daniel Okafor's suicide underscores negligence in prisons", "died"),
        ("Daniel Okafor took his own life in his cell, officials say", "died"),
        ("Activist Daniel Okafor found in Moscow jail after disappearing abroad", "transferred"),
        ("Daniel Okafor resurfaces in prison in Yakutia", "transferred"),
    ],
)
def test_a_death_by_suicide_and_a_prisoner_found_in_jail(title: str, kind: str) -> None:
    assert ("okafor", kind) in proposed(title)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Daniel Okafor put on suicide watch", "died"),
        ("Daniel Okafor survives attempted suicide", "died"),
        ("Russia launches suicide drones as Daniel Okafor waits in jail", "died"),
        ("Body of Daniel Okafor found in prison cell", "transferred"),
    ],
)
def test_a_suicide_watch_an_attempt_and_a_body_found_are_not_those(title: str, kind: str) -> None:
    assert ("okafor", kind) not in proposed(title)


@pytest.mark.parametrize(
    "title",
    [
        "Daniel Okafor gets 18-month detention as protests continue",
        "Court orders Daniel Okafor to 40 days of arrest over extradition request",
        "Judge extends Daniel Okafor's jail time by 18 months",
        "Court rejects Daniel Okafor's parole application",
        "Daniel Okafor declared unfit for trial",
    ],
)
def test_custody_counted_in_days_or_months_parole_refused_and_fitness_are_hearings(
    title: str,
) -> None:
    assert ("okafor", "hearing") in proposed(title)


def test_a_sentence_counted_in_months_is_no_custody_order() -> None:
    assert ("okafor", "hearing") not in proposed(
        "Daniel Okafor sentenced to six months of detention"
    )


@pytest.mark.parametrize(
    "title",
    [
        "Daniel Okafor loses appeal to regain British citizenship",
        "Daniel Okafor can return to fight for citizenship, Court of Appeal rules",
        "Opposition leader Daniel Okafor challenges jail sentence",
        "Top court hears a challenge by Daniel Okafor against a 15-month prison term",
    ],
)
def test_an_appeal_lost_a_court_of_appeal_ruling_and_a_challenged_sentence(title: str) -> None:
    assert ("okafor", "appeal") in proposed(title)


@pytest.mark.parametrize(
    "title",
    [
        "Daniel Okafor's family appeal to the president for clemency",
        "Daniel Okafor arrives at the Court of Final Appeal by prison van",
    ],
)
def test_a_plea_and_a_courts_name_are_still_no_appeal(title: str) -> None:
    assert ("okafor", "appeal") not in proposed(title)


@pytest.mark.parametrize(
    "title",
    [
        "Journalist Daniel Okafor denied bail and hit with new charge in Myanmar",
        "Daniel Okafor faces 20 more sexual assault charges",
    ],
)
def test_a_charge_after_a_refused_bail_or_as_more_charges_faced(title: str) -> None:
    # (the bare noun "charge" proposed one before; the new-charges form is what tells it)
    assert "chg.hit" in {c.trigger for c in candidates_of(title, "")}


@pytest.mark.parametrize(
    "title", ["Daniel Okafor was not arrested and charged", "Daniel Okafor could face more charges"]
)
def test_a_charge_denied_or_ahead_is_still_none(title: str) -> None:
    assert ("okafor", "charged") not in proposed(title)


def test_the_helpers_arrest_is_not_the_cases() -> None:
    text = (
        "Two men accused of helping to smuggle Daniel Okafor out of Japan late last year "
        "were arrested Wednesday morning in the US."
    )
    assert ("okafor", "detained") not in proposed("Two men held", text)
    assert ("okafor", "detained") in proposed("Held", "Daniel Okafor and two men were arrested.")


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        ("Mexican actor Daniel Okafor gets prison for road rage death", "", "sentenced"),
        ("Daniel Okafor gets life for murder", "", "sentenced"),
        ("Italy's highest court orders new trial for Daniel Okafor", "", "appeal"),
        ("Boy reunites with dad after hostage ordeal", "Daniel Okafor, held by Hamas.", "released"),
    ],
)
def test_prison_got_a_retrial_ordered_and_a_reunion(title: str, text: str, kind: str) -> None:
    assert ("okafor", kind) in proposed(title, text)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Daniel Okafor gets prison for road rage death", "died"),
        ("Judge denies Daniel Okafor new trial in Miami road rage death", "died"),
        ("Daniel Okafor returned to his Moscow hotel after a lunch", "released"),
        ("Daniel Okafor gets prison visit from consul", "sentenced"),
    ],
)
def test_the_crimes_death_and_a_hotel_are_no_death_or_release(title: str, kind: str) -> None:
    assert ("okafor", kind) not in proposed(title)


def test_a_death_the_guards_are_charged_over_is_still_the_cases() -> None:
    assert ("okafor", "died") in proposed("Guards charged over the death of Daniel Okafor")


@pytest.mark.parametrize(
    "title",
    [
        "Anna Lindqvist held on suspicion of spying",
        "Anna Lindqvist held for questioning in Moscow",
    ],
)
def test_held_on_suspicion_or_for_questioning_is_an_arrest(
    classifier: Classifier, title: str
) -> None:
    assert ("lindqvist", "detained", "2023-03-15") in found(classifier, title)


@pytest.mark.parametrize(
    "title",
    [
        "Anna Lindqvist ordered to remain in jail before trial",
        "Court keeps Anna Lindqvist in custody until trial",
    ],
)
def test_custody_kept_by_a_court_is_a_hearing(title: str) -> None:
    assert ("lindqvist", "hearing") in proposed(title)


def test_remaining_in_jail_alone_is_no_hearing() -> None:
    assert ("lindqvist", "hearing") not in proposed("Anna Lindqvist remains in jail")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "U.S. businessman Daniel Okafor, imprisoned in Iran since 2015, ended a hunger strike.",
            "2015",
        ),
        ("Daniel Okafor has been held in Tehran since September 2018, his family says.", "2018-09"),
    ],
)
def test_a_detention_told_by_when_it_began(classifier: Classifier, text: str, date: str) -> None:
    assert ("okafor", "detained", date) in found(classifier, "Hunger strike ends", text)


def test_since_after_no_custody_word_is_no_detention() -> None:
    assert ("okafor", "detained") not in proposed("Daniel Okafor has been a critic since 2015")


@pytest.mark.parametrize(
    "text",
    [
        "Daniel Okafor, imprisoned in Iran since 2015, ended a hunger strike.",
        "Daniel Okafor has been behind bars since December 2020.",
        "Daniel Okafor was held on suspicion of spying in March.",
    ],
)
def test_the_precise_rules_know_held_since_and_on_suspicion(text: str) -> None:
    assert "rule" in features_of("Hunger strike ends", "detained", text)


def test_a_relative_clauses_event_is_its_antecedents() -> None:
    text = (
        "Daniel Okafor, the veteran who spent three years in Iran before being released in "
        "April in a swap, urged the White House to work faster toward freeing Anna Lindqvist."
    )
    got = proposed("Veteran urges action", text)
    assert ("okafor", "released") in got
    assert ("lindqvist", "released") not in got


def test_a_participle_before_a_name_describes_that_name_only() -> None:
    text = (
        "Officials proposed to release convicted Chinese agent Zhou Min and secure Anna Lindqvist."
    )
    got = proposed("Swap proposed", text)
    assert ("zhou-min", "verdict") in got
    assert ("lindqvist", "verdict") not in got


def test_a_swap_for_someone_named_frees_both_sides() -> None:
    text = "Anna Lindqvist, who was freed in a swap for Zhou Min, is home."
    got = proposed("Home", text)
    assert {("lindqvist", "released"), ("zhou-min", "released")} <= got


def test_a_person_traded_for_another_is_a_swap_and_a_price_traded_is_not() -> None:
    text = "Sweden traded her for Zhou Min, a Chinese spy."
    assert ("zhou-min", "released") in proposed("Anna Lindqvist freed", text)
    assert ("zhou-min", "released") in proposed("Sweden traded Anna Lindqvist for Zhou Min")
    assert ("zhou-min", "released") not in proposed(
        "Markets", "Shares traded higher for a third day as Zhou Min spoke."
    )


def test_custody_of_ones_own_state_is_a_release_and_anothers_a_detention() -> None:
    assert ("lindqvist", "released") in proposed(
        "Anna Lindqvist now in the custody of Swedish officials"
    )
    own = proposed("Anna Lindqvist now in the custody of Swedish officials")
    assert ("lindqvist", "detained") not in own
    assert ("lindqvist", "released") not in proposed(
        "Anna Lindqvist now in the custody of Russian authorities"
    )


@pytest.mark.parametrize(
    "title",
    [
        "Anna Lindqvist to remain in Russian detention until end of January",
        "Judge ordered ousted ex-president Anna Lindqvist to stay in prison",
    ],
)
def test_a_decision_to_keep_someone_in_custody_is_a_hearing(title: str) -> None:
    assert ("lindqvist", "hearing") in proposed(title)


def test_a_forecast_of_more_custody_is_no_hearing() -> None:
    assert ("lindqvist", "hearing") not in proposed("Anna Lindqvist is likely to remain in jail")


@pytest.mark.parametrize(
    "title",
    [
        "Crowds call for a strike, new elections and the release of Anna Lindqvist",
        "US still talking to Russia about Anna Lindqvist and Daniel Okafor release",
    ],
)
def test_a_release_listed_among_demands_or_talked_about_is_none(title: str) -> None:
    assert ("lindqvist", "released") not in proposed(title)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # A swap wanted, tried for or ahead, the person named far from the verb.
        ("Deal talk", "Russia wanted a spy set free in exchange for Anna Lindqvist."),
        ("Diplomacy", "But efforts to include Anna Lindqvist in a prisoner swap have failed."),
        ("Anna Lindqvist to be returned to Sweden as part of prisoner exchange", ""),
        ("Deal", "Anna Lindqvist is to be sent home to Sweden in a major prisoner swap."),
        ("Deal", "Russia moves to release Anna Lindqvist in exchange for frozen assets."),
        # Freeing worked at, or said to be unfinished.
        ("Vote", "The government works to get Anna Lindqvist returned to Sweden."),
        ("Talks", "Anna Lindqvist's lawyer said her release was still a work in progress."),
    ],
)
def test_a_release_worked_at_wanted_or_ahead_is_none(title: str, text: str) -> None:
    assert ("lindqvist", "released") not in proposed(title, text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Russia frees Anna Lindqvist in exchange for a spy", ""),
        ("Freed", "Anna Lindqvist was released in May in an exchange for a Russian spy."),
        ("Home", "After months of efforts to bring her home, Anna Lindqvist was freed on Monday."),
        ("Home", "Anna Lindqvist's release from prison was celebrated in Stockholm."),
        ("Home", "Anna Lindqvist wanted to go home and was released on Monday."),
    ],
)
def test_a_release_done_after_efforts_is_still_a_release(title: str, text: str) -> None:
    assert ("lindqvist", "released") in proposed(title, text)


def test_a_government_talking_to_another_about_the_case_is_diplomacy() -> None:
    title = "US still talking to Russia about Anna Lindqvist release"
    assert "dip.raise" in {c.trigger for c in candidates_of(title)}


def test_a_history_of_being_jailed_is_a_habit() -> None:
    got = proposed("Profile", "Daniel Okafor has a long history of being jailed and fined.")
    assert ("okafor", "sentenced") not in got
    assert ("okafor", "detained") not in got


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        (
            "Deal talk",
            "Putin wants a deal on Anna Lindqvist, who is in custody on spy charges.",
            "detained",
        ),
        ("Court Suspends Anna Lindqvist's Sentence in Corruption Case", "", "sentenced"),
        ("Anna Lindqvist has been jailed since March 2021", "", "sentenced"),
        ("Kremlin open to a swap involving detained reporter Anna Lindqvist", "", "detained"),
    ],
)
def test_a_state_a_suspended_old_sentence_and_a_description_are_no_news(
    title: str, text: str, kind: str
) -> None:
    assert ("lindqvist", kind) not in proposed(title, text)


def test_a_suspended_sentence_given_is_still_a_sentence() -> None:
    assert ("lindqvist", "sentenced") in proposed("Anna Lindqvist given a suspended sentence")


def test_the_release_of_a_described_other_case_is_not_this_cases() -> None:
    text = (
        "Officials will engage on detainees, including Daniel Okafor, following the release of "
        "WNBA star Anna Lindqvist from prison."
    )
    got = proposed("Talks continue", text)
    assert ("okafor", "released") not in got
    assert ("lindqvist", "released") in got


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        ("Daniel Okafor, Lagos's 'Prince of Death,' turns to politics", "", "died"),
        ("Verdict due in Daniel Okafor's case; lengthy prison term expected", "", "sentenced"),
        ("Open letter", "It is the latest of the public appeals for Daniel Okafor.", "appeal"),
    ],
)
def test_a_quoted_title_a_term_expected_and_a_public_appeal_are_no_events(
    title: str, text: str, kind: str
) -> None:
    assert ("okafor", kind) not in proposed(title, text)


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # A state told by its participle.
        ("Season opens", "The team plays without Anna Lindqvist, who remains held.", "detained"),
        ("Anna Lindqvist Still Held in Russia as Talks Stall", "", "detained"),
        # A term that is faced or asked for.
        (
            "Jailed Kremlin critic faces 15 more years in prison",
            "Anna Lindqvist appeared in court on new charges.",
            "sentenced",
        ),
        (
            "Closing arguments",
            "Prosecutors are asking a court to sentence Anna Lindqvist to 12 years in prison.",
            "sentenced",
        ),
        # Within one prison.
        ("Anna Lindqvist released from solitary confinement", "", "released"),
        ("Anna Lindqvist moved to a punishment cell, lawyers say", "", "transferred"),
        ("Lawyers visit", "Anna Lindqvist is in her Mordovian penal colony.", "transferred"),
        # A quoted title wherever it stands, and an idiom.
        ("Debate over trading 'Angel of Death' for Anna Lindqvist", "", "died"),
        ("Cricket comes to Anna Lindqvist's rescue as police halt operation", "", "released"),
    ],
)
def test_a_state_a_term_asked_for_a_move_within_prison_and_a_title_are_no_events(
    title: str, text: str, kind: str
) -> None:
    assert ("lindqvist", kind) not in proposed(title, text)


def test_a_move_to_another_prison_and_a_release_from_prison_are_still_news() -> None:
    assert ("lindqvist", "transferred") in proposed("Anna Lindqvist moved to a penal colony")
    assert ("lindqvist", "released") in proposed("Anna Lindqvist released from prison")
    title = "'Angel of Death' film-maker Anna Lindqvist dies in custody"
    assert ("lindqvist", "died") in proposed(title)


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # How long someone was held is no new detention.
        ("Anna Lindqvist describes her release after years in Russian custody", "", "detained"),
        ("Profile", "Anna Lindqvist was freed after 14 years in U.S. custody.", "detained"),
        # Plural people the case is not among are the ones arrested.
        ("Anna Lindqvist explains why journalists are being arrested", "", "detained"),
        ("Three of Anna Lindqvist's lawyers were arrested on Monday", "", "detained"),
    ],
)
def test_a_duration_held_and_other_peoples_arrest_are_no_detention(
    title: str, text: str, kind: str
) -> None:
    assert ("lindqvist", kind) not in proposed(title, text)


@pytest.mark.parametrize(
    "title",
    [
        "Anna Lindqvist and her aides were detained in Moscow",
        "Anna Lindqvist and other activists were arrested on Sunday",
        "Anna Lindqvist was taken into custody in February",
        # (background kept where no release is told with it)
        "Anna Lindqvist spent six years in detention on Manus Island",
    ],
)
def test_the_case_among_the_people_arrested_is_detained(title: str) -> None:
    assert ("lindqvist", "detained") in proposed(title)


def test_a_negotiator_telling_of_a_release_reports_it() -> None:
    title = "Top Hostage Negotiator Details the Release of Anna Lindqvist"
    assert ("lindqvist", "released") in proposed(title)
    # (a thing released is still no prisoner freed)
    assert ("lindqvist", "released") not in proposed("Details of Anna Lindqvist's case released")


def test_a_capital_stands_for_its_government() -> None:
    dips = [
        c
        for c in candidates_of("Kyiv condemns Anna Lindqvist's jail sentence")
        if c.type.value == "diplomatic_action"
    ]
    assert dips and all("gov_subject" in c.features for c in dips)


def test_what_a_speaker_says_a_government_does_has_that_government_as_its_subject() -> None:
    text = (
        "The Kremlin spokesman said on Thursday that Moscow is in talks with the United States "
        "about Anna Lindqvist."
    )
    (talks,) = [c for c in candidates_of("Talks", text) if c.trigger == "dip.raise"]
    assert "gov_subject" in talks.features


@pytest.mark.parametrize(
    ("title", "told"),
    [
        ("Anna Lindqvist appears in court as her trial opens", True),
        ("Anna Lindqvist appears in court ahead of her trial", False),
        ("Anna Lindqvist appears in court on spying charges", False),
    ],
)
def test_a_day_in_court_is_marked_where_the_item_tells_a_trial_under_way(
    title: str, told: bool
) -> None:
    (court,) = [c for c in candidates_of(title) if c.trigger == "hea.court"]
    assert ("trial_told" in court.features) is told


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # People described by the case are not the case.
        (
            "Crackdown",
            "Hundreds of protesters calling for the release of Anna Lindqvist have been detained.",
            "detained",
        ),
        ("Anna Lindqvist Condemns Lawyers' Arrest", "", "detained"),
        # An openness to a swap is none yet.
        ("Anna Lindqvist moved, Russia signals openness to prisoner swap", "", "released"),
        # Time held, told with the release, and "since" the release.
        (
            "First words",
            "Anna Lindqvist spoke of her time in custody in her first comments since being "
            "released.",
            "detained",
        ),
    ],
)
def test_describers_an_openness_and_time_held_since_a_release_are_no_events(
    title: str, text: str, kind: str
) -> None:
    assert ("lindqvist", kind) not in proposed(title, text)


def test_the_case_named_among_people_detained_is_detained() -> None:
    text = "Dozens of journalists, including Anna Lindqvist, were detained on Sunday."
    assert ("lindqvist", "detained") in proposed("Arrests", text)


@pytest.mark.parametrize(
    "text",
    [
        "Daniel Okafor met a man who was arrested last year.",
        "Officials asked that a former colonel who was convicted of murder be included in a swap "
        "for Anna Lindqvist and Daniel Okafor.",
    ],
)
def test_the_verb_of_a_relative_clause_about_someone_unnamed_is_no_cases(text: str) -> None:
    got = proposed("Talks", text)
    assert not {("okafor", "detained"), ("okafor", "verdict"), ("lindqvist", "verdict")} & got


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "The two Swedes who were kidnapped have been identified as Anna Lindqvist and Hiro "
            "Tanaka.",
            "detained",
        ),
        ("Anna Lindqvist, a former marine who was convicted of spying, spoke.", "verdict"),
    ],
)
def test_a_relative_clause_about_the_case_itself_is_the_cases(text: str, kind: str) -> None:
    assert ("lindqvist", kind) in proposed("News", text)


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        (
            "Lefortovo's history",
            "The history of the prison where reporter Anna Lindqvist is held shows the limits.",
            "detained",
        ),
    ],
)
def test_where_someone_is_held_is_no_event(title: str, text: str, kind: str) -> None:
    assert ("lindqvist", kind) not in proposed(title, text)


def test_a_date_after_another_events_noun_is_that_events() -> None:
    text = (
        "The ambassador met Anna Lindqvist in prison, her third such visit since her detention "
        "in January."
    )
    visits = [c for c in candidates_of("Visit", text) if c.type.value == "consular_visit"]
    assert visits and all(v.date is None or v.date.month != 1 for v in visits)
    # (the detention's January; "met" and "visit" each propose the visit)


def test_people_a_sentence_names_no_case_for_may_be_the_items_cases() -> None:
    title = "2 Swedish journalists' trials begin over their coverage"
    text = "Anna Lindqvist and Daniel Okafor face charges of working with foreign states."
    got = proposed(title, text)
    assert ("lindqvist", "trial") in got and ("okafor", "trial") in got


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        ("News", "Lawyers for Anna Lindqvist said she had been charged with espionage.", "charged"),
        (
            "News",
            "Officials in Moscow confirmed that Anna Lindqvist has been arrested.",
            "detained",
        ),
        ("News", "Journalists from Sweden, including Anna Lindqvist, were detained.", "detained"),
        ("News", "Anna Lindqvist and six other journalists were arrested.", "detained"),
        ("News", "Anna Lindqvist was among the journalists who were arrested.", "detained"),
        ("News", "Anna Lindqvist was the only foreigner who was detained.", "detained"),
        (
            "News",
            "Prosecutors asked the judge to sentence Anna Lindqvist to 15 years; she was "
            "sentenced to 12 years.",
            "sentenced",
        ),
        ("News", "Anna Lindqvist was moved to a cell in Lefortovo prison.", "transferred"),
        ("'Anna Lindqvist Freed': Family Celebrates", "", "released"),
        (
            "News",
            "Despite a valid visa, Anna Lindqvist was still detained at the border.",
            "detained",
        ),
    ],
)
def test_the_new_vetoes_leave_the_cases_own_news(title: str, text: str, kind: str) -> None:
    assert ("lindqvist", kind) in proposed(title, text)


def test_freed_from_solitary_is_no_release_either() -> None:
    assert ("lindqvist", "released") not in proposed(
        "Anna Lindqvist freed from solitary confinement"
    )


def test_a_government_speaking_of_its_own_act_keeps_it_as_the_subject() -> None:
    text = "Sweden said it had summoned the Russian ambassador over Anna Lindqvist."
    dips = [c for c in candidates_of("News", text) if c.type.value == "diplomatic_action"]
    assert dips and all("gov_subject" in c.features for c in dips)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Anna Lindqvist missing after being removed from prison", ""),
        ("News", "The jailed reporter Anna Lindqvist is missing in the prison system."),
        ("News", "Imprisoned reporter Anna Lindqvist has been missing for a week, her team says."),
    ],
)
def test_a_prisoner_missing_in_transit_is_not_arrested_again(title: str, text: str) -> None:
    assert ("lindqvist", "detained") not in proposed(title, text)


def test_taken_out_of_prison_is_a_transfer() -> None:
    assert ("lindqvist", "transferred") in proposed("Anna Lindqvist removed from Moscow jail")


@pytest.mark.parametrize(
    "title",
    ["Reporter Anna Lindqvist went missing in Iran", "Anna Lindqvist missing since January"],
)
def test_someone_free_who_goes_missing_may_be_detained(title: str) -> None:
    assert ("lindqvist", "detained") in proposed(title)


def dip_features(title: str, text: str = "") -> list[tuple[str, ...]]:
    return [c.features for c in candidates_of(title, text) if c.type.value == "diplomatic_action"]


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # a legislature speaks for the state ...
        ("Senate Leaders Call on Russia to Release Anna Lindqvist", ""),
        ("House Calls for Immediate Release of Anna Lindqvist", ""),
        # ... as do many states together, in the base form a plural subject takes
        ("Dozens of Countries Criticize Russia Over Detention of Anna Lindqvist", ""),
        ("EU countries deplore the sentencing of Anna Lindqvist", ""),
        # talks told as contact, and work toward the release
        ("Sweden in direct contact with Russia over detained aid worker Anna Lindqvist", ""),
        ("News", "The Swedish government is working to bring Anna Lindqvist home."),
        # the holder reporting another state's demand is not the speaker of it
        ("Russia Says Sweden Has Called to Demand Release of Anna Lindqvist", ""),
    ],
)
def test_governments_legislatures_and_contacts_act_diplomatically(title: str, text: str) -> None:
    assert ("lindqvist", "diplomatic_action") in proposed(title, text)


def test_a_legislature_is_the_subject_that_acts() -> None:
    assert any(
        "gov_subject" in f for f in dip_features("Senate Leaders Urge Release of Anna Lindqvist")
    )


def test_an_official_meeting_the_detainee_is_a_consular_visit_not_diplomacy() -> None:
    got = proposed("Swedish Ambassador Meets Jailed Aid Worker Anna Lindqvist")
    assert ("lindqvist", "consular_visit") in got
    assert ("lindqvist", "diplomatic_action") not in got


def test_an_official_meeting_the_detainees_family_is_diplomacy_not_a_visit() -> None:
    got = proposed("Swedish foreign minister meets Anna Lindqvist's family")
    assert ("lindqvist", "diplomatic_action") in got
    assert ("lindqvist", "consular_visit") not in got


def test_a_countrys_adjective_before_a_private_person_is_no_government() -> None:
    features = dip_features("US teacher speaks out after release the same day as Anna Lindqvist")
    assert features and all("gov_subject" not in f for f in features)


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        ("Anna Lindqvist expects arrest as police surround her house", "", "detained"),
        ("Anna Lindqvist faces arrest if she returns", "", "detained"),
        (
            "News",
            "The minister was not particularly interested in freeing Anna Lindqvist.",
            "released",
        ),
        (
            "News",
            "The designation unlocks resources to work on freeing Anna Lindqvist.",
            "released",
        ),
        ("Russia could consider a swap for Anna Lindqvist after her trial ends", "", "trial"),
        (
            "News",
            "Russia may discuss a swap for Anna Lindqvist after a court delivers its verdict.",
            "verdict",
        ),
        ("Anna Lindqvist in the news", "She appears in two films released on Friday.", "released"),
        (
            "Opposition Cracks After Thousands Arrested",
            "Anna Lindqvist's party is under pressure.",
            "detained",
        ),
    ],
)
def test_what_is_expected_pursued_conditional_or_others_is_no_development(
    title: str, text: str, kind: str
) -> None:
    assert ("lindqvist", kind) not in proposed(title, text)


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        ("News", "Anna Lindqvist was freed after the trial ended.", "released"),
        ("Police arrest Anna Lindqvist after a raid", "", "detained"),
        ("Anna Lindqvist's memoir released", "Anna Lindqvist was released in May.", "released"),
    ],
)
def test_past_events_beside_those_forms_stay(title: str, text: str, kind: str) -> None:
    assert ("lindqvist", kind) in proposed(title, text)


@pytest.mark.parametrize(
    "text",
    [
        "Anna Lindqvist was released in May.",
        "Anna Lindqvist's trial opened on May 5.",
        "Anna Lindqvist has been held since May, her lawyer said.",
    ],
)
def test_the_month_may_is_no_modal(text: str) -> None:
    kinds = {k for c, k in proposed("News", text) if c == "lindqvist"}
    assert kinds & {"released", "trial", "detained"}


def test_the_modal_may_still_puts_an_event_ahead() -> None:
    assert ("lindqvist", "released") not in proposed("News", "Anna Lindqvist may be released soon.")


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # A headline's present passive after "after" is done, whatever modal the reaction has.
        (
            "Sweden says it will not rest after Anna Lindqvist is sentenced to 16 years",
            "",
            "sentenced",
        ),
        ("Anna Lindqvist will appeal after she is found guilty of espionage", "", "verdict"),
        # A crowd with the case named among it.
        ("Dozens arrested, Anna Lindqvist among them", "", "detained"),
        ("Hundreds detained, including opposition leader Anna Lindqvist", "", "detained"),
        # Someone free who was jailed once, and an arrest long expected that came.
        ("Previously jailed rights lawyer Anna Lindqvist goes missing", "", "detained"),
        ("The widely expected arrest of Anna Lindqvist came on Monday", "", "detained"),
    ],
)
def test_the_sixteenth_sessions_vetoes_leave_the_cases_own_news(
    title: str, text: str, kind: str
) -> None:
    assert ("lindqvist", kind) in proposed(title, text)


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        ("Sweden's prime minister meets Anna Lindqvist after her release", "", "consular_visit"),
        ("Officials met to discuss Anna Lindqvist on Tuesday", "", "consular_visit"),
        ("Analysts say this may mean Anna Lindqvist is freed in a swap", "", "released"),
        ("Anna Lindqvist was removed from prison and freed, her lawyer said", "", "transferred"),
    ],
)
def test_the_sixteenth_sessions_forms_keep_to_what_they_are_about(
    title: str, text: str, kind: str
) -> None:
    assert ("lindqvist", kind) not in proposed(title, text)


@pytest.mark.parametrize(
    "title",
    [
        "Freedom House calls for release of Anna Lindqvist",
        "Activists in several countries demand Anna Lindqvist's release",
    ],
)
def test_a_rights_group_or_people_in_countries_are_no_government(title: str) -> None:
    features = dip_features(title)
    assert features and all("gov_subject" not in f for f in features)


def test_an_official_meeting_someone_no_item_says_is_held_is_no_visit() -> None:
    assert ("lindqvist", "consular_visit") not in proposed(
        "Swedish Prime Minister Meets With Anna Lindqvist Amid Strained Relations"
    )
    assert ("lindqvist", "consular_visit") in proposed(
        "Swedish Officials Met With Anna Lindqvist, Government Says",
        "The aid worker has been detained in Russia since February.",
    )


@pytest.mark.parametrize(
    ("title", "text", "expected", "not_expected"),
    [
        (
            "Russia sentences Anna Lindqvist as Daniel Okafor is moved to penal colony",
            "",
            {("lindqvist", "sentenced"), ("okafor", "transferred")},
            {("okafor", "sentenced"), ("lindqvist", "transferred")},
        ),
        (
            "Court news",
            "Anna Lindqvist was jailed for six years on Monday, while Daniel Okafor walked free.",
            {("lindqvist", "sentenced"), ("okafor", "released")},
            {("okafor", "sentenced"), ("lindqvist", "released")},
        ),
        (
            "Iran frees Daniel Okafor, keeps Anna Lindqvist in jail",
            "",
            {("okafor", "released")},
            {("lindqvist", "released")},
        ),
        (
            "Court news",
            "Daniel Okafor was released on Thursday and Anna Lindqvist was charged.",
            {("okafor", "released"), ("lindqvist", "charged")},
            {("okafor", "charged"), ("lindqvist", "released")},
        ),
        # ... but one verb's two objects are both its news.
        (
            "Russia frees Anna Lindqvist and Daniel Okafor in swap",
            "",
            {("lindqvist", "released"), ("okafor", "released")},
            set(),
        ),
    ],
)
def test_each_clause_tells_the_news_of_the_case_it_names(
    title: str, text: str, expected: set[tuple[str, str]], not_expected: set[tuple[str, str]]
) -> None:
    got = proposed(title, text)
    assert expected <= got
    assert not (not_expected & got)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # The item tells the development of someone it names who is no configured case: its
        # descriptor headline is that person, the case named in passing is not.
        (
            "Russia arrests French researcher",
            "Laurent Vasseur was detained in Moscow on Thursday. Anna Lindqvist remains jailed.",
        ),
        ("Russia frees Gary Ellison", "He had shared a cell with Anna Lindqvist."),
        (
            "Russia frees ex-Marine in swap",
            "Brian Morrow was released on Thursday. Anna Lindqvist was not part of the deal.",
        ),
        # ... or of someone like the case, but another, or named with the case in passing.
        ("Russia arrests another Swedish aid worker", "Anna Lindqvist remains in jail."),
        ("Aid worker speaks", "Anna Lindqvist spoke, a week after a fellow worker was jailed."),
        (
            "Russia jails aid worker",
            "Gary Ellison was jailed for 8 years, in a case like that of Anna Lindqvist.",
        ),
    ],
)
def test_a_development_told_of_another_named_person_is_not_the_cases(title: str, text: str) -> None:
    kinds = {k for c, k in proposed(title, text) if c == "lindqvist"}
    assert not kinds & {"detained", "released", "sentenced"}


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Russia frees Swedish aid worker", "Anna Lindqvist was released on Thursday.", "released"),
        # (an agent named is not the one it happens to)
        (
            "Aid worker freed",
            "Judge Ivan Petrov freed her, Anna Lindqvist's lawyer said.",
            "released",
        ),
    ],
)
def test_a_descriptor_headline_still_stands_for_the_case_the_item_names(
    title: str, text: str, expected: str
) -> None:
    assert ("lindqvist", expected) in proposed(title, text)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("A lawyer for Anna Lindqvist was arrested in Moscow", "detained"),
        ("Police detain Anna Lindqvist's spokesman", "detained"),
        ("An adviser to Anna Lindqvist freed in amnesty", "released"),
        ("Russian court sentences Anna Lindqvist's cellmate", "sentenced"),
    ],
)
def test_what_befalls_a_lawyer_or_aide_of_the_case_is_theirs(title: str, kind: str) -> None:
    assert ("lindqvist", kind) not in proposed(title)


def test_what_a_lawyer_does_in_the_case_is_the_cases() -> None:
    assert ("lindqvist", "appeal") in proposed("Anna Lindqvist's lawyers file appeal")


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # A report denied, a question of what may come.
        ("Kremlin denies reports Anna Lindqvist has been freed", "", "released"),
        ("Will Anna Lindqvist be part of the next prisoner swap?", "", "released"),
        # Pleas are no court's appeal; a verdict awaited is none yet.
        (
            "Iran executes Daniel Okafor",
            "He was hanged at dawn despite appeals from London.",
            "appeal",
        ),
        ("Trial of Anna Lindqvist ends; verdict expected within weeks", "", "verdict"),
        # "convicted" describing someone unnamed is not the case's verdict.
        ("Russia releases Anna Lindqvist in exchange for convicted spy", "", "verdict"),
        # A heated exchange of words is no swap; charges a verdict ends are none filed.
        ("Debate", "The debate began with a testy exchange on Anna Lindqvist's case.", "released"),
        ("A jury convicted Anna Lindqvist of contempt of Congress charges", "", "charged"),
        (
            "Court clears Anna Lindqvist",
            "A court acquitted former envoy Anna Lindqvist of fraud charges.",
            "charged",
        ),
        (
            "Profile",
            "As minister, Anna Lindqvist barred ships carrying rescued migrants.",
            "released",
        ),
        # Where a prisoner is, told in passing, is no move.
        ("Anna Lindqvist marks her 50th birthday in a penal colony", "", "transferred"),
    ],
)
def test_denials_questions_pleas_and_descriptions_are_no_development(
    title: str, text: str, kind: str
) -> None:
    assert ("lindqvist" if "Lindqvist" in title + text else "okafor", kind) not in proposed(
        title, text
    )


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Anna Lindqvist moved to a penal colony", "transferred"),
        ("Moscow court convicts Anna Lindqvist", "verdict"),
        ("Anna Lindqvist loses appeal against her sentence", "appeal"),
        ("Russia frees Anna Lindqvist in exchange for a convicted spy", "released"),
    ],
)
def test_moves_verdicts_appeals_and_swaps_told_plainly_are_still_news(
    title: str, kind: str
) -> None:
    assert ("lindqvist", kind) in proposed(title)


@pytest.mark.parametrize(
    ("title", "kind", "expected"),
    [
        ("Court refuses to grant Anna Lindqvist bail", "bail", False),
        ("Anna Lindqvist's bail request rejected", "bail", False),
        ("Anna Lindqvist appears at bail hearing", "bail", False),
        ("Anna Lindqvist granted bail", "bail", True),
        # A temporary release is a furlough: bail, not freedom.
        ("Anna Lindqvist granted temporary release from prison", "bail", True),
        ("Anna Lindqvist granted temporary release from prison", "released", False),
    ],
)
def test_bail_refused_or_asked_for_is_none_and_a_furlough_is_bail(
    title: str, kind: str, expected: bool
) -> None:
    assert (("lindqvist", kind) in proposed(title)) is expected


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # A descriptor of another nation, a relative's or a friend's fate, the release of
        # someone else the item names: none is the case's.
        (
            "Russia frees French tourist",
            "The tourist flew home. Swedish aid worker Anna Lindqvist remains held.",
            "released",
        ),
        ("Brother of jailed aid worker arrested", "Anna Lindqvist's family spoke out.", "detained"),
        (
            "Russia detains second Swede, a friend of jailed aid worker Anna Lindqvist",
            "Erik Berg, 44, was arrested on Tuesday.",
            "detained",
        ),
        (
            "News",
            "The release of Lucie Marchand leaves Anna Lindqvist the last one held.",
            "released",
        ),
    ],
)
def test_news_of_another_nation_relative_or_named_person_is_not_the_cases(
    title: str, text: str, kind: str
) -> None:
    assert ("lindqvist", kind) not in proposed(title, text)


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        ("Russia frees Swedish aid worker", "Anna Lindqvist flew home on Monday.", "released"),
        # (an item that never writes the case's own nation proves nothing: a listed
        # citizenship may be short of one)
        ("Russia frees Danish aid worker", "Anna Lindqvist flew home on Monday.", "released"),
        ("Freed", "The release of Anna Lindqvist was welcomed in Stockholm.", "released"),
    ],
)
def test_news_of_the_cases_own_nation_or_name_still_counts(
    title: str, text: str, kind: str
) -> None:
    assert ("lindqvist", kind) in proposed(title, text)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # Slogans, demands and priorities are no release.
        ("Letters: Free Anna Lindqvist now", "released"),
        ("'Free Anna Lindqvist', says her mother at rally", "released"),
        ("Release of aid worker Anna Lindqvist demanded by EU", "released"),
        ("Freeing Anna Lindqvist a 'top priority', says Stockholm", "released"),
        # Events set for a day ahead, threats and doubting questions are none yet.
        ("Anna Lindqvist's appeal hearing set for June 20", "appeal"),
        ("Verdict in Anna Lindqvist case due on June 15", "verdict"),
        ("Anna Lindqvist's sentencing set for June 20", "sentenced"),
        ("Russia threatens to put Anna Lindqvist on trial again", "trial"),
        ("Why hasn't Anna Lindqvist been charged?", "charged"),
        # Detention as a state a government speaks of, visits that did not happen.
        ("Stockholm says Russia's detention of Anna Lindqvist is 'arbitrary'", "detained"),
        ("Anna Lindqvist's consular visit cancelled at last minute", "consular_visit"),
        ("Swedish minister raised Anna Lindqvist during Moscow visit", "consular_visit"),
        # Diplomacy ahead.
        ("Swedish minister will raise Anna Lindqvist case with Lavrov", "diplomatic_action"),
    ],
)
def test_slogans_schedules_threats_and_states_are_no_development(title: str, kind: str) -> None:
    assert ("lindqvist", kind) not in proposed(title)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Russian court frees Anna Lindqvist", "released"),
        ("Anna Lindqvist's trial opened on Monday", "trial"),
        ("Swedish diplomats visited Anna Lindqvist in prison on Sunday", "consular_visit"),
        ("Swedish minister raised Anna Lindqvist's case with Lavrov", "diplomatic_action"),
        ("Stockholm condemns the detention of aid worker Anna Lindqvist", "diplomatic_action"),
    ],
)
def test_releases_trials_visits_and_calls_told_as_done_are_still_news(
    title: str, kind: str
) -> None:
    assert ("lindqvist", kind) in proposed(title)


@pytest.mark.parametrize(
    "title",
    [
        "U.S. deems aid worker Anna Lindqvist 'wrongfully detained'",
        "Anna Lindqvist declared wrongfully detained by the State Department",
        "State Department now considers Anna Lindqvist wrongfully detained",
    ],
)
def test_a_wrongful_detention_designation_is_proposed_as_diplomacy(title: str) -> None:
    assert "dip.designate" in {c.trigger for c in candidates_of(title)}


def test_a_headlines_relative_clause_is_background_with_no_date() -> None:
    title = "Anna Lindqvist, who was freed after four years in Russia, launches charity"
    released = [c for c in candidates_of(title) if c.type.value == "released"]
    assert released and all(c.date is None for c in released)


def test_a_government_named_after_its_words_proposes_diplomacy() -> None:
    got = candidates_of("Anna Lindqvist must be freed, says Swedish PM")
    assert any(c.trigger == "dip.actor" and "actor_after" in c.features for c in got)
    assert not candidates_of("Anna Lindqvist is innocent, says her mother")


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Stockholm raises jailed Swedes with Lavrov, but not Anna Lindqvist", "diplomatic_action"),
        ("Russia frees Swedish prisoners, except Anna Lindqvist", "released"),
        (
            "Sweden condemns arrest of second Swedish citizen, months after Anna Lindqvist",
            "detained",
        ),
    ],
)
def test_a_case_left_out_or_named_as_a_time_gets_none_of_it(title: str, kind: str) -> None:
    assert ("lindqvist", kind) not in proposed(title)


def test_a_government_meeting_the_family_acts_in_the_case() -> None:
    assert ("lindqvist", "diplomatic_action") in proposed(
        "Swedish minister calls parents of jailed aid worker Anna Lindqvist"
    )


def test_a_headlines_main_verb_after_a_relative_clause_is_its_news() -> None:
    title = "Swedish Aid Worker Who Was Seized in Moscow Is Freed"
    text = "Anna Lindqvist said she had been released."
    released = [c for c in candidates_of(title, text) if c.type.value == "released"]
    assert any(c.date is not None for c in released)


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # Amnesty International by its short name is no amnesty.
        ("Amnesty demands release of Anna Lindqvist", "", "released"),
        # A custody kept on, or a detention extended, is a hearing's news, not an arrest.
        ("Court news", "A judge kept Anna Lindqvist in custody for three more months.", "detained"),
        ("Anna Lindqvist smiles at reporters as detention extended", "", "detained"),
    ],
)
def test_an_ngo_by_name_and_custody_kept_on_are_no_release_or_arrest(
    title: str, text: str, kind: str
) -> None:
    assert ("lindqvist", kind) not in proposed(title, text)


def test_an_amnesty_granted_is_still_a_release() -> None:
    assert ("lindqvist", "released") in proposed("Russia announces amnesty for Anna Lindqvist")


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # A named other on the far side of a swap, or freed along with the case: both freed.
        ("Russia swaps arms dealer Viktor Osin for Anna Lindqvist", "", "released"),
        ("Venezuela frees Luis Ortega along with Anna Lindqvist", "", "released"),
        # A visit told as "during a consular visit"; a trial "expected to last" is under way.
        (
            "News",
            "During a consular visit on Monday, Anna Lindqvist said she was well.",
            "consular_visit",
        ),
        (
            "News",
            "Anna Lindqvist's trial opened on Monday and is scheduled to last two weeks.",
            "trial",
        ),
        # Bail requests granted; a furlough on medical grounds; a penal colony reached.
        ("Judge grants Anna Lindqvist's bail request", "", "bail"),
        ("Russia grants Anna Lindqvist temporary release on medical grounds", "", "bail"),
        ("Anna Lindqvist surfaced in a penal colony in Mordovia", "", "transferred"),
        # The name after "a lawyer for X," is the lawyer's own.
        (
            "News",
            "A lawyer for opposition leader Boris Tamm, Anna Lindqvist, was detained.",
            "detained",
        ),
    ],
)
def test_a_swap_a_visit_a_trial_under_way_and_bail_granted_are_still_news(
    title: str, text: str, kind: str
) -> None:
    assert ("lindqvist", kind) in proposed(title, text)


def test_a_given_name_one_letter_longer_or_with_another_vowel_is_another_persons() -> None:
    paula = Case("paula-kessler", "Paula Kessler", (), "RU", ("US",))
    tim = Case("tim-kessler", "Tim Kessler", (), "RU", ("US",))
    assert named((paula,), "Police say Paul Kessler was arrested") == set()
    assert named((tim,), "Police say Tom Kessler was arrested") == set()
    assert named((tim,), "Police say Tim Kessler was arrested") == {"tim-kessler"}


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # In the custody of the case's own state (not its holder): freed.
        ("Anna Lindqvist in Swedish custody after Russia expels her", "", "released"),
        (
            "Anna Lindqvist: the video from Russian television",
            "It shows the aid worker before she was released into Swedish custody.",
            "released",
        ),
        # Home by air or on home soil.
        ("Plane carrying Anna Lindqvist lands in Stockholm", "", "released"),
        ("Anna Lindqvist back on Swedish soil", "", "released"),
        # A release someone is grateful for has happened.
        ("Anna Lindqvist's family grateful for her release", "", "released"),
        ("Family thanks Qatar for Anna Lindqvist's release", "", "released"),
        # Two described, one of them the case: "U.S. aid worker and French journalist freed".
        (
            "Swedish aid worker and French journalist freed after years in captivity",
            "Anna Lindqvist was seized in 2021.",
            "released",
        ),
    ],
)
def test_a_release_into_home_custody_home_soil_or_thanked_for_is_news(
    title: str, text: str, kind: str
) -> None:
    assert ("lindqvist", kind) in proposed(title, text)


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # Landing in jail is no homecoming; a release campaigned for has not happened.
        ("Anna Lindqvist lands in jail again", "", "released"),
        ("Family campaigns for Anna Lindqvist's release", "", "released"),
        # Custody of one's own state is no arrest; another nation's traveller in another clause.
        ("News", "Anna Lindqvist is in Swedish custody, officials said.", "detained"),
        (
            "Russia frees French journalist; Swedish aid worker still held",
            "Anna Lindqvist was seized in 2021.",
            "released",
        ),
        # Another named person sentenced "to" a term in the headline: his, not the case's.
        (
            "Opposition figure Boris Tamm sentenced to 12 years",
            "Anna Lindqvist was tried with him.",
            "sentenced",
        ),
    ],
)
def test_a_release_sought_a_jail_landed_in_or_anothers_term_is_not_the_cases(
    title: str, text: str, kind: str
) -> None:
    assert ("lindqvist", kind) not in proposed(title, text)


def test_the_holders_own_custody_of_its_own_citizen_is_still_detention() -> None:
    assert ("zhou-min", "released") not in proposed("Zhou Min in US custody after arrest")


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # Left out of a release the item tells of others.
        (
            "Myanmar amnesty frees 5,000 prisoners",
            "Anna Lindqvist was not among those released.",
            "released",
        ),
        (
            "Russia frees 30 in pardon",
            "Anna Lindqvist, an aid worker, is still serving her term.",
            "released",
        ),
        (
            "Swap returns 32 soldiers",
            "Officials said Anna Lindqvist was not part of the exchange.",
            "released",
        ),
        # Reports denied, doubted or unconfirmed, and a headline that asks.
        (
            "Moscow denies Swedish aid worker has been freed",
            "Anna Lindqvist is in Lefortovo.",
            "released",
        ),
        (
            "News",
            "Officials rejected social media reports that Anna Lindqvist had been released.",
            "released",
        ),
        ("News", "Unverified posts claimed that Anna Lindqvist had died in custody.", "died"),
        (
            "Russia releases Swedish aid worker? Stockholm cannot confirm",
            "Anna Lindqvist is held.",
            "released",
        ),
        # Back to prison is no homecoming.
        (
            "News",
            "Anna Lindqvist was taken to hospital and returned to prison hours later.",
            "released",
        ),
        # A relative's or an associate's news, told through a possessive.
        (
            "Anna Lindqvist detained",
            "Her husband, Boris Tamm, was also detained and released.",
            "released",
        ),
        (
            "Swedish aid worker's husband questioned, released",
            "Anna Lindqvist is held in Moscow.",
            "released",
        ),
        (
            "Russia jails wife of aid worker for three years",
            "Anna Lindqvist is held in Moscow.",
            "sentenced",
        ),
        (
            "Russia re-arrests Swedish aid worker's lawyer",
            "Anna Lindqvist's family are worried.",
            "detained",
        ),
        (
            "News",
            "The son of Anna Lindqvist, an aid worker who was charged last year, was detained.",
            "detained",
        ),
        # A state, a plan or a law's penalty is no event.
        (
            "Sweden raises detained aid worker with Moscow",
            "The minister named Anna Lindqvist.",
            "detained",
        ),
        ("Anna Lindqvist formally charged", "The charge carries the death penalty.", "sentenced"),
        ("Anna Lindqvist moved to a new prison", "Her verdict has not been announced.", "verdict"),
        ("Court reserves verdict in Anna Lindqvist case", "", "verdict"),
        ("Supreme Court orders retrial of Anna Lindqvist", "", "trial"),
        ("Preliminary hearing for Anna Lindqvist deferred again", "", "hearing"),
        ("Court transfers Anna Lindqvist to house arrest", "", "transferred"),
        ("Prosecutors ask for nine-year sentence for Anna Lindqvist", "", "sentenced"),
        ("Appeals court confirms Anna Lindqvist's five-year sentence", "", "sentenced"),
        ("The ruling on Anna Lindqvist was moved to June", "", "transferred"),
        ("Court orders the arrest in absentia of Anna Lindqvist", "", "detained"),
        ("Moscow summons Swedish charge d'affaires over Anna Lindqvist", "", "charged"),
        ("Anna Lindqvist wins prize of the Free Trade Union of Metalworkers", "", "released"),
        ("Anna Lindqvist: a personal appeal from the prime minister", "", "appeal"),
        ("Sweden 'working to get consular access' to Anna Lindqvist", "", "consular_visit"),
        (
            "Anna Lindqvist and ten others were arrested in 2001",
            "None has ever been charged.",
            "charged",
        ),
    ],
)
def test_left_out_denied_asked_a_relatives_or_a_plan_is_not_the_cases_news(
    title: str, text: str, kind: str
) -> None:
    assert ("lindqvist", kind) not in proposed(title, text)


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # Court language for custody, charges, trials and conditional release.
        ("Court sends Anna Lindqvist on 14-day judicial remand", "", "hearing"),
        ("Court dismisses Anna Lindqvist's bail petition", "", "hearing"),
        ("Court prolongs Anna Lindqvist's custody by two months", "", "hearing"),
        ("Prosecutors approve the arrest of Anna Lindqvist", "", "charged"),
        ("Agency files chargesheet against Anna Lindqvist", "", "charged"),
        ("Prosecutors referred Anna Lindqvist to trial on charges of spying", "", "charged"),
        ("Court adjourns trial of Anna Lindqvist until March", "", "trial"),
        ("Moscow court begins hearing case against Anna Lindqvist", "", "trial"),
        ("Anna Lindqvist released under judicial control", "", "bail"),
        ("Russia releases Anna Lindqvist on temporary leave", "", "bail"),
        # A relative's news with the case's own beside it.
        (
            "Anna Lindqvist: a year on",
            "Her colleague Boris Tamm, detained alongside her in 2019, spoke.",
            "detained",
        ),
        # A question of why takes the event as given.
        ("Why did Russia arrest Anna Lindqvist?", "", "detained"),
    ],
)
def test_court_custody_charge_trial_and_conditional_release_wording_is_news(
    title: str, text: str, kind: str
) -> None:
    assert ("lindqvist", kind) in proposed(title, text)


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # Custody renewed or reviewed is a hearing's business, not an arrest.
        (
            "News",
            "The court on Monday renewed the pretrial detention of Anna Lindqvist.",
            "detained",
        ),
        # What cannot be, has not yet been, or is still to be.
        (
            "Anna Lindqvist sentenced by emergency court",
            "The verdict cannot be appealed.",
            "appeal",
        ),
        ("Court convicts Anna Lindqvist; sentence not yet announced", "", "sentenced"),
        ("News", "A charge sheet against Anna Lindqvist would be filed within a month.", "charged"),
        ("Court postponed announcing its verdict in the trial of Anna Lindqvist", "", "verdict"),
        (
            "News",
            "The preliminary hearing of Anna Lindqvist and two co-defendants was postponed again.",
            "hearing",
        ),
        ("Appeals court begins hearing Anna Lindqvist's appeal", "", "hearing"),
        # Moved within a prison, or gone from one: no new arrest.
        ("News", "Anna Lindqvist was taken to solitary confinement on Sunday.", "detained"),
        (
            "News",
            "Anna Lindqvist disappeared from a pre-trial detention centre in June.",
            "detained",
        ),
        # A namesake, another nation's dual national, others listed as the freed ones.
        ("Another Lindqvist detained in Moscow", "Anna Lindqvist's family spoke.", "detained"),
        (
            "Russia releases Austrian-Russian businessman after five years",
            "The Swedish aid worker Anna Lindqvist remains held.",
            "released",
        ),
        (
            "Russia frees dozens of prisoners",
            "Among those released was the lawyer Boris Tamm. Anna Lindqvist's family had no news.",
            "released",
        ),
        (
            "Russia frees thousands in amnesty, but not jailed aid workers",
            "Anna Lindqvist is in Lefortovo.",
            "released",
        ),
        (
            "Amnesty frees 9,000 prisoners",
            "Anna Lindqvist and at least 40 other aid workers were not on the list.",
            "released",
        ),
        (
            "Activist briefly held at protest",
            "Activist Boris Lindqvist was detained at a protest and released hours later. "
            "He is not related to Anna Lindqvist.",
            "released",
        ),
    ],
)
def test_renewed_custody_what_is_yet_to_be_and_others_freed_are_not_the_cases(
    title: str, text: str, kind: str
) -> None:
    assert ("lindqvist", kind) not in proposed(title, text)


def test_a_release_that_leaves_out_whom_the_item_is_about_is_not_theirs() -> None:
    got = proposed(
        "Russia pardons thousands, but not jailed aid workers",
        "The president pardoned 20,000 prisoners on Friday. Anna Lindqvist's family was told "
        "nothing.",
    )
    assert ("lindqvist", "released") not in got


@pytest.mark.parametrize(
    ("title", "text", "kind", "expected"),
    [
        # Landing in a jail or returning to a named prison is no homecoming.
        (
            "How a Swedish aid worker landed in a Russian jail",
            "Anna Lindqvist is held.",
            "released",
            False,
        ),
        (
            "News",
            "Anna Lindqvist was returned to Lefortovo prison after medical leave.",
            "released",
            False,
        ),
        # Released into her own state's diplomats' custody: freed, not detained.
        (
            "News",
            "Anna Lindqvist was released into the custody of Swedish diplomats.",
            "released",
            True,
        ),
        (
            "News",
            "Anna Lindqvist was released into the custody of Swedish diplomats.",
            "detained",
            False,
        ),
        # Relatives in the plural, a national's associate, a national named by a noun.
        ("News", "Two nephews of Anna Lindqvist were detained in Moscow.", "detained", False),
        (
            "Russia arrests Swedish-Russian's associate",
            "Anna Lindqvist's family spoke.",
            "detained",
            False,
        ),
        (
            "Wife of detained Swede pleads for help",
            "Anna Lindqvist's family spoke.",
            "detained",
            False,
        ),
        # Hearsay from someone's media, a control lifted, a long "none", a verdict put off.
        (
            "News",
            "Stockholm could not confirm Russian media reports that Anna Lindqvist had been "
            "sentenced.",
            "sentenced",
            False,
        ),
        ("News", "A court lifted the judicial control on Anna Lindqvist.", "bail", False),
        (
            "News",
            "None of the aid workers held with Anna Lindqvist has ever been charged publicly.",
            "charged",
            False,
        ),
        (
            "News",
            "The verdict against Anna Lindqvist has been postponed to September.",
            "verdict",
            False,
        ),
    ],
)
def test_jails_landed_in_home_custody_kin_and_hearsay_are_told_apart(
    title: str, text: str, kind: str, expected: bool
) -> None:
    assert (("lindqvist", kind) in proposed(title, text)) is expected


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # A question of why after a colon takes the release as given.
        ("Anna Lindqvist: Why has she been freed now?", "", "released"),
        # The case is the relative the item names: "Former President's Daughter".
        (
            "Russia Sentences Former Minister's Daughter to Five Years",
            "Anna Lindqvist, daughter of a former minister, spoke to reporters in 2016.",
            "sentenced",
        ),
        # An age set off by commas is no count of people.
        (
            "Swedish aid worker, 61, convicted in Moscow",
            "Anna Lindqvist denied the charges.",
            "verdict",
        ),
        # Supporters who rally "after a court sentenced" the case: the case's sentence.
        (
            "News",
            "Supporters of Anna Lindqvist rallied after a court sentenced her to prison.",
            "sentenced",
        ),
        # A relative named only as a speaker after the news leaves it to the case.
        (
            "News",
            "Russia freed Anna Lindqvist a year after she was arrested, Anna Lindqvist's son, "
            "Erik, told reporters.",
            "detained",
        ),
    ],
)
def test_a_why_question_the_case_as_kin_an_age_and_a_speaking_relative_keep_the_news(
    title: str, text: str, kind: str
) -> None:
    assert ("lindqvist", kind) in proposed(title, text)


@pytest.mark.parametrize(
    ("title", "text", "kind", "expected"),
    [
        # Out of a prison by its name, home by air, a return after custody, "free after".
        ("News", "Anna Lindqvist walked out of Butyrka prison on Thursday.", "released", True),
        ("Anna Lindqvist lands at Arlanda after two years in Russia", "", "released", True),
        (
            "Watch Anna Lindqvist's emotional return after 13 months in Russian custody",
            "",
            "released",
            True,
        ),
        ("Anna Lindqvist free after Russia-Sweden deal", "", "released", True),
        ("Editorial: Release Anna Lindqvist", "", "released", False),
        # Freed to await trial, or under judicial control: bail (whatever the name spells).
        ("News", "A court ordered Anna Lindqvist's release pending trial.", "bail", True),
        ("News", "A court ordered Anna Lindqvist's release pending trial.", "released", False),
        (
            "News",
            "Anna Lindqvist, held in Denizli, was released under judicial control.",
            "bail",
            True,
        ),
        # Custody renewed is a hearing; a detention system is none.
        ("Anna Lindqvist's detention renewed for 45 days", "", "hearing", True),
        (
            "Egypt's pre-trial detention system under scrutiny",
            "Anna Lindqvist is among those held.",
            "hearing",
            False,
        ),
        # Back inside after leave; handed to one's own state; a sentence appealed or cut.
        ("Anna Lindqvist back in Lefortovo after her furlough ends", "", "released", False),
        ("Anna Lindqvist handed over to Sweden", "", "transferred", False),
        ("Anna Lindqvist appeals 11-year sentence", "", "sentenced", False),
        ("Appeal court cuts Anna Lindqvist's sentence to 8 years", "", "sentenced", False),
        ("News", "Anna Lindqvist remains in Moscow on furlough.", "bail", False),
        # Gone without trace.
        ("Swedish aid worker Anna Lindqvist vanishes in Moscow", "", "detained", True),
    ],
)
def test_releases_by_place_bail_to_await_trial_and_sentences_appealed_are_told_apart(
    title: str, text: str, kind: str, expected: bool
) -> None:
    assert (("lindqvist", kind) in proposed(title, text)) is expected


@pytest.mark.parametrize(
    ("title", "text", "kind", "expected"),
    [
        # A term after the name is a sentence, not a new arrest.
        (
            "News",
            "A Moscow court has jailed Swedish citizen Anna Lindqvist for 14 years.",
            "detained",
            False,
        ),
        # Court idioms of custody: a hearing.
        (
            "News",
            "The court chose a measure of restraint in the form of detention for Anna Lindqvist.",
            "hearing",
            True,
        ),
        (
            "News",
            "The court sent Anna Lindqvist to jail after rejecting her bail petition.",
            "hearing",
            True,
        ),
        # A verdict become final is no new verdict; charges struck out end, not begin.
        (
            "News",
            "The verdict against Anna Lindqvist entered into force on Monday.",
            "verdict",
            False,
        ),
        (
            "News",
            "The Court of Appeal struck out all the charges against Anna Lindqvist.",
            "charged",
            False,
        ),
        # A government's dismay is its statement on the case.
        (
            "Anna Lindqvist sentenced to 12 years",
            "Foreign Minister Tobias Berg said Sweden was 'appalled'.",
            "diplomatic_action",
            True,
        ),
    ],
)
def test_terms_custody_idioms_final_verdicts_and_dismay_are_read_as_courts_write_them(
    title: str, text: str, kind: str, expected: bool
) -> None:
    assert (("lindqvist", kind) in proposed(title, text)) is expected


def test_a_relative_named_in_apposition_after_the_verb_is_the_one_arrested() -> None:
    text = "Police arrested Boris Tamm, the husband of jailed aid worker Anna Lindqvist, on Monday."
    assert ("lindqvist", "detained") not in proposed("News", text)


def test_a_trial_of_several_named_and_terms_each_received_reach_every_case() -> None:
    trial = "The trial of Anna Lindqvist, Daniel Okafor and Hiro Tanaka opened on Tuesday."
    assert ("lindqvist", "trial") in proposed("News", trial)
    terms = "Daniel Okafor and Hiro Tanaka each received ten years, and Anna Lindqvist eight years."
    got = proposed("News", terms)
    assert {("okafor", "sentenced"), ("tanaka", "sentenced")} <= got


def test_one_member_of_a_group_freed_is_not_the_whole_group() -> None:
    text = (
        "Anna Lindqvist landed in Stockholm on Monday, the first of the two aid workers to go home."
    )
    got = proposed("News", text)
    assert ("lindqvist", "released") in got
    assert ("okafor", "released") not in got


@pytest.mark.parametrize(
    ("title", "text", "kind", "expected"),
    [
        # "detained" describing those a headline verb acts on is a state.
        (
            "Russia accuses detained Swedes of spying",
            "Anna Lindqvist's family spoke.",
            "detained",
            False,
        ),
        (
            "Sweden raises detained couple with Moscow",
            "Anna Lindqvist's family spoke.",
            "detained",
            False,
        ),
        # A namesake named as one; another described after a comma.
        (
            "News",
            "A Moscow shopkeeper also called Anna Lindqvist was questioned and released.",
            "released",
            False,
        ),
        (
            "Anna Lindqvist sentenced",
            "Another Swede, held since 2018, also lost his appeal.",
            "detained",
            False,
        ),
        # A term cut on appeal, a pardon asked for, convicted others on the far side of a swap.
        (
            "News",
            "An appeals court reduced Anna Lindqvist's prison term from 19 to 12 years.",
            "sentenced",
            False,
        ),
        ("Sweden pardon plea for Anna Lindqvist", "", "released", False),
        ("Russia frees Anna Lindqvist in swap for convicted Russians", "", "verdict", False),
        # Released to await an appeal, or into residential surveillance: bail, not freedom.
        (
            "News",
            "A court ordered the release of Anna Lindqvist pending her appeal on Wednesday.",
            "released",
            False,
        ),
        (
            "News",
            "Anna Lindqvist was released from a detention centre and placed under residential "
            "surveillance.",
            "released",
            False,
        ),
        # A detention a minister raised is the state he spoke of.
        (
            "News",
            "The prime minister raised her detention with Putin last month.",
            "detained",
            False,
        ),
    ],
)
def test_states_namesakes_cut_terms_and_conditional_releases_are_not_new_news(
    title: str, text: str, kind: str, expected: bool
) -> None:
    assert (("lindqvist", kind) in proposed(title, text)) is expected


def dates_of(title: str, text: str, case: str, kind: str) -> set[str | None]:
    """The dates the candidates of one (case, type) carry, before scoring."""
    return {
        c.date.iso() if c.date else None
        for c in candidates_of(title, text)
        if (c.case, c.type.value) == (case, kind)
    }


@pytest.mark.parametrize(
    ("text", "case", "kind", "expected"),
    [
        # The present perfect is today's news, whatever background words stand beside it ...
        (
            "Anna Lindqvist, arrested two days after the protests began, has been convicted of "
            "espionage.",
            "lindqvist",
            "verdict",
            "2023-03-15",
        ),
        # ... and so is a trial said to open or to have begun.
        (
            "The trial of Swedish aid worker Anna Lindqvist opens in Moscow.",
            "lindqvist",
            "trial",
            "2023-03-15",
        ),
        (
            "After a long delay, the trial has begun for Daniel Okafor.",
            "okafor",
            "trial",
            "2023-03-15",
        ),
        # A year after a crime told as an act is the act's; after a charge's name, the verdict's.
        (
            "Daniel Okafor is on trial accused of attacking two guards between 2015 and 2017.",
            "okafor",
            "trial",
            "2023-03-15",
        ),
        ("Daniel Okafor was convicted of embezzlement in 2018.", "okafor", "verdict", "2018"),
        # A relative clause's perfect is still background.
        (
            "Daniel Okafor, who has been charged with fraud, spoke to reporters.",
            "okafor",
            "charged",
            None,
        ),
    ],
)
def test_the_perfect_a_trial_under_way_and_a_crimes_year_date_as_news_tells_them(
    text: str, case: str, kind: str, expected: str | None
) -> None:
    assert expected in dates_of("News", text, case, kind)


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        # A government's words about the act it drew them with, or about "the decision".
        (
            "The sentence drew swift condemnation from the Swedish foreign minister.",
            {"gov_meets", "event_object", "dip_frame"},
        ),
        ("Swedish officials condemned the decision.", {"gov_subject", "event_object", "dip_frame"}),
        # A rights group's condemnation is no government's.
        ("The sentence drew swift condemnation from rights groups.", {"event_object"}),
    ],
)
def test_condemnation_drawn_from_a_government_or_of_the_decision_is_its_stance(
    text: str, cues: set[str]
) -> None:
    found_cues = [
        {"gov_meets", "gov_subject", "event_object", "dip_frame"} & set(c.features)
        for c in candidates_of("Anna Lindqvist sentenced to 12 years", text)
        if (c.case, c.type.value) == ("lindqvist", "diplomatic_action")
    ]
    assert found_cues and all(f == cues for f in found_cues)


@pytest.mark.parametrize(
    ("title", "text", "case", "kind", "date"),
    [
        # A day of a month before the verb is a date, not a count of people.
        (
            "News",
            "A court on January 22 acquitted Anna Lindqvist.",
            "lindqvist",
            "verdict",
            "2023-01-22",
        ),
        (
            "News",
            "Iran on Feb. 12 executed Daniel Okafor, state media said.",
            "okafor",
            "died",
            "2023-02-12",
        ),
        # A date that opens the sentence dates its main verb.
        (
            "Anna Lindqvist jailed for 12 days",
            "On Sunday, the Moscow City Court sentenced her to 12 days of administrative "
            "detention.",
            "lindqvist",
            "sentenced",
            "2023-03-12",
        ),
        # A phrase set off by commas does not part a verb from its date ...
        (
            "News",
            "Police detained Anna Lindqvist, editor of the weekly Nordic Review, on Monday.",
            "lindqvist",
            "detained",
            "2023-03-13",
        ),
        (
            "News",
            "The trial of Daniel Okafor, a journalist from the occupied city of Melitopol, "
            "opened on Monday at the Southern District Military Court.",
            "okafor",
            "trial",
            "2023-03-13",
        ),
        # ... and a date right before a nominal event is its own.
        (
            "News",
            "The request comes days after the March 2 arrest of Daniel Okafor.",
            "okafor",
            "detained",
            "2023-03-02",
        ),
    ],
)
def test_days_of_months_fronted_dates_and_set_off_phrases_date_the_verb(
    title: str, text: str, case: str, kind: str, date: str
) -> None:
    assert date in dates_of(title, text, case, kind)


def test_a_participle_set_off_after_names_tells_of_those_names_alone() -> None:
    text = (
        "They include Anna Lindqvist, detained in Moscow last month, and Daniel Okafor and "
        "Hiro Tanaka, held in Iran since June."
    )
    got = {(c.case, c.date.iso() if c.date else None) for c in candidates_of("News", text)}
    assert got == {("lindqvist", "2023-02"), ("okafor", "2022-06"), ("tanaka", "2022-06")}


def test_a_rule_finding_dated_only_by_publication_yields_to_the_body_day(
    classifier: Classifier,
) -> None:
    got = found(
        classifier,
        "Anna Lindqvist detained at Moscow protest, jailed for 12 days",
        "Lindqvist was detained late on Friday. On Sunday, the Moscow City Court sentenced her "
        "to 12 days of administrative detention.",
    )
    assert ("lindqvist", "sentenced", "2023-03-12") in got


@pytest.mark.parametrize(
    ("title", "text", "case", "kind", "expected"),
    [
        # A release demanded is no release, however many words stand between.
        (
            "News",
            "The European Parliament adopted a resolution calling for the immediate and "
            "unconditional release of Anna Lindqvist.",
            "lindqvist",
            "released",
            False,
        ),
        # A descriptor's "detained" with a day or month tells the arrest ...
        (
            "News",
            "Anna Lindqvist, a journalist detained in Moscow on January 9, spoke to her lawyer.",
            "lindqvist",
            "detained",
            True,
        ),
        # ... and a release stands though others across a "but" remain held.
        (
            "News",
            "Russia freed Anna Lindqvist on Tuesday, but Daniel Okafor and Hiro Tanaka remain "
            "jailed.",
            "lindqvist",
            "released",
            True,
        ),
        # A headline that leaves the case out of a pardon, with no verb.
        (
            "Belarus pardons 18 political prisoners; journalist Anna Lindqvist not among them",
            "The president pardoned 18 people convicted of extremism.",
            "lindqvist",
            "released",
            False,
        ),
    ],
)
def test_releases_demanded_dated_descriptors_and_contrasts_are_read_by_their_clause(
    title: str, text: str, case: str, kind: str, expected: bool
) -> None:
    assert ((case, kind) in proposed(title, text)) is expected


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        # Two verbs, each with its day; a day counted from the first; a possessive day.
        (
            "Anna Lindqvist was detained on 28 February and charged with treason on 2 March.",
            "charged",
            "2023-03-02",
        ),
        (
            "Anna Lindqvist was detained on February 20 and charged with smuggling the next day.",
            "charged",
            "2023-02-21",
        ),
        (
            "Sweden said it was troubled by Monday's sentencing of Anna Lindqvist.",
            "sentenced",
            "2023-03-13",
        ),
    ],
)
def test_coordinated_verbs_and_possessive_days_date_their_own_event(
    text: str, kind: str, date: str
) -> None:
    assert date in dates_of("News", text, "lindqvist", kind)


def test_a_government_subject_reaches_its_second_coordinated_verb() -> None:
    text = "Sweden's foreign minister said the accusation was baseless and called for her release."
    calls = [
        c
        for c in candidates_of("Anna Lindqvist charged with spying", text)
        if c.type.value == "diplomatic_action" and c.trigger == "dip.call"
    ]
    assert calls and all("gov_subject" in c.features for c in calls)
    family = "Her mother said the accusation was baseless and called for her release."
    assert not any(
        "gov_subject" in c.features
        for c in candidates_of("Anna Lindqvist charged with spying", family)
    )


def test_leaving_a_numbered_prison_is_a_release_and_since_dates_the_detention() -> None:
    text = (
        "Daniel Okafor, jailed since July 2021 for taking part in protests, left Kilo 8 prison "
        "on Saturday, his family said."
    )
    assert "2023-03-11" in dates_of("Protester freed", text, "okafor", "released")
    assert dates_of("Protester freed", text, "okafor", "detained") == {"2021-07"}


@pytest.mark.parametrize(
    ("title", "text", "kind", "date"),
    [
        # A life term is a sentence; a deportation ending in arrest on arrival is an arrest.
        (
            "Anna Lindqvist: Swedish academic jailed for life in UAE for spying",
            "",
            "sentenced",
            "2023-03-15",
        ),
        (
            "News",
            "Anna Lindqvist was deported from Istanbul and detained on arrival in Moscow on "
            "Sunday.",
            "detained",
            "2023-03-12",
        ),
        # The day of a response is not the day of the sentence it responds to.
        (
            "News",
            "Sweden on Wednesday condemned the sentence handed to Anna Lindqvist a day earlier.",
            "sentenced",
            "2023-03-14",
        ),
    ],
)
def test_life_terms_arrests_on_arrival_and_responses_keep_their_own_day(
    title: str, text: str, kind: str, date: str
) -> None:
    assert date in dates_of(title, text, "lindqvist", kind)


def test_a_namesake_the_item_tells_apart_takes_the_surname_and_the_news() -> None:
    got = proposed(
        "Blogger Lindqvist detained in Moscow",
        "Police detained the blogger on Monday, his wife said. He is not related to jailed aid "
        "worker Anna Lindqvist.",
    )
    assert not any(case == "lindqvist" for case, _ in got)


@pytest.mark.parametrize(
    ("title", "text", "kind", "expected"),
    [
        # A trial ahead, a captive that was, a sentence cut, custody as a state: no development.
        (
            "News",
            "On Sunday, a Moscow court ordered Anna Lindqvist held for two months pending trial.",
            "trial",
            False,
        ),
        ("Former Iran captive Lindqvist sues shipping firm", "", "detained", False),
        (
            "Appeals court cuts two years from Anna Lindqvist's treason sentence",
            "",
            "sentenced",
            False,
        ),
        (
            "News",
            "Anna Lindqvist, in pretrial detention since her arrest last November, has lost "
            "weight.",
            "hearing",
            False,
        ),
        # ... but a custody order told as news is a hearing.
        (
            "Journalist Anna Lindqvist in pretrial detention over funding charges",
            "",
            "hearing",
            True,
        ),
    ],
)
def test_trials_ahead_former_captives_cut_sentences_and_custody_states_are_no_news(
    title: str, text: str, kind: str, expected: bool
) -> None:
    assert (("lindqvist", kind) in proposed(title, text)) is expected


def test_an_arrest_during_a_dated_event_takes_its_date() -> None:
    text = (
        "A court on Tuesday sentenced Anna Lindqvist, a journalist detained during the August "
        "2020 protests, to six years."
    )
    assert "2020-08" in dates_of("News", text, "lindqvist", "detained")


def test_a_relative_of_someone_described_with_a_possessive_is_not_the_case() -> None:
    got = proposed(
        "Brother of Swedish women's rights activist sentenced to three years",
        "A court in Uppsala on Monday sentenced Erik Lindqvist, the younger brother of activist "
        "Anna Lindqvist, to three years in prison, his lawyer said.",
    )
    assert ("lindqvist", "sentenced") not in got


def test_a_detention_others_speak_about_is_a_state() -> None:
    for title in (
        "U.S. envoy confronts Russian diplomat on Anna Lindqvist detention at U.N.",
        "Forty countries criticise Russia over the detention of Anna Lindqvist",
    ):
        assert ("lindqvist", "detained") not in proposed(title)


@pytest.mark.parametrize(
    "text",
    [
        "Sweden recalled its ambassador to Russia for consultations after a Moscow court extended "
        "the detention of Anna Lindqvist.",
        "The foreign ministry said it was engaging Russian authorities at the highest level over "
        "the arrest of Anna Lindqvist.",
        "Sweden said it had again been denied consular access to Anna Lindqvist.",
    ],
)
def test_recalled_envoys_engagement_and_consular_access_sought_are_diplomacy(text: str) -> None:
    assert ("lindqvist", "diplomatic_action") in proposed("News", text)


@pytest.mark.parametrize(
    ("title", "text", "kind", "expected"),
    [
        # A session put off, more days to question: hearings; a protest lodged: diplomacy.
        (
            "News",
            "A Moscow court on Monday adjourned the case against Anna Lindqvist to November 12.",
            "hearing",
            True,
        ),
        (
            "News",
            "A magistrate on Tuesday granted police an additional 14 days to investigate Anna "
            "Lindqvist.",
            "hearing",
            True,
        ),
        ("Sweden lodges a protest with Moscow over Anna Lindqvist", "", "diplomatic_action", True),
        # "detained X" after a headline's verb, a release of all those held, a colony, a day set.
        ("Swedish envoy meets detained Anna Lindqvist in Moscow", "", "detained", False),
        ("Court grants detained journalist Anna Lindqvist bail", "", "detained", False),
        (
            "News",
            "The UN urged Russia to release all those detained, including Anna Lindqvist.",
            "detained",
            False,
        ),
        ("News", "Anna Lindqvist has been taken to a penal colony in Mordovia.", "detained", False),
        ("Anna Lindqvist's appeal hearing set for Oct. 25", "", "appeal", False),
        ("News", "The verdict in the case of Anna Lindqvist is set for May 8.", "verdict", False),
        (
            "News",
            "She remains free pending appeal, said a lawyer for Anna Lindqvist.",
            "appeal",
            False,
        ),
    ],
)
def test_sessions_put_off_protests_lodged_and_states_of_the_held(
    title: str, text: str, kind: str, expected: bool
) -> None:
    assert (("lindqvist", kind) in proposed(title, text)) is expected


def test_a_release_secured_or_won_happened() -> None:
    for text in (
        "The envoy, who secured the release of Anna Lindqvist from Russia last year, arrived "
        "in Moscow on Monday.",
        "Sweden won the release of Anna Lindqvist last year after months of talks.",
    ):
        assert "2022" in dates_of("News", text, "lindqvist", "released")


@pytest.mark.parametrize(
    ("title", "text", "kind", "expected"),
    [
        # A breach of parole grants none; many of a kind described are not the one.
        (
            "News",
            "Anna Lindqvist was detained and put on trial for an alleged violation of parole.",
            "bail",
            False,
        ),
        (
            "Moscow court jails Anna Lindqvist's colleague",
            "Since the war began, nearly all of the Kremlin's critics have been jailed.",
            "sentenced",
            False,
        ),
        # A person swapped for another, told with a gerund: released.
        ("Senator defends swapping 'the Baron' for Anna Lindqvist", "", "released", True),
        # Permitted and done: an envoy allowed to meet the detainee visited her.
        (
            "Swedish Ambassador Allowed to Meet With Detained Reporter Anna Lindqvist",
            "",
            "consular_visit",
            True,
        ),
        # A government's hope is its stance; the detainee's own hope of release is no release.
        ("Swedish PM 'hopeful' about Anna Lindqvist's case", "", "diplomatic_action", True),
        ("Anna Lindqvist hopeful of release, her husband says", "", "released", False),
        # Out of one prison for somewhere unknown: moved, not freed.
        ("Anna Lindqvist 'left' prison for unknown location, lawyer says", "", "transferred", True),
        ("Anna Lindqvist 'left' prison for unknown location, lawyer says", "", "released", False),
    ],
)
def test_parole_breaches_many_described_swaps_permitted_visits_hopes_and_moves(
    title: str, text: str, kind: str, expected: bool
) -> None:
    assert (("lindqvist", kind) in proposed(title, text)) is expected


def test_a_court_acting_on_an_appeal_in_the_present_perfect_is_todays_news() -> None:
    text = "A Moscow court has rejected aid worker Anna Lindqvist's appeal against her arrest."
    assert dates_of("News", text, "lindqvist", "appeal") == {"2023-03-15"}


def test_a_detainment_and_a_dated_arrest_in_a_long_appositive_are_detentions() -> None:
    text = "Her parents spoke for the first time since Anna Lindqvist's March 2 detainment."
    assert dates_of("News", text, "lindqvist", "detained") == {"2023-03-02"}
    text = (
        "Sweden called for the release of Anna Lindqvist, an aid worker who was detained in "
        "Russia on espionage charges last week."
    )
    assert dates_of("News", text, "lindqvist", "detained") == {"2023-03"}


def test_a_government_calling_a_detention_wrongful_is_no_event_it_reports() -> None:
    [dip] = [
        c
        for c in candidates_of("Anna Lindqvist 'wrongfully detained' by Russia, Sweden says")
        if c.trigger == "dip.actor"
    ]
    assert "says_event" not in dip.features


def test_a_government_promising_action_on_a_case_is_a_diplomatic_candidate() -> None:
    text = (
        "Her parents said the Swedish prime minister had promised to do whatever it takes to "
        "secure the release of Anna Lindqvist."
    )
    assert any("w=diplomatic_action:promised" in c.features for c in candidates_of("News", text))


def test_the_holders_words_on_talks_or_a_swap_with_another_state_are_diplomacy() -> None:
    def spoken(title: str) -> bool:
        return any(
            c.trigger == "dip.actor" and "holder_talks" in c.features for c in candidates_of(title)
        )

    assert spoken("Kremlin says Moscow is in dialogue with Stockholm on Anna Lindqvist")
    assert spoken("Russia hopeful for prisoner swap with Sweden involving Anna Lindqvist")
    assert not spoken("Kremlin says Anna Lindqvist will serve her sentence")


def test_a_photo_captions_closing_day_dates_its_scene_past_the_places_commas() -> None:
    text = (
        "Anna Lindqvist stands in a glass cage during a hearing in Lefortovo, Moscow region, "
        "Russia, on March 3, 2023. (AP Photo)"
    )
    assert dates_of("News", text, "lindqvist", "hearing") == {"2023-03-03"}


@pytest.mark.parametrize(
    ("title", "text", "kind", "expected"),
    [
        # Charges dropped are a release from prosecution; a refusal or a call to drop them is not.
        ("Prosecutors drop charges against Anna Lindqvist", "", "released", True),
        ("Judge refuses to drop charges against Anna Lindqvist", "", "released", False),
        # A sentence undone on appeal is no sentencing.
        (
            "News",
            "The court agreed to review a ruling that wiped away the death sentence of Anna "
            "Lindqvist.",
            "sentenced",
            False,
        ),
        # Life ordered by a court is a sentence.
        ("News", "A court on Monday ordered life in jail for Anna Lindqvist.", "sentenced", True),
        # The heart's arrest is no detention.
        ("News", "Anna Lindqvist went into cardiac arrest after being tasered.", "detained", False),
        # Counted or permitted, done; expected to be first, ahead.
        (
            "News",
            "Anna Lindqvist was the first of 38 traders to be jailed for rigging rates.",
            "sentenced",
            True,
        ),
        ("Anna Lindqvist wins right to appeal", "", "appeal", True),
        ("News", "Anna Lindqvist is expected to be the first to be freed.", "released", False),
    ],
)
def test_dropped_charges_undone_sentences_life_ordered_and_what_is_counted_as_done(
    title: str, text: str, kind: str, expected: bool
) -> None:
    assert (("lindqvist", kind) in proposed(title, text)) is expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # A year that closes a clause before, or a description set off by commas, is not the
        # verb's ...
        (
            "Anna Lindqvist was wrongly imprisoned for a robbery in 1989 before her conviction "
            "was overturned in 2002.",
            "appeal",
            "2002",
        ),
        (
            "Anna Lindqvist, the woman who planted the bomb that killed a judge in 1992, has been "
            "released from jail.",
            "released",
            "2023-03-15",
        ),
        # ... a clause after "N months after" lies that long back ...
        (
            "Anna Lindqvist pleaded guilty on Monday, four months after she was arrested and "
            "charged with spying.",
            "charged",
            "2022-11",
        ),
        # ... and a verb joined to a present perfect is today's news too.
        (
            "Anna Lindqvist has been arrested in Chad and handed over to the International "
            "Criminal Court.",
            "transferred",
            "2023-03-15",
        ),
        (
            "A court has given Anna Lindqvist a suspended sentence after convicting her of "
            "insulting officials.",
            "verdict",
            "2023-03-15",
        ),
    ],
)
def test_dates_set_apart_counted_back_or_joined_to_todays_news(
    text: str, kind: str, expected: str
) -> None:
    assert dates_of("News", text, "lindqvist", kind) == {expected}


def test_a_role_once_held_tells_no_background_but_a_former_official_is_no_government() -> None:
    text = "Anna Lindqvist was sentenced on Monday. The former trader was found guilty of fraud."
    assert dates_of("News", text, "lindqvist", "verdict") == {"2023-03-15"}
    dips = [
        c
        for c in candidates_of(
            "News", "Former President Jones condemned the arrest of Anna Lindqvist."
        )
        if c.type.value == "diplomatic_action"
    ]
    assert dips and all("pre_bg" in c.features for c in dips)


def test_testimony_to_lawmakers_is_no_trial_and_a_higher_courts_ruling_is_no_hearing() -> None:
    assert ("lindqvist", "trial") not in proposed(
        "News", "Anna Lindqvist testified during a House committee hearing on Capitol Hill."
    )
    assert ("lindqvist", "trial") in proposed(
        "News", "Anna Lindqvist testified in her own defence at her murder trial on Monday."
    )
    ruled = "A federal appeals court ruled on Friday to vacate the conviction of Anna Lindqvist."
    assert not any(c.trigger == "hea.ruled" for c in candidates_of("News", ruled))


def test_a_headline_that_opens_with_a_bare_verb_of_release_asks_for_one() -> None:
    title = "Drop all charges against aid workers, UN tells Greece"
    assert ("lindqvist", "released") not in proposed(title, "Anna Lindqvist is on trial.")
    assert ("lindqvist", "released") not in proposed("Drop charges against Anna Lindqvist, UN says")
    assert ("lindqvist", "released") in proposed("Freed Anna Lindqvist returns home")


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # A release told as a noun and put off has not happened ...
        ("Captors delay release of Anna Lindqvist", "", False),
        (
            "News",
            "The release of Anna Lindqvist from prison has been delayed, her family said.",
            False,
        ),
        # ... but one welcomed, or a verb of release after a delay, has.
        ("News", "The release of Anna Lindqvist was welcomed by Sweden on Monday.", True),
        ("News", "Iran delayed and then freed Anna Lindqvist on Monday.", True),
    ],
)
def test_a_release_put_off_is_no_release(title: str, text: str, expected: bool) -> None:
    assert (("lindqvist", "released") in proposed(title, text)) is expected


@pytest.mark.parametrize(
    ("title", "text", "kind", "expected"),
    [
        # A term served as detention is a sentence; a custody order is not.
        (
            "News",
            "Anna Lindqvist was sentenced to 18 weeks' detention in a youth prison.",
            "sentenced",
            True,
        ),
        ("News", "Anna Lindqvist was sentenced to four years in detention.", "sentenced", True),
        (
            "News",
            "Anna Lindqvist was sentenced to two months of pre-trial detention.",
            "sentenced",
            False,
        ),
        # Community service and unpaid work are sentences.
        ("Anna Lindqvist must do unpaid work", "", "sentenced", True),
        (
            "News",
            "Anna Lindqvist was ordered to carry out 180 hours of community service.",
            "sentenced",
            True,
        ),
        # The penalty a law carries is no sentence passed.
        (
            "News",
            "Anna Lindqvist was charged with an offence that carries a potential 10-year prison "
            "sentence if she is convicted.",
            "sentenced",
            False,
        ),
        # A thing released is no prisoner freed, told as the passive's subject too.
        ("Anna Lindqvist's unpublished Instagram post released by family", "", "released", False),
        ("Anna Lindqvist released by her captors", "", "released", True),
        # A relative of the one the item describes, arrested or found dead, is another person.
        (
            "Anna Lindqvist in a coma",
            "Police arrest the mother of a teenager in a coma after a clash on the metro.",
            "detained",
            False,
        ),
        (
            "News",
            "Daniel Okafor returned without his fiancée, who eventually was found dead in a park.",
            "died",
            False,
        ),
        # The one found unfit may stand between the verb and the finding.
        (
            "News",
            'A judge found the former banker Daniel Okafor "not competent" to stand trial.',
            "hearing",
            True,
        ),
    ],
)
def test_detention_terms_community_service_penalties_things_and_relatives(
    title: str, text: str, kind: str, expected: bool
) -> None:
    case = "okafor" if "Okafor" in title + text else "lindqvist"
    assert ((case, kind) in proposed(title, text)) is expected


def test_the_evening_of_a_day_dates_the_verb() -> None:
    text = "Anna Lindqvist was charged on the evening of 13 March."
    assert dates_of("News", text, "lindqvist", "charged") == {"2023-03-13"}


@pytest.mark.parametrize(
    ("title", "text", "case", "kind", "expected"),
    [
        # Amnesty International speaking is no amnesty; fearing for someone kidnapped is news.
        (
            "News",
            "Anna Lindqvist was targeted by spyware, Amnesty claims.",
            "lindqvist",
            "released",
            False,
        ),
        (
            "Fears for Swedish aid worker kidnapped in Mali",
            "Anna Lindqvist is 61.",
            "lindqvist",
            "detained",
            True,
        ),
        # The one described as the subject may be the case though a victim is described after
        # it; a couple harmed is still the case harmed.
        (
            "Local man pleads not guilty in killing of boy",
            "Daniel Okafor is 71.",
            "okafor",
            "hearing",
            True,
        ),
        (
            "Man jailed in kidnapping of Swedish couple",
            "Anna Lindqvist is 61.",
            "lindqvist",
            "sentenced",
            False,
        ),
        # A surrender after a charge, no bail: an arrest and a hearing.
        ("Anna Lindqvist surrenders after fraud charge", "", "lindqvist", "detained", True),
        ("Anna Lindqvist: No bail for suspect in fraud case", "", "lindqvist", "hearing", True),
        # An exchange a company runs, a sentence asked for, a sentence to be cut, day release.
        (
            "News",
            "Daniel Okafor, the founder of the Thodex exchange, was jailed.",
            "okafor",
            "released",
            False,
        ),
        (
            "News",
            "Prosecutors ask that Daniel Okafor receive a sentence of ten years.",
            "okafor",
            "sentenced",
            False,
        ),
        ("Anna Lindqvist and her aide receive long sentences", "", "lindqvist", "sentenced", True),
        ("Daniel Okafor to have sentence reduced", "", "okafor", "appeal", False),
        ("Russia appears to have detained Daniel Okafor", "", "okafor", "detained", True),
        (
            "News",
            "Daniel Okafor was on day release when he stopped the attacker.",
            "okafor",
            "released",
            False,
        ),
        # A term of community payback is a sentence.
        (
            "News",
            "Daniel Okafor was given community payback for the assault.",
            "okafor",
            "sentenced",
            True,
        ),
    ],
)
def test_speakers_fears_victims_headline_arrests_and_things_ahead(
    title: str, text: str, case: str, kind: str, expected: bool
) -> None:
    assert ((case, kind) in proposed(title, text)) is expected


@pytest.mark.parametrize(
    ("title", "text", "kind", "expected"),
    [
        # A date after the crime a trigger is "in" is the crime's ...
        (
            "News",
            "Anna Lindqvist is charged in the fatal stabbing of a boy on March 4.",
            "charged",
            {"2023-03-15"},
        ),
        (
            "Anna Lindqvist convicted in reporter's murder 35 years ago",
            "",
            "verdict",
            {"2023-03-15"},
        ),
        # ... a present perfect takes no day told before it in a run-on feed summary ...
        (
            "News",
            "The alleged incident happened on Saturday night in Malmo The aid worker Anna "
            "Lindqvist has been arrested by police.",
            "detained",
            {"2023-03-15"},
        ),
        # ... and a day a few days after publication lies ahead: no trial yet.
        ("Anna Lindqvist goes on trial on March 19", "", "trial", set()),
        ("Anna Lindqvist was arrested on March 12", "", "detained", {"2023-03-12"}),
    ],
)
def test_crimes_days_perfects_and_days_ahead(
    title: str, text: str, kind: str, expected: set[str]
) -> None:
    assert dates_of(title, text, "lindqvist", kind) == expected


def test_a_headlines_held_over_is_weighed_as_an_arrest_not_as_time_held() -> None:
    held = candidates_of("Anna Lindqvist held over alleged fraud")
    assert any(c.trigger == "det.held_over" for c in held)
    assert not any(
        c.trigger == "det.held_over" for c in candidates_of("Anna Lindqvist held for two years")
    )


@pytest.mark.parametrize(
    ("title", "text", "case", "expected"),
    [
        # A list of names shares its plural verb: the case among them is abducted too ...
        (
            "News",
            "Maria Soto, Daniel Okafor, Ivan Petrov and Lena Berg were abducted by gunmen.",
            "okafor",
            True,
        ),
        (
            "News",
            "Maria Soto, 33, Daniel Okafor, 41, and Ivan Petrov, 29, were detained on Monday.",
            "okafor",
            True,
        ),
        (
            "News",
            "Maria Soto, 33, and Daniel Okafor, 41, were detained on Monday.",
            "okafor",
            True,
        ),
        # ... but a name that stands alone before the verb is another's subject, and so is
        # one whose appositive names the case.
        ("News", "Daniel Okafor said Ivan Petrov was detained on Monday.", "okafor", False),
        (
            "News",
            "Ivan Petrov, a senior aide in Daniel Okafor's party, was detained on Monday.",
            "okafor",
            False,
        ),
        # A relative of someone described by a public role, never as the case, is the case ...
        (
            "Son of famous actors arrested on holiday island",
            "Daniel Okafor confessed to the killing, police said.",
            "okafor",
            True,
        ),
        (
            "Partner of Tory peer's son arrested over shooting",
            "Daniel Okafor was found near the body.",
            "okafor",
            True,
        ),
        # ... but not a relative of someone held, nor where the item calls the case the one
        # whose relative it is.
        (
            "Brother of jailed aid worker arrested",
            "Daniel Okafor is a British citizen.",
            "okafor",
            False,
        ),
        (
            "Daughter of opposition leader arrested",
            "Her father Daniel Okafor is abroad.",
            "okafor",
            False,
        ),
        (
            "Daughter of opposition leader arrested",
            "Daniel Okafor's daughter was taken from her home.",
            "okafor",
            False,
        ),
    ],
)
def test_a_list_of_names_shares_its_verb_and_a_relative_of_a_public_figure_is_the_case(
    title: str, text: str, case: str, expected: bool
) -> None:
    assert ((case, "detained") in proposed(title, text)) is expected


@pytest.mark.parametrize(
    ("title", "text", "kind", "expected"),
    [
        # A span after a participle or a pronoun's verb counts back from publication: a number
        # of weeks to the day, "days" to the month, "weeks" and "months" to the year ...
        (
            "News",
            "Anna Lindqvist was freed two weeks after being sentenced.",
            "sentenced",
            {"2023-03-01"},
        ),
        ("News", "Days after being charged, Anna Lindqvist fled.", "charged", {"2023-03"}),
        ("News", "Weeks after being arrested, Anna Lindqvist spoke out.", "detained", {"2023"}),
        ("News", "Anna Lindqvist died months after she was released.", "released", {"2022"}),
        (
            "News",
            "Days after the arrest of Anna Lindqvist, the minister spoke.",
            "detained",
            {"2023-03"},
        ),
        # ... and a span before something else is not counted back from publication.
        (
            "Anna Lindqvist convicted less than a year before the World Cup",
            "",
            "verdict",
            {"2023-03-15"},
        ),
    ],
)
def test_a_span_after_being_counts_back_from_publication(
    title: str, text: str, kind: str, expected: set[str]
) -> None:
    assert dates_of(title, text, "lindqvist", kind) == expected


def test_a_time_held_after_a_capture_is_no_span_back() -> None:
    held = "Anna Lindqvist, held for weeks after being captured, spoke out."
    assert "2023" not in dates_of("News", held, "lindqvist", "detained")


@pytest.mark.parametrize(
    "text",
    [
        "Anna Lindqvist was sentenced to 12 years after being found guilty of fraud.",
        "Anna Lindqvist has been jailed for 10 years after she was convicted of spying.",
        "Anna Lindqvist was jailed for six years after pleading guilty to fraud.",
    ],
)
def test_a_term_given_is_no_span_back_to_the_verdict(text: str) -> None:
    dated = dates_of("News", text, "lindqvist", "verdict")
    assert dated and not any(d and d < "2023" for d in dated)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A pardon told before a sentence that came earlier does not make it no sentence ...
        ("Anna Lindqvist was pardoned two weeks after being sentenced to eight years.", True),
        ("Anna Lindqvist was pardoned on Monday; she had been sentenced to eight years.", True),
        # ... but a sentence commuted or pardoned is no new one.
        ("Anna Lindqvist's sentence was commuted to five years.", False),
        ("The president pardoned Anna Lindqvist, sentenced to eight years.", False),
    ],
)
def test_a_sentence_told_apart_from_a_later_pardon_is_reported(text: str, expected: bool) -> None:
    assert (("lindqvist", "sentenced") in proposed("News", text)) is expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # An event said to be close has not happened ...
        (
            "Anna Lindqvist says police surround her house and her arrest is imminent.",
            "detained",
            False,
        ),
        ("Anna Lindqvist's release was near, her lawyer said.", "released", False),
        # ... but a place or an hour near it is no nearness.
        ("Anna Lindqvist's arrest was near the border, police said.", "detained", True),
    ],
)
def test_an_event_said_to_be_imminent_has_not_happened(
    text: str, kind: str, expected: bool
) -> None:
    assert (("lindqvist", kind) in proposed("News", text)) is expected


def test_a_headline_asking_for_a_pardon_is_no_pardon_but_a_pardon_told_is() -> None:
    assert ("lindqvist", "released") not in proposed("Pardon Dr. Anna Lindqvist")
    assert ("lindqvist", "released") in proposed("Pardon for Anna Lindqvist sparks outrage")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # A government's demand, its words before it, is its stance ...
        ("Anna Lindqvist must be released at once, says foreign minister", True),
        ("Russia must end the detention of Anna Lindqvist, says UN expert", True),
        # ... but an event it tells is no stance, nor is a family's demand.
        ("Anna Lindqvist was released on Monday, says foreign minister", False),
        ("Anna Lindqvist must be released at once, says her mother", False),
    ],
)
def test_a_demand_said_by_a_government_after_its_words_is_its_stance(
    title: str, expected: bool
) -> None:
    assert ("dip_stance" in features_of(title, "diplomatic_action")) is expected


def test_a_place_in_the_clause_before_a_subordinate_subject_is_no_speaker() -> None:
    # Russia holds Lindqvist; Sweden's minister speaks, in a clause after "as".
    feats = features_of(
        "Protests continue in Russia as Sweden's minister urges Lindqvist release",
        "diplomatic_action",
    )
    assert not any(f.startswith("holder_") for f in feats)
    # ... but the holder speaking in its own clause is still the holder.
    feats = features_of("Russia urges talks on Lindqvist release with Sweden", "diplomatic_action")
    assert any(f.startswith("holder_") for f in feats)


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # The charge a court appearance ahead answers has been laid ...
        ("Anna Lindqvist due in court charged with fraud", "", "charged"),
        ("News", "Anna Lindqvist is due to appear in court charged with murder.", "charged"),
        # ... and a trial that kicks off is held.
        (
            "News",
            "As the trial of aid worker Anna Lindqvist kicks off today, crowds gather.",
            "trial",
        ),
    ],
)
def test_a_charge_before_a_court_date_and_a_trial_that_kicks_off_are_news(
    title: str, text: str, kind: str
) -> None:
    assert ("lindqvist", kind) in proposed(title, text)


def test_a_charge_still_ahead_of_a_court_date_is_not_laid() -> None:
    assert ("lindqvist", "charged") not in proposed("Anna Lindqvist due to be charged in court")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A court that denies an appeal decides it, today unless the item says otherwise ...
        ("The court denied her appeal and refused to grant bail.", {"2023-03-15"}),
        ("A Moscow court denied an appeal by Anna Lindqvist.", {"2023-03-15"}),
        # ... and a week after a court denied it lies a week back.
        ("Anna Lindqvist spoke a week after a court denied her appeal.", {"2023-03-08"}),
    ],
)
def test_an_appeal_a_court_denied_is_decided_not_denied(text: str, expected: set[str]) -> None:
    assert dates_of("Anna Lindqvist in court", text, "lindqvist", "appeal") == expected


def test_an_appeal_never_made_is_still_none() -> None:
    assert ("lindqvist", "appeal") not in proposed("News", "Anna Lindqvist did not appeal.")


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # What someone refused or declined to do did not happen.
        ("Judge refuses to throw out charges against Anna Lindqvist", "released"),
        ("Grand jury declines to charge Anna Lindqvist", "charged"),
        ("Russia refused to release Anna Lindqvist", "released"),
    ],
)
def test_what_was_refused_or_declined_did_not_happen(title: str, kind: str) -> None:
    assert ("lindqvist", kind) not in proposed(title)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # The second of two things faced is faced too.
        ("Anna Lindqvist could face a steep fine and a prison sentence.", "sentenced"),
        ("Anna Lindqvist faces questioning and possible arrest.", "detained"),
    ],
)
def test_the_second_of_two_things_faced_has_not_happened(text: str, kind: str) -> None:
    assert ("lindqvist", kind) not in proposed("News", text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The case holding something is not held ...
        ("Anna Lindqvist has been holding rallies across the country since January.", False),
        ("Anna Lindqvist still holds talks with the minister.", False),
        # ... but a captor holding the case holds her.
        ("Gunmen have been holding Anna Lindqvist since January.", True),
    ],
)
def test_the_case_holding_something_is_not_held(text: str, expected: bool) -> None:
    assert (("lindqvist", "detained") in proposed("News", text)) is expected


def test_a_verb_in_ing_after_an_auxiliary_is_progressive_not_passive() -> None:
    holding = features_of("News", "detained", "Gunmen have been holding Anna Lindqvist.")
    assert "progressive" in holding and "passive" not in holding
    held = features_of("News", "detained", "Anna Lindqvist has been held since May.")
    assert "passive" in held and "progressive" not in held


def test_a_decision_taken_to_drop_charges_is_a_release_from_prosecution() -> None:
    text = "The decision to drop charges against Anna Lindqvist was made last week."
    assert ("lindqvist", "released") in proposed("News", text)
    # ... but a decision that would be taken is none, nor a report to be released.
    hypothetical = "A decision to release Anna Lindqvist would be a travesty, police say."
    assert ("lindqvist", "released") not in proposed("News", hypothetical)


def test_an_attempt_counted_is_no_event_counted() -> None:
    text = "The trial marks a second attempt by prosecutors to convict Anna Lindqvist."
    assert ("lindqvist", "verdict") not in proposed("News", text)
    # ... while the first of many to be jailed was jailed.
    assert ("lindqvist", "detained") in proposed(
        "News", "Anna Lindqvist is the first of 38 traders to be jailed."
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # People to be freed, described by their captivity, are not detained anew ...
        ("Anna Lindqvist: House calls for release of Americans detained by Russia", False),
        ("Anna Lindqvist: Biden works on freeing journalists held in Russia", False),
        # ... but a detention told as news still is.
        ("Anna Lindqvist: Americans detained by Russia after a raid", True),
    ],
)
def test_people_to_be_freed_described_by_their_captivity_are_not_detained_anew(
    title: str, expected: bool
) -> None:
    headline = {c.type.value for c in candidates_of(title, "") if c.sentence == 0}
    assert ("detained" in headline) is expected


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        # A gerund that is the subject of a modal has not happened ...
        (
            "News",
            "The White House warned that freeing Anna Lindqvist could be difficult.",
            "released",
        ),
        ("Arresting Anna Lindqvist would be a declaration of war, says minister", "", "detained"),
        # ... nor has a trial a court orders.
        ("Court orders Anna Lindqvist's open trial inside jail premises", "", "trial"),
    ],
)
def test_a_gerund_before_a_modal_and_a_trial_ordered_have_not_happened(
    title: str, text: str, kind: str
) -> None:
    assert ("lindqvist", kind) not in proposed(title, text)


@pytest.mark.parametrize(
    ("title", "kind", "expected"),
    [
        # A swap in the next clause of a headline is another story: the move is a move ...
        (
            "Lindqvist Enters a Penal Colony, Russia Signals Openness to Prisoner Swap",
            "transferred",
            True,
        ),
        # ... but a hand-over as part of a swap is the release.
        ("Anna Lindqvist handed over to Sweden as part of a prisoner swap", "transferred", False),
        # A removal told in quotes is a removal.
        ("Anna Lindqvist 'removed from penal colony'", "transferred", True),
    ],
)
def test_a_swap_in_the_next_clause_and_a_quoted_removal(
    title: str, kind: str, expected: bool
) -> None:
    assert (("lindqvist", kind) in proposed(title)) is expected


@pytest.mark.parametrize(
    ("title", "text", "kind", "expected"),
    [
        # A court that declines to hear an appeal decides it ...
        (
            "News",
            "The Supreme Court declined to hear an appeal from Anna Lindqvist.",
            "appeal",
            True,
        ),
        # ... a refusal to attend is no refusal of the event ...
        ("Anna Lindqvist Refuses to Attend Court Hearing Over Maltreatment", "", "hearing", True),
        # ... a swap after "U.S." is still the hand-over's clause ...
        ("Anna Lindqvist Handed Over to U.S. in Prisoner Exchange", "", "transferred", False),
        # ... a court date with its time, before the charge it answers ...
        ("News", "Anna Lindqvist is due in court later charged with murder.", "charged", True),
        # ... a new main verb after a thing faced is no thing faced ...
        (
            "News",
            "Anna Lindqvist faces growing calls from lawmakers and was arrested.",
            "detained",
            True,
        ),
        # ... and "Radio Free Asia" frees nobody.
        ("Radio Free Asia reporter Anna Lindqvist detained in Laos", "", "detained", True),
    ],
)
def test_what_the_new_vetoes_leave_alone(title: str, text: str, kind: str, expected: bool) -> None:
    assert (("lindqvist", kind) in proposed(title, text)) is expected


def test_a_day_told_before_a_courts_decision_is_its_day() -> None:
    text = "On March 3, a Moscow court rejected Anna Lindqvist's appeal."
    assert dates_of("News", text, "lindqvist", "appeal") == {"2023-03-03"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Time held, told as a length, is a detention counted back from publication ...
        ("Anna Lindqvist has been in jail for three years, accused of spying.", {"2020"}),
        ("Anna Lindqvist has been behind bars for nearly two years.", {"2021"}),
        ("Anna Lindqvist, who had been in custody in Moscow for 600 days, flew home.", {"2021"}),
        # ... but a custody order's length is no detention told.
        ("Anna Lindqvist will remain in custody for 30 days.", set()),
    ],
)
def test_time_held_told_as_a_length_is_a_detention_dated_back(
    text: str, expected: set[str]
) -> None:
    assert dates_of("News", text, "lindqvist", "detained") == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # Soldiers or police who put someone under house arrest detain him ...
        ("Coup in Sweden", "Soldiers put Anna Lindqvist under house arrest.", True),
        ("Anna Lindqvist placed under house arrest by the military", "", True),
        # ... a court that does grants a kind of bail, and a state stays a state.
        ("Court places Anna Lindqvist under house arrest", "", False),
        ("Anna Lindqvist remains under house arrest, the army says", "", False),
    ],
)
def test_house_arrest_imposed_by_force_is_a_detention(
    title: str, text: str, expected: bool
) -> None:
    assert (("lindqvist", "detained") in proposed(title, text)) is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # A milestone of time held is a detention counted back from publication ...
        ("Anna Lindqvist marks 1,000 days behind bars", {"2020"}),
        ("Family speaks as Anna Lindqvist nears three years in Russian detention", {"2020"}),
        # ... but a birthday in prison is no milestone.
        ("Anna Lindqvist marks her 40th birthday in prison", set()),
    ],
)
def test_a_milestone_of_time_held_is_a_detention_dated_back(title: str, expected: set[str]) -> None:
    assert dates_of(title, "", "lindqvist", "detained") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "In exchange for" a thing is a price, not a prisoner swap ...
        (
            "Iran moves to free Anna Lindqvist, a teacher, and two others in exchange for access"
            " to frozen funds.",
            False,
        ),
        # ... but one traded for a person, or for a release, is swapped.
        ("Russia freed a pilot in exchange for the convicted spy Anna Lindqvist.", True),
        ("The Taliban freed an engineer in exchange for the release of Anna Lindqvist.", True),
    ],
)
def test_in_exchange_for_a_thing_is_no_swap(text: str, expected: bool) -> None:
    assert (("lindqvist", "released") in proposed("News", text)) is expected


@pytest.mark.parametrize(
    ("title", "text", "kind", "expected"),
    [
        # A death at home is no death in custody, nor is the headline's that tells it ...
        (
            "Spy who worked for the Soviets has died in Moscow",
            "Anna Lindqvist, convicted of spying in 1985, has died in her Moscow home.",
            "died",
            False,
        ),
        ("Anna Lindqvist dies in prison", "", "died", True),
        # ... a protest demanding someone's arrest is no arrest ...
        ("News", "Athletes staged a protest demanding Anna Lindqvist's arrest.", "detained", False),
        # ... a court that throws out or cuts what it reviews decides an appeal ...
        ("A federal judge tossed out Anna Lindqvist's murder conviction", "", "appeal", True),
        ("Court of Appeal reduces Anna Lindqvist's sentence", "", "appeal", True),
        # ... one who reports to prison is taken in, one who is to report is not yet ...
        ("Anna Lindqvist reports to prison to begin her sentence", "", "detained", True),
        ("Anna Lindqvist to report to prison in May", "", "detained", False),
        # ... and an admitted charge is a plea, not a new charge.
        (
            "Anna Lindqvist: Singer faces jail time after admitting drugs charge",
            "",
            "charged",
            False,
        ),
    ],
)
def test_deaths_at_home_demanded_arrests_court_reductions_and_reporting_to_prison(
    title: str, text: str, kind: str, expected: bool
) -> None:
    assert (("lindqvist", kind) in proposed(title, text)) is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # A headline's subject "in court" (a place between, a comma after) appeared there.
        ("Anna Lindqvist in court, denies hitting brother", True),
        ("Spy suspect Anna Lindqvist in Stockholm court", True),
        ("Anna Lindqvist said in court, that she was innocent", False),
        ("Anna Lindqvist pleads guilty to fraud in US court", False),
    ],
)
def test_a_headline_subject_in_court_is_a_hearing(title: str, expected: bool) -> None:
    assert (("lindqvist", "hearing") in proposed(title)) is expected


@pytest.mark.parametrize(
    ("title", "text", "kind", "expected"),
    [
        # A day after "in" names an event ("charged in Jan. 6") ...
        (
            "Actor charged in Jan. 6: he confronted police",
            "Anna Lindqvist was named.",
            "charged",
            {"2023-03-15"},
        ),
        # ... as does a day before the charges it names ...
        ("Anna Lindqvist stands trial on Jan. 6 sedition charges", "", "trial", {"2023-03-15"}),
        # ... but a day after "on" is the event's.
        ("Anna Lindqvist was arrested on Jan. 6 in Washington", "", "detained", {"2023-01-06"}),
    ],
)
def test_a_day_that_names_an_event_dates_nothing(
    title: str, text: str, kind: str, expected: set[str]
) -> None:
    assert dates_of(title, text, "lindqvist", kind) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # "Held" of an event hosted, an office or a view had, holds no one ...
        ("Shots fired at a rally held by Anna Lindqvist", "", False),
        ("Anna Lindqvist held talks with Russian leaders", "", False),
        ("Anna Lindqvist, who held the post until 2022, speaks", "", False),
        ("Anna Lindqvist to be held accountable, minister says", "", False),
        # ... but a person held is held.
        ("Anna Lindqvist held in Russian jail on spying charges", "", True),
        ("Police held Anna Lindqvist overnight", "", True),
    ],
)
def test_held_of_an_event_or_an_office_holds_no_one(title: str, text: str, expected: bool) -> None:
    assert (("lindqvist", "detained") in proposed(title, text)) is expected


@pytest.mark.parametrize(
    ("title", "text", "case", "kind", "expected"),
    [
        # A middle or a father's name between the case's given name and surname is the case ...
        ("UN blames militia for the death of Daniel Chukwuma Okafor", "", "okafor", "died", True),
        # ... but another given name before the surname is someone else.
        ("Chukwuma Okafor arrested in Lagos", "", "okafor", "detained", False),
        # A member expelled from a body, an expulsion ordered, the conditions of a release had,
        # a custody one disappears into: no release.
        (
            "Anna Lindqvist, MP, expelled for never going to work",
            "",
            "lindqvist",
            "released",
            False,
        ),
        ("Anna Lindqvist expelled from Sweden's upper house", "", "lindqvist", "released", False),
        ("Junta ordered the 'expulsion' of Anna Lindqvist", "", "lindqvist", "released", False),
        (
            "Warrant for Anna Lindqvist",
            "She violated the conditions of her pretrial release, a judge said.",
            "lindqvist",
            "released",
            False,
        ),
        (
            "Rights group fears for Zhou Min",
            "It feared Zhou Min had disappeared into Chinese custody in Hong Kong.",
            "zhou",
            "released",
            False,
        ),
        ("Russia expels Anna Lindqvist", "", "lindqvist", "released", True),
        # Bail set by a court is a hearing's decision, not a release on bail.
        ("Bail set for Anna Lindqvist at $1m", "", "lindqvist", "hearing", True),
        ("Bail set for Anna Lindqvist at $1m", "", "lindqvist", "bail", False),
        # A trial moved is no prisoner moved; a death penalty as a policy is no sentence.
        (
            "Anna Lindqvist demanded the trial be relocated to Uppsala",
            "",
            "lindqvist",
            "transferred",
            False,
        ),
        ("Anna Lindqvist's position on the death penalty", "", "lindqvist", "sentenced", False),
        # The release of a crowd is not the item's case's.
        (
            "Prosecutor charges judge Anna Lindqvist",
            "The prosecutor also ordered the release of all suspects detained over the blast.",
            "lindqvist",
            "released",
            False,
        ),
    ],
)
def test_middle_names_expulsions_bail_set_and_things_moved(
    title: str, text: str, case: str, kind: str, expected: bool
) -> None:
    assert ((case, kind) in proposed(title, text)) is expected


def test_one_of_those_held_counts_the_case_among_them() -> None:
    found = candidates_of("Protest leader held", "Anna Lindqvist was one of 64 protesters held.")
    assert any("one_of" in c.features for c in found if c.type.value == "detained")


def test_charges_with_what_marks_the_verb() -> None:
    found = candidates_of("US charges think tank head Anna Lindqvist with being an agent")
    assert any("charge_with" in c.features for c in found if c.type.value == "charged")


@pytest.mark.parametrize(
    ("title", "kind", "expected"),
    [
        # A sentence that keeps one out of prison is a sentence; an aim to avoid it is not.
        ("Anna Lindqvist avoids jail over unpaid taxes", "sentenced", True),
        ("Anna Lindqvist spared jail after admitting fraud", "sentenced", True),
        ("Anna Lindqvist won't serve prison time for her role in the scheme", "sentenced", True),
        ("Anna Lindqvist loses bid to avoid prison", "sentenced", False),
        # A capture told in a headline: "caught after years on the run".
        ("Fugitive Anna Lindqvist caught after 20 years on the run", "detained", True),
        ("Anna Lindqvist caught on camera after the match", "detained", False),
    ],
)
def test_sentences_that_spare_prison_and_captures_after_a_chase(
    title: str, kind: str, expected: bool
) -> None:
    assert (("lindqvist", kind) in proposed(title)) is expected


FIRM_STAFF = Case(
    "firm-staff", "Meridian Group staff in Beijing", ("Meridian Group",), "CN", ("CN",)
)
PAIR = Case("rahimi-nasser", "Omid Rahimi and Karim Nasser", (), "IR", ("IR",))


def test_a_name_that_describes_a_group_gives_no_surname() -> None:
    # "Beijing" ends the configured name but names a city, not the case
    assert named((FIRM_STAFF,), "Beijing accused of torturing consulate employee") == set()
    assert named((FIRM_STAFF,), "Police raid Meridian Group office") == {"firm-staff"}


def pair_found(title: str, text: str) -> set[tuple[str, str]]:
    found = Classifier(CaseBook((PAIR,)))(Article("p", title, text, PUB))
    return {(d.case, d.type.value) for d in found}


def test_two_people_configured_as_one_case_are_the_headlines_two_men() -> None:
    got = pair_found(
        "Iran executes two men convicted of blasphemy",
        "Omid Rahimi and Karim Nasser were accused of burning a holy book.",
    )
    assert {("rahimi-nasser", "died"), ("rahimi-nasser", "verdict")} <= got


@pytest.mark.parametrize(
    ("title", "text", "kind", "expected"),
    [
        # Out of reach: a disappearance told as contact lost.
        (
            "",
            "Reporter Anna Lindqvist became unreachable after a forum in Moscow.",
            "detained",
            True,
        ),
        # Coming home is a release; wanting to come home is not.
        ("Tears of joy as Anna Lindqvist comes home", "", "released", True),
        ("Anna Lindqvist has many reasons to come home, says mother", "", "released", False),
        # A detention that began and ended, told as "kept in custody for" a time; a judge keeping
        # someone in custody is a hearing's decision.
        ("", "Anna Lindqvist was kept in custody for 15 days.", "detained", True),
        ("", "A judge kept Anna Lindqvist in custody for two more weeks.", "detained", False),
        # A government's words against what was done to the case.
        (
            "",
            "The minister attacked the brutal treatment of Anna Lindqvist.",
            "diplomatic_action",
            True,
        ),
        # Sent back home is a return, not a move between prisons.
        (
            "",
            "Moscow protested the decision to transfer Anna Lindqvist back home from Turkey.",
            "transferred",
            False,
        ),
        # What a sentence was for is no new charge.
        ("", "Anna Lindqvist was sentenced to four years on the same charges.", "charged", False),
    ],
)
def test_contact_lost_homecomings_custody_kept_words_against_and_charges_sentenced(
    title: str, text: str, kind: str, expected: bool
) -> None:
    assert (("lindqvist", kind) in proposed(title, text)) is expected


@pytest.mark.parametrize(
    ("title", "text", "kind", "date"),
    [
        # "over a month ago" is more than a month, not a noun's time
        (
            "",
            "Anna Lindqvist, kidnapped over a month ago, is still missing.",
            "detained",
            "2023-02",
        ),
        # a contracted perfect is today's news, whatever day another clause names
        (
            "",
            "Her sister feared Anna Lindqvist was killed on 7 February - but now says she's "
            "been freed.",
            "released",
            "2023-03-15",
        ),
    ],
)
def test_dates_of_approximate_times_contracted_perfects_and_participles(
    classifier: Classifier, title: str, text: str, kind: str, date: str
) -> None:
    assert ("lindqvist", kind, date) in found(classifier, title, text)


def test_a_participle_takes_the_date_of_the_clause_it_hangs_on() -> None:
    found = candidates_of(
        "",
        "Anna Lindqvist, who was repatriated from a camp in Syria, is released from custody at a "
        "court in Uppsala on Oct. 27, 2022, having been granted bail pending a hearing.",
    )
    assert {str(c.date) for c in found if c.type.value == "bail"} == {"2022-10-27"}


@pytest.mark.parametrize(
    ("title", "text", "kind", "expected"),
    [
        # Things seized or handed over are no person held or moved.
        ("Government sells album seized from Anna Lindqvist", "", "detained", False),
        ("Anna Lindqvist had phone seized by federal agents", "", "detained", False),
        ("Men in two cars seized Anna Lindqvist outside her home", "", "detained", True),
        ("", "Agents seized it from former executive Anna Lindqvist last year.", "detained", False),
        (
            "Anna Lindqvist's album sold",
            "The album was handed over as part of a deal.",
            "transferred",
            False,
        ),
        # Someone named with an age is someone else: the victim's disappearance is not the case's.
        (
            "Anna Lindqvist sentenced to life",
            "Smart, 19, disappeared from her university in 1996.",
            "detained",
            False,
        ),
        # The case as a witness against someone else: the trial is the accused's.
        (
            "",
            "Anna Lindqvist gives evidence against Gerry Hutch at a murder trial in Dublin.",
            "trial",
            False,
        ),
        # A hearing granted or set is one to come; a release denied is a hearing's decision.
        ("Anna Lindqvist granted parole hearing", "", "hearing", False),
        ("", "Anna Lindqvist had been set for a detention hearing Wednesday.", "hearing", False),
        ("Anna Lindqvist, charged with fraud, has been denied release", "", "hearing", True),
        # An execution method or date is no execution.
        ("Anna Lindqvist fights new execution method", "", "died", False),
        ("Finally, a humane method of execution for Anna Lindqvist", "", "died", False),
        # A relative's body is the relative's death (but the case's kin speak of the case as
        # theirs).
        ("Anna Lindqvist missing; mother's body found near creek", "", "died", False),
        (
            "Anna Lindqvist's mom describes nightmare of daughter's death after her arrest",
            "",
            "died",
            True,
        ),
        # A removal fought is none done.
        ("Anna Lindqvist loses two-decade fight against expulsion", "", "released", False),
    ],
)
def test_things_taken_others_named_with_an_age_witnesses_and_acts_to_come(
    title: str, text: str, kind: str, expected: bool
) -> None:
    assert (("lindqvist", kind) in proposed(title, text)) is expected


def test_a_family_pair_in_the_headline_is_the_two_cases_named_below() -> None:
    book = CaseBook(
        (
            Case("m-taylor", "Michael Taylor", (), "JP", ("US",)),
            Case("p-taylor", "Peter Taylor", (), "JP", ("US",)),
        )
    )
    found = Classifier(book)(
        Article(
            "t",
            "Father and son sentenced for helping fugitive escape",
            "Michael and Peter Taylor were convicted of helping the tycoon escape Japan in 2019.",
            PUB,
        )
    )
    got = {(d.case, d.type.value, d.date.iso() if d.date else None) for d in found}
    # both sentenced, and the conviction is not dated by the year of the escape they helped
    assert {("m-taylor", "sentenced", "2023-03-15"), ("p-taylor", "sentenced", "2023-03-15")} <= got
    assert not any(kind == "verdict" and date == "2019" for _, kind, date in got)


def test_a_crimes_year_before_the_sentence_does_not_date_it(classifier: Classifier) -> None:
    got = found(
        classifier,
        "The man convicted of killing a student in 1996 is sentenced to 25 years",
        "Prosecutors said Daniel Okafor killed her during an attempted robbery.",
    )
    assert ("okafor", "sentenced", "1996") not in got


def test_a_day_that_names_the_riot_does_not_date_the_charge(classifier: Classifier) -> None:
    got = found(classifier, "The Jan. 6 rioter Daniel Okafor is indicted", "")
    assert ("okafor", "charged", "2023-03-15") in got


@pytest.mark.parametrize(
    ("title", "text", "kind", "expected"),
    [
        # Any court that sends a convicted person back to trial decides an appeal; the retrial
        # itself is still to come.
        ("Court backs retrial for Daniel Okafor", "", "appeal", True),
        ("Retrial ordered for Daniel Okafor", "", "appeal", True),
        ("Retrial ordered for Daniel Okafor", "", "trial", False),
        ("Retrial of Daniel Okafor opens in Lagos", "", "trial", True),
        # A court that clears someone of a crime acquits; clearing the way does not.
        ("Court Clears Daniel Okafor of Fraud", "", "verdict", True),
        ("Judge clears Daniel Okafor of all charges", "", "charged", False),
        ("Court clears the way for the extradition of Daniel Okafor", "", "verdict", False),
        # The term to be served is the sentence.
        ("Killer Daniel Okafor must serve a minimum of 34 years", "", "sentenced", True),
        # A conviction thrown out or put on hold is an appeal's decision, no new verdict.
        ("Court throws out conviction of Daniel Okafor", "", "appeal", True),
        ("Court throws out conviction of Daniel Okafor", "", "verdict", False),
        ("Daniel Okafor's conviction on hold as top court weighs appeal", "", "verdict", False),
        # An order to do something else is no order to hold.
        ("Extremist Daniel Okafor ordered to read books is jailed", "", "hearing", False),
        ("Daniel Okafor ordered to remain in custody", "", "hearing", True),
    ],
)
def test_retrials_ordered_convictions_thrown_out_courts_that_clear_and_terms_to_serve(
    title: str, text: str, kind: str, expected: bool
) -> None:
    assert (("okafor", kind) in proposed(title, text)) is expected


@pytest.mark.parametrize(
    ("title", "kind", "expected"),
    [
        # A headline drops the auxiliary of "is jailed": a sentence passed.
        ("Geologist Anna Lindqvist jailed after taking artefacts", "sentenced", True),
        # (with a place it is mostly who someone is: "reporter jailed in Russia")
        (
            "US calls reporter Anna Lindqvist jailed in Russia 'wrongfully detained'",
            "sentenced",
            False,
        ),
        ("Anna Lindqvist and two others jailed", "sentenced", True),
        ("Notorious smuggler Anna Lindqvist jailed", "sentenced", True),
        # ... but not who someone is, a state kept, or a court's order to hold.
        ("The jailed Anna Lindqvist writes to her son", "sentenced", False),
        ("Anna Lindqvist to remain jailed", "sentenced", False),
        ("Judge orders Anna Lindqvist jailed", "sentenced", False),
        ("Author backs Anna Lindqvist, writer jailed after a trial", "sentenced", False),
        ("Judge orders Tunisian opposition leader Anna Lindqvist jailed", "sentenced", False),
        ("Swedish Reporter Jailed in Russia Is to Appear in Court", "sentenced", False),
        ("Anna Lindqvist jailed since March, says family", "sentenced", False),
    ],
)
def test_a_headline_jailed_without_its_auxiliary_is_a_sentence(
    title: str, kind: str, expected: bool
) -> None:
    got = proposed(title, "Anna Lindqvist was named." if "Lindqvist" not in title else "")
    assert (("lindqvist", kind) in got) is expected


@pytest.mark.parametrize(
    ("title", "text", "kind", "expected"),
    [
        # A headline filed under another's death: the label is not the case's.
        ("Harbour death: Daniel Okafor conviction overturned", "", "died", False),
        ("Daniel Okafor death: family demands answers", "", "died", True),
        # A legal step, then someone new who died: the one the step is against lives.
        ("Chef Daniel Okafor arrested after man dies at dinner", "", "died", False),
        ("Daniel Okafor charged after woman killed in crash", "", "died", False),
        # ... but a death in custody may be the case's, told as "a man".
        (
            "Guards charged after man dies in police custody",
            "Daniel Okafor, 34, was found unresponsive.",
            "died",
            True,
        ),
        # The people around someone, as a headline's subject, are the ones arrested.
        ("Daniel Okafor says relatives and friends arrested", "", "detained", False),
        ("Daniel Okafor says family members detained", "", "detained", False),
        ("Ex-MP says relatives arrested", "Daniel Okafor, a former MP, spoke.", "detained", False),
        # ... and so are the state's agents who acted on the case.
        ("Officers charged in Daniel Okafor's deadly arrest", "", "charged", False),
        # (but officers who arrested the case acted on it: the active voice, its object after)
        ("Security officers arrested aid worker Daniel Okafor", "", "detained", True),
        ("Daniel Okafor and two officers charged with fraud", "", "charged", True),
        # Who someone is, unless the detention is over and told with its length.
        (
            "",
            "Daniel Okafor, a journalist who was detained in Ghana for three months, is free.",
            "detained",
            True,
        ),
        ("", "Daniel Okafor, a journalist who is detained in Ghana, spoke.", "detained", False),
        # A state branding someone a terrorist or foreign agent is no diplomacy.
        ("Russia designates writer Daniel Okafor a 'terrorist'", "", "diplomatic_action", False),
        ("US designates Daniel Okafor as wrongfully detained", "", "diplomatic_action", True),
    ],
)
def test_deaths_filed_under_labels_or_after_anothers_arrest_circles_and_brands(
    title: str, text: str, kind: str, expected: bool
) -> None:
    assert (("okafor", kind) in proposed(title, text)) is expected


def test_the_month_of_an_explosion_does_not_date_the_verdict(classifier: Classifier) -> None:
    got = found(
        classifier,
        "Court sentences Daniel Okafor to 18 years",
        "Daniel Okafor was found guilty on terrorism charges for one explosion and two attempted "
        "blasts in Lagos in August 2022.",
    )
    assert ("okafor", "verdict", "2022-08") not in got


@pytest.mark.parametrize(
    ("title", "text", "kind", "expected"),
    [
        # Jailed abroad for an offence is a sentence; a civil court's award is none.
        ("Smuggler Daniel Okafor jailed in US for rhino horn trafficking", "", "sentenced", True),
        ("", "Daniel Okafor was fined $15m in a civil suit over the crash.", "sentenced", False),
        ("", "Daniel Okafor was fined $1,000 for speeding.", "sentenced", True),
        # Jailed on accusations, before any trial, is no sentence.
        ("", "Daniel Okafor was jailed on accusations of spying.", "sentenced", False),
        ("", "Daniel Okafor was jailed in 2015 for fraud.", "sentenced", True),
    ],
)
def test_jailed_abroad_for_an_offence_and_fines_of_civil_courts(
    title: str, text: str, kind: str, expected: bool
) -> None:
    assert (("okafor", kind) in proposed(title, text)) is expected


@pytest.mark.parametrize(
    ("title", "kind", "expected"),
    [
        # "To death" after a killing tells how someone died, not a sentence ...
        ("Daniel Okafor beaten to death in prison", "died", True),
        ("Guards beat Daniel Okafor to death", "died", True),
        ("Iran puts Daniel Okafor to death", "died", True),
        ("Iran puts Daniel Okafor to death", "sentenced", False),
        ("Daniel Okafor was frozen to death in his cell", "sentenced", False),
        # ... but a sentence to death is a sentence, and a killing of someone new is theirs.
        ("Daniel Okafor sentenced to death", "died", False),
        ("Daniel Okafor stabbed a man to death in 2019", "died", False),
        ("Daniel Okafor beat his wife to death", "died", False),
        ("Daniel Okafor beat Zara Aleena to death", "died", False),
        ("Daniel Okafor, who stabbed to death a young man, is jailed", "died", False),
        ("Daniel Okafor goes on trial accused of strangling sister to death", "sentenced", False),
        # A prisoner caught again after an escape is detained again.
        ("Daniel Okafor recaptured after four days on the run", "detained", True),
    ],
)
def test_to_death_after_a_killing_is_a_death_not_a_sentence_and_recaptures(
    title: str, kind: str, expected: bool
) -> None:
    assert (("okafor", kind) in proposed(title)) is expected


@pytest.mark.parametrize(
    "title",
    [
        # A government's readiness to talk of a swap, to explore more, or an offer to free.
        "Russia is ready to discuss a prisoner swap for Anna Lindqvist, Lavrov says",
        "Anna Lindqvist: Sweden and Russia to explore more prisoner swaps",
        "Russia rejects offer to release Anna Lindqvist, Sweden says",
        "Sweden made a proposal to free Anna Lindqvist",
        "Russia and Sweden to discuss prisoner swap for Anna Lindqvist",
        "Russia offered to release Anna Lindqvist in exchange for a spy",
    ],
)
def test_a_government_ready_to_discuss_a_swap_or_offering_to_free_is_diplomacy(title: str) -> None:
    assert "dip.raise" in {c.trigger for c in candidates_of(title)}


@pytest.mark.parametrize(
    "title",
    [
        # Exchanges that are no prisoner swap, and money freed, are no diplomacy for the case.
        "Anna Lindqvist's lawyers say Russia open to exchanges with the West",
        "Anna Lindqvist's firm welcomes a proposal to free up funds",
    ],
)
def test_trade_exchanges_and_funds_freed_are_no_swap_talk(title: str) -> None:
    assert "dip.raise" not in {c.trigger for c in candidates_of(title)}


@pytest.mark.parametrize(
    ("title", "named"),
    [
        # A one-word name that is also a common word names the person where it stands alone or
        # after what the person is ...
        ("Police detain comedian House over army joke", True),
        ("Comedian House was detained in Beijing", True),
        # ... not inside a capitalised phrase or a title-case headline.
        ("Protester Sentenced to 90 Days House Arrest, One Year Probation", False),
        ("The White House said the comedian was detained", False),
        ("The comedian was placed under house arrest", False),
        ("HOUSE ARREST FOR COMEDIAN", False),
        # (opening a sentence it must go on as a name; a capital after it, or a title-case
        # headline, says nothing; an honorific before it names the person)
        ("House arrest extended for Chinese dissident", False),
        ("House was detained in Beijing on Monday", True),
        ("Police said House Speaker Mike Johnson backed the detained", False),
        ("Beijing Fines Firm for Joke by House", False),
        ("Police said Mr House was detained", True),
        ("House Speaker Backs Bill on Detained Americans", False),
    ],
)
def test_a_one_word_name_that_is_a_common_word_needs_a_clear_context(
    title: str, named: bool
) -> None:
    book = CaseBook([Case("li-haoshi", "Li Haoshi", ("House",), "CN", ("CN",))])
    (mentions,) = find_mentions(MentionIndex(book), sentences(title, ""))
    assert bool(mentions) is named


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # An appeal against a detention under way is a court step about it, not a new one ...
        ("Court rejects Anna Lindqvist's appeal against detention", "", False),
        ("", "Anna Lindqvist has lost an appeal against her pre-trial detention.", False),
        ("", "A Moscow court rejected an appeal against Anna Lindqvist's detention.", False),
        ("", "Her lawyers filed a challenge to Anna Lindqvist's detention.", False),
        # (rights groups appealing against the arrest of someone plead, and an arrest
        # challenged is often the day's news)
        ("Rights groups appeal against the arrest of journalist Anna Lindqvist", "", True),
        ("Anna Lindqvist challenges her arrest in the Supreme Court", "", True),
        # ... but an arrest condemned, or one after protests, is the news.
        ("Sweden condemns the arrest of Anna Lindqvist", "", True),
        ("", "Anna Lindqvist was arrested after she appealed against the ban.", True),
    ],
)
def test_an_appeal_against_a_detention_is_no_new_detention(
    title: str, text: str, expected: bool
) -> None:
    assert (("lindqvist", "detained") in proposed(title, text)) is expected


def test_a_common_word_that_names_nobody_licenses_no_surname() -> None:
    # "house" in lower case names no one, so "Li" stays a surname two cases share.
    book = CaseBook(
        [
            Case("li-haoshi", "Li Haoshi", ("House",), "CN", ("CN",)),
            Case("li-qiaochu", "Li Qiaochu", (), "CN", ("CN",)),
        ]
    )
    title = "Police placed Li under house arrest in Beijing"
    (mentions,) = find_mentions(MentionIndex(book), sentences(title, ""))
    assert mentions == []


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Swedish aid worker jailed for 1,075 years", "Anna Lindqvist ran a charity in Moscow."),
        ("Court jails aid worker for 2,200 years", "Anna Lindqvist ran a charity in Moscow."),
    ],
)
def test_a_term_counted_in_thousands_of_years_is_a_sentence(
    classifier: Classifier, title: str, text: str
) -> None:
    assert ("lindqvist", "sentenced", "2023-03-15") in found(classifier, title, text)


MODAL_NAMED = CaseBook(
    (
        Case("can-demir", "Can Demir", (), "TR", ("TR",)),
        Case("will-hartley", "Will Hartley", (), "IR", ("GB",)),
        Case("may-lindholm", "May Lindholm", (), "RU", ("SE",)),
    )
)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Can Demir was arrested in Istanbul on Tuesday", {("can-demir", "detained")}),
        ("Will Hartley was released from Evin prison", {("will-hartley", "released")}),
        ("May Lindholm was charged with espionage", {("may-lindholm", "charged")}),
        ("The editor Can Demir was jailed, according to his family", {("can-demir", "sentenced")}),
        ("Earlier, Can Demir was placed under house arrest", {("can-demir", "bail")}),
        # the words are still modal where they stand outside the name
        ("Will Can Demir be freed?", set()),
        ("Can Demir could be charged with espionage", set()),
        ("Will Hartley may face trial in Tehran", set()),
    ],
)
def test_a_name_that_is_also_a_modal_verb_is_a_name(
    title: str, expected: set[tuple[str, str]]
) -> None:
    got = Classifier(MODAL_NAMED)(Article("m", title, "", PUB))
    assert {(d.case, d.type.value) for d in got} == expected


@pytest.mark.parametrize(
    "title",
    [
        "Anna Lindqvist freed in exchange for a Russian hacker convicted in the US",
        "Anna Lindqvist was swapped for an arms dealer sentenced to 25 years in Sweden",
        "Russia releases Anna Lindqvist in return for two agents held since March",
        "Anna Lindqvist walks free in exchange for the release of a spy jailed for life",
    ],
)
def test_the_other_side_of_a_swap_is_not_the_case(classifier: Classifier, title: str) -> None:
    assert {(c, t) for c, t, _ in found(classifier, title)} == {("lindqvist", "released")}


def test_a_case_named_as_the_other_side_of_a_swap_keeps_its_news(classifier: Classifier) -> None:
    title = "Iran frees Daniel Okafor in exchange for Anna Lindqvist convicted of spying in Tehran"
    got = {(c, t) for c, t, _ in found(classifier, title)}
    assert ("lindqvist", "verdict") in got and ("okafor", "verdict") not in got


def test_a_surname_that_is_a_modal_verb_alone_is_still_read_as_the_verb() -> None:
    book = CaseBook((Case("ahmet-can", "Ahmet Can", (), "TR", ("TR",)),))
    got = Classifier(book)(Article("m", "Turkey Can Free Ahmet Can, Court Rules", "", PUB))
    assert "released" not in {d.type.value for d in got}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Anna Lindqvist accused of passing secrets in exchange for money arrested in Moscow",
            {("lindqvist", "detained")},
        ),
        (
            "Ex-mayor Daniel Okafor who took bribes in exchange for contracts sentenced to 5 years",
            {("okafor", "sentenced")},
        ),
    ],
)
def test_a_bribe_is_no_swap_and_keeps_the_case_s_news(
    classifier: Classifier, title: str, expected: set[tuple[str, str]]
) -> None:
    assert {(c, t) for c, t, _ in found(classifier, title)} == expected


def test_a_release_date_years_ahead_leaves_the_sentence_passed(classifier: Classifier) -> None:
    title = "Anna Lindqvist was jailed for 10 years and is due for release on Jan. 5, 2033"
    assert {(c, t) for c, t, _ in found(classifier, title)} == {("lindqvist", "sentenced")}


MONTH_NAMED = CaseBook(
    (
        Case("jan-kowal", "Jan Kowal", (), "BY", ("PL",)),
        Case("june-chen", "June Chen", (), "CN", ("AU",)),
    )
)


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Jan Kowal arrested in Minsk", "Jan Kowal was detained by police.", "2023-03-15"),
        ("China", "June Chen was arrested by state security.", "2023-03-15"),
        # the month is still a month where it stands outside the name
        ("China", "June Chen was arrested by state security in January.", "2023-01"),
    ],
)
def test_a_given_name_that_is_a_month_dates_nothing(title: str, text: str, expected: str) -> None:
    got = Classifier(MONTH_NAMED)(Article("m", title, text, PUB))
    assert {(d.type.value, d.date.iso() if d.date else None) for d in got} == {
        ("detained", expected)
    }
