"""Candidates: every place an article may report a development for a case, with its cues.

"Rules propose, a model disposes": the broad triggers of `cues` and the
precise rules of `extract` propose (case, type) candidates sentence by
sentence; each candidate carries the features the learned scorer weighs
(trigger, tense and aspect, negation and modality, headline or body,
distance to the mention, who acts) and a date resolved against the
publication day. A sentence that names no case may still speak of the one
case its item names ("the Kremlin critic"): document-level attribution.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from monitor.classify import cues as C
from monitor.classify import others as O
from monitor.classify import rules as R
from monitor.classify.dates import MILESTONE, DateMention, find_dates, number, shift
from monitor.classify.mentions import (
    Mention,
    common_words,
    conjoined,
    names_unread,
    title_case,
)
from monitor.classify.text import Sentence
from monitor.domain.dates import PartialDate, Precision
from monitor.domain.developments import Development, DevelopmentType

_WORD = re.compile(r"[\w'’-]+")
_CAP = re.compile(r"\b[A-Z][a-z]+(?:[- ][A-Z][a-z]+)+\b")
# Doc-level attribution needs an item about few cases; beyond that a sentence must name its case.
_MAX_DOC_UNITS = 2
# A feed item (title and summary, one text) is read with the broad cues; a long article, whose
# sentences carry more context, with the precise rules (and the model weighs their findings).
_FEED_ITEM_SENTENCES = 15
# What can still be the news of a case named as the one harmed ("the killing of X").
_VICTIM_NEWS = (DevelopmentType.DIED, DevelopmentType.DIPLOMATIC_ACTION)
_WINDOW = 60  # characters of context on each side of a trigger


@dataclass(frozen=True)
class Candidate:
    """One (case, type) proposal from one trigger in one sentence, ready to score."""

    case: str
    type: DevelopmentType
    sentence: int
    evidence: str
    trigger: str
    features: tuple[str, ...]
    date: PartialDate | None
    outcome: str | None = None
    detail: str | None = None
    # explicit | old | began | offset | who | relative | rule | pub | background | none
    dated_by: str = "none"


@dataclass(frozen=True)
class ArticleView:
    """What candidate generation needs of one article: sentences, mentions, rule output."""

    sentences: Sequence[Sentence]
    mentions: Sequence[Sequence[Mention]]
    published: dt.date | None
    rule_developments: Sequence[Development]
    holders: Mapping[str, str] = field(default_factory=dict)  # case → ISO code of its holder
    citizens: Mapping[str, Sequence[str]] = field(default_factory=dict)  # case → its states


def _bucket(n: int, edges: Sequence[int]) -> int:
    for i, edge in enumerate(edges):
        if n <= edge:
            return i
    return len(edges)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _mask(text: str, mentions: Sequence[Mention]) -> str:
    """The sentence with every case mention replaced by PERSON, so no name becomes a feature."""
    out, last = [], 0
    for m in sorted(mentions, key=lambda x: x.start):
        if m.start < last:
            continue
        out.append(text[last : m.start])
        out.append("PERSON")
        last = m.end
    out.append(text[last:])
    return "".join(out)


def _token(word: str) -> str:
    if word == "person":
        return "PERSON"
    if any(ch.isdigit() for ch in word):
        return "NUM"
    return word


def doc_units(mentions: Sequence[Sequence[Mention]]) -> list[tuple[str, ...]]:
    """The cases (or groups of cases) an item names outright, in order of first mention."""
    seen: dict[tuple[str, ...], None] = {}
    for per in mentions:
        for m in per:
            if m.kind in ("name", "surname", "group"):
                seen.setdefault(m.cases, None)
    # A case named on its own and within a group is one unit: the group.
    units = list(seen)
    return [u for u in units if not any(set(u) < set(v) for v in units)]


def candidates(view: ArticleView) -> list[Candidate]:
    """Every candidate of the article, rule-proposed and cue-proposed, with features."""
    units = doc_units(view.mentions)
    doc_cases = list(dict.fromkeys(c for u in units for c in u))
    if not doc_cases:
        return []
    rule_by_sentence: dict[tuple[str, DevelopmentType, str], Development] = {}
    rule_keys = set()
    for d in view.rule_developments:
        rule_by_sentence[(d.case, d.type, d.evidence)] = d
        rule_keys.add((d.case, d.type))
    n_units = len(units)
    feed_item = len(view.sentences) <= _FEED_ITEM_SENTENCES
    out: list[Candidate] = []
    # (case, type, sentence) whose every broad trigger was another's event: the precise rules'
    # finding there is the same other's ("sentences ex-cricketer who threatened X").
    others: set[tuple[str, DevelopmentType, int]] = set()
    first_body = next((s.index for s in view.sentences if not s.headline), -1)
    previous_date: PartialDate | None = None
    if not feed_item:
        return _rule_only(view, out, others, doc_cases, first_body, n_units)
    item_text = " ".join(s.text for s in view.sentences)
    trial_told = _trial_told(item_text)
    kin_cases = _told_as_kin(view)
    kin_of_cases = _told_with_kin(view)
    # Types the item tells of someone it names or describes who is not a configured case
    # ("Laurent Vasseur was detained", "arrests another American"): a sentence naming no case
    # does not tell them of the item's case ("Russia arrests French researcher").
    told_of_others: set[DevelopmentType] = set()
    for sent, mentions in zip(view.sentences, view.mentions, strict=True):
        text = sent.text
        if not mentions and n_units > _MAX_DOC_UNITS:
            continue
        someone_else = bool(
            O.PERSON_NAME.search(text) or O.ANOTHER_WORD.search(text) or O.AGED_NAME.search(text)
        )
        cue_text = names_unread(text, mentions)  # what the vetoes and the dates read
        dates = find_dates(cue_text, view.published)
        foreign = {d.date for d in dates if d.date is not None and _of_another(text, d)}
        masked = _mask(text, mentions)
        sentence_cues = _sentence_cues(text, sent, first_body, n_units)
        opening = _NEW_SOMEONE.match(text)  # "A man ..." (one per sentence, for every trigger)
        for trig in C.TRIGGERS:
            for m in trig.pattern.finditer(text):
                vetoed: bool | None = None
                if (
                    someone_else
                    and trig.type not in told_of_others
                    and O.tells_of_another(text, m, mentions)
                ):
                    vetoed = _vetoed(cue_text, m, trig)
                    if not vetoed:
                        told_of_others.add(trig.type)
                targets = _targets(m, mentions, doc_cases, trig.type, kin_cases, kin_of_cases)
                if not targets:
                    continue
                if vetoed if vetoed is not None else _vetoed(cue_text, m, trig):
                    continue
                if _on_a_day_ahead(text, m, dates):
                    # "goes on trial on Feb. 3", published four days before (the precise
                    # rules' finding there is the same day ahead)
                    others.update((case, trig.type, sent.index) for case, _ in targets)
                    continue
                if _anothers_event(text, m, mentions, trig.type) or (
                    trig.type is DevelopmentType.DIED and _dies_after_a_step(text, m, mentions)
                ):
                    others.update((case, trig.type, sent.index) for case, _ in targets)
                    continue
                clause = _clause_before(cue_text, m)
                local = [*_local_cues(cue_text, m, clause), *_nominal(text, m, mentions)]
                if trig.type is DevelopmentType.DIED and _another_dies(text, m, mentions):
                    local.append("another_dies")  # weighed, not dropped: "a man" may be the case
                if _someone_new_acts(text, opening, m, mentions):
                    local.append("someone_new")
                lexical = _lexical(masked, text, m, mentions, trig.type)
                date, date_cue = _date(
                    trig.type, text, m, dates, sent, local, view.published, previous_date
                )
                # dates that are not this trigger's: another event's, or what a government speaks of
                not_its_own = (
                    foreign
                    | _events_dates(trig, m, dates)
                    | {d.date for d in dates if d.date and _set_apart_before(text, d, m)}
                    | {d.date for d in dates if d.date and _crimes_date(text, d, m)}
                    | {d.date for d in dates if d.date and _acts_year(text, d, m)}
                    | _before_a_perfect(trig.type, text, m, dates)
                )
                actors = clause[-40:]  # where a government acting stands
                intl = bool(_INTERNATIONAL.search(actors))  # "the UN rights chief urges"
                owners = _event_owners(text, m, mentions)
                diplomacy = trig.type is DevelopmentType.DIPLOMATIC_ACTION
                # (the holder reporting another's diplomacy is not its speaker: "Russia says the
                # U.S. has called to demand X's release")
                speaker = _speaker(clause) if diplomacy else actors
                for case, relation in targets:
                    if (
                        _others_news(trig.type, relation)
                        or _helped_by_subject(trig.type, m, relation)
                        or (owners and case not in owners)
                    ):
                        others.add((case, trig.type, sent.index))
                        continue
                    if diplomacy and _meets_the_detainee(text, m, mentions, case):
                        continue  # a visit to the detainee: its consular candidate tells it
                    if trig.id == "con.meets" and not (
                        _meets_the_detainee(text, m, mentions, case)
                        and (C.CONSULAR_CONTEXT.search(text) or _held_told(view.sentences))
                    ):
                        continue  # officials meeting others about the case, or someone free
                        # ("Biden meets with Netanyahu"): no consular visit
                    rule = rule_by_sentence.get((case, trig.type, text))
                    holder = C.HOLDERS.get(view.holders.get(case, ""))
                    if holder is not None and holder.search(speaker):
                        talks = bool(_BETWEEN_STATES.search(text))
                        if trig.id == "dip.actor" and not talks:
                            continue  # the holder announcing its own act is no diplomacy
                        # (but its words on talks or a swap with another state may be: "Russia
                        # hopeful for prisoner swap with US", "Moscow in dialogue with
                        # Washington on X", weighed apart from its other acts)
                        relation = [*relation, "holder_talks" if talks else "holder_acts"]
                    citizenship = view.citizens.get(case, ())
                    if "rel=doc" in relation and O.of_other_nations(
                        text, m, citizenship, view.holders.get(case, ""), item_text
                    ):
                        # "Iran frees French tourist" in an item about a Swede (and "the
                        # tourist" after it is that one too)
                        told_of_others.add(trig.type)
                        continue
                    own_states = [c for c in citizenship if c != view.holders.get(case)]
                    if trig.id == "rel.own_custody" and not _own_state_acts(m.group(0), own_states):
                        continue  # in another state's (or the holder's own) custody: no release
                    if trig.id == "det.custody" and _in_own_custody(m, text, own_states):
                        continue  # in one's own state's custody: released, not detained
                    if trig.id == "det.held" and _case_holds(text, m, mentions, case):
                        continue  # "X has been holding rallies": the case holds something
                    if trig.id == "tra.moved" and _own_state_acts(
                        text[m.end() : m.end() + 40], own_states
                    ):
                        continue  # "handed over to Ukraine" (a Ukrainian): freed, not moved
                    if _own_state_acts(actors, citizenship):
                        relation = [*relation, "citizen_acts"]  # "Australia's foreign minister"
                    if intl:
                        relation = [*relation, "intl_acts"]
                    feats = [
                        f"T={trig.type}",
                        f"tr={trig.id}",
                        f"w={trig.type}:{m.group(0).lower()}",
                        *relation,
                        *sentence_cues,
                        *local,
                        *lexical,
                        date_cue,
                    ]
                    if trial_told and trig.id == "hea.court":
                        feats.append("trial_told")  # the court appearance may be the trial
                    if trig.id == "dip.actor" and _tells_event(text):
                        feats.append("says_event")  # "Israel says hostage's body found": news
                    if trig.type is DevelopmentType.DIPLOMATIC_ACTION:
                        if _EVENT_OBJECT.match(text, m.end()) or (
                            _DREW.search(m.group(0)) and _EVENT_SUBJECT.search(clause)
                        ):
                            feats.append("event_object")  # "condemns the arrest of"
                        feats.extend(_diplomatic_frame(feats, clause))
                        feats.extend(_diplomatic_stance(feats, text, clause))
                    if rule is not None:
                        feats.append("rule")
                        feats.append(f"rule:{trig.type}")
                        feats.append(
                            f"rule_conf={_bucket(round(rule.confidence * 100), (70, 79, 89))}"
                        )
                        if len(view.sentences) > 8:
                            feats.append("rule_long")  # an article, not a feed item
                    elif (case, trig.type) in rule_keys:
                        feats.append("rule_doc")
                    typed = [
                        f"{f}|{trig.type}" for f in feats if not f.startswith(("T=", "w=", "tr="))
                    ]
                    picked, dated_by = _pick_date(rule, date, date_cue, view.published, not_its_own)
                    out.append(
                        Candidate(
                            case,
                            trig.type,
                            sent.index,
                            text,
                            trig.id,
                            tuple(dict.fromkeys([*feats, *typed])),
                            picked,
                            rule.outcome if rule is not None else _outcome(trig.type, text),
                            rule.detail if rule is not None else _detail(trig.type, text),
                            dated_by,
                        )
                    )
        dated = [d.date for d in dates if d.date is not None]
        if dated:
            previous_date = dated[-1]
    left_out = _left_out(view, doc_cases)
    apart = _told_apart(view)
    out = [
        c
        for c in out
        if not (
            (c.type in told_of_others or (c.case in left_out and c.type in _FREED))
            and ("rel=doc" in c.features or "outside_clause" in c.features)
        )
        and not (c.type in _FREED and c.sentence in left_out.get(c.case, ()))
        and not (c.case in apart and not _NAMESAKE_REFERENCES.isdisjoint(c.features))
    ]
    found = out + _rule_only(view, out, others, doc_cases, first_body, n_units)
    if _died_at_home(item_text):
        # "has died in his Moscow home": no death in custody, here or in the headline that
        # tells the same death ("dies in Moscow")
        found = [c for c in found if c.type is not DevelopmentType.DIED]
    return found


def _told_apart(view: ArticleView) -> set[str]:
    """Cases the item tells apart from someone it is about ("Blogger Andrei X detained || He is
    not related to jailed unionist Siarhei X"): a surname alone, a pronoun or a descriptor is the
    other's."""
    return {
        case
        for sent, mentions in zip(view.sentences, view.mentions, strict=True)
        for x in mentions
        if x.kind == "name" and O.UNRELATED_BEFORE.search(sent.text, max(0, x.start - 50), x.start)
        for case in x.cases
    }


_NAMESAKE_REFERENCES = frozenset(("mk=surname", "mk=pronoun", "rel=doc"))
_FREED = (DevelopmentType.RELEASED, DevelopmentType.BAIL)
# The case said to be left out of a release the item tells of others: "X was not among those
# freed", "X remains in prison", "X is still serving his sentence", "X was left behind".
_LEFT_OUT_AFTER = re.compile(
    # (a headline drops the verb: "Journalist X Not Among Them")
    r"(?:\s*,[^,]{0,60},)?(?:\s+and\s+[^,.;]{0,50}?)?\s+"
    r"(?:(?:(?:was|were|is|are)\s+)?(?:not|n['’]t)\s+(?:among|on\s+(?:the|that)\s+"
    r"list|one\s+of|part\s+of|included|freed|released)|"
    r"(?:(?:still|also)\s+)?(?:remain(?:s|ed)?|stay(?:s|ed)?)\s+(?:(?:in\s+(?:prison|jail|custody|"
    r"detention)|behind\s+bars|detained|jailed|imprisoned|held|in\s+\w+\s+(?:prison|custody))\b)|"
    r"(?:is|was|are|were)\s+still\s+(?:being\s+)?(?:held|detained|jailed|imprisoned|serving|"
    r"in\s+(?:prison|jail|custody|detention)|behind\s+bars)|"
    r"(?:was|were)\s+left\s+behind|"
    r"(?:was|were|is|are)\s+not\s+(?:granted|given|offered)\s+(?:leave|bail|release|furlough|"
    r"a\s+pardon|clemency))",
    re.I,
)


_LEFT_OUT_BEFORE = re.compile(
    r"\b(?:(?:did|does|do)\s*(?:not|n['’]t)\s+include|(?:but|except)\s+not(?:\s+that\s+of)?|"
    r"excluded|excluding|except(?:\s+for)?)\s+(?:[\w'’.-]+\s+){0,3}?$",
    re.I,
)


def _left_out(view: ArticleView, doc_cases: Sequence[str]) -> dict[str, set[int]]:
    """Cases the item says stayed held (as subject, just after their name), with the sentences
    that say so: a release told there, or in a sentence that names no case, is someone else's
    ("Myanmar amnesty frees 5,000 || X was not among those released"; "Iran pardons thousands,
    but not dual nationals" leaves out whom the item is about)."""
    out: dict[str, set[int]] = {}
    for sent, mentions in zip(view.sentences, view.mentions, strict=True):
        if not mentions and any(
            _BUT_NOT_DESCRIBED.match(sent.text, r.end()) for r in _RELEASE_WORD.finditer(sent.text)
        ):
            for case in doc_cases:
                out.setdefault(case, set()).add(sent.index)
        for x in mentions:
            if _LEFT_OUT_AFTER.match(sent.text, x.end) or _LEFT_OUT_BEFORE.search(
                sent.text, max(0, x.start - 50), x.start
            ):
                for case in x.cases:
                    out.setdefault(case, set()).add(sent.index)
    return out


# Whose event: "Daunte Wright's death", "the killing of Víctor Jara", "Alex Saab's extradition".
_OWNER_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w.-]+)['’]s\s+$")
# ... or a full name as a noun's modifier: "Harry Dunn death", "the Sarah Everard murder".
_NAME_BEFORE = re.compile(r"(?<![\w'’.-])((?:[A-Z][\w'’.-]+\s+){1,2}[A-Z][\w.-]+)\s+$")
_OWNER_AFTER = re.compile(r"^\s+of\s+(?:the\s+)?((?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w.-]+)")


# Deaths of people the case is said to have harmed: "the deaths of seven babies", "murder of
# her two children", "killing of a police officer".
_PEOPLE_NOUNS = (
    r"(?:bab(?:y|ies)|child(?:ren)?|infants?|kids?|people|persons|victims?|men|women|man|woman|"
    r"girls?|boys?|teens?|teenagers?|students?|patients?|officers?|officials?|soldiers?|"
    r"civilians?|wife|husband|sons?|daughters?|mother|father|parents|famil(?:y|ies)|"
    r"captors?|kidnappers?|abductors?|gunmen|militants?|attackers?|assailants?|"
    r"neighbou?rs?|friends?|tourists?|worshippers|protesters?|prisoners?|inmates?|detainees?)"
)
_AROUND = (
    # people around the case and people by trade: "his bodyguard", "a pro-Kremlin blogger"
    r"brothers?|sisters?|cousins?|nephews?|nieces?|uncles?|aunts?|grand(?:mother|father|son|"
    r"daughter)s?|partners?|girlfriends?|boyfriends?|fianc[ée]e?s?|colleagues?|aides?|"
    r"bodyguards?|guards?|drivers?|pilots?|guests?|followers?|fans?|passengers?|residents?|"
    r"villagers?|bloggers?|rappers?|singers?|scientists?|cinematographers?|photographers?|"
    r"journalists?|reporters?|"
    # a nationality in the plural: "the deaths of four Americans"
    r"(?:" + C.DEMONYMS + r")s|britons|brits"
)
_OTHER_PEOPLE = "(?:" + _PEOPLE_NOUNS + "|" + _AROUND + ")"
_COUNTS = (
    r"at least|more than|two|three|four|five|six|seven|eight|nine|ten|several|dozens of|"
    r"hundreds of|dozens|scores|hundreds|thousands|\d[\d,]*"
)
_DEATHS_OF_PEOPLE = re.compile(
    r"^\s+of\s+(?:(?:his|her|their|the|a|an|"
    + _COUNTS
    + r")\s+)*(?:[\w-]+\s+){0,2}?"
    + _PEOPLE_NOUNS
    + r"\b",
    re.I,
)
# ... and the state putting a number of others to death: "Iran executes two prisoners" (but
# "Iran executes a man" may be the item's case, told by a descriptor).
_EXECUTES_PEOPLE = re.compile(
    r"^\s+(?:(?:" + _COUNTS + r")\s+)+(?:[\w-]+\s+){0,2}?" + _PEOPLE_NOUNS + r"\b", re.I
)
# The case killing someone: "X killed two people" (but "X killed in airstrike" is his death).
_KILLED_OBJECT = re.compile(
    r"^\s+(?:his|her|their|the|a|an|two|three|four|five|six|seven|eight|nine|ten|several|"
    r"dozens|hundreds|at least|\d[\d,]*|(?-i:[A-Z])[\w'’-]+)\b",
    re.I,
)


_KILLED_OTHERS_OF = re.compile(
    r"\s+(?:(?:" + _COUNTS + r")\s+)*(?:[\w-]+\s+){0,2}?" + _PEOPLE_NOUNS + r"\s+of\b"
    r"(?!\s+(?:" + _COUNTS + r"|one)\b)",  # ("father of two X" is X)
    re.I,
)


_WHO_BEFORE = re.compile(r"\bwho\s+(?:\w+ly\s+)?(?:\w+\s+and\s+)?$", re.I)  # "who shot and"
_CAUSING = re.compile(r"\bcaus(?:e|es|ed|ing)\s+(?:(?:his|her|their|the|a)\s+)?$", re.I)


# Another person as the subject who died: "a 16-year-old girl who reportedly died", "one of his
# bodyguards was run over and killed", "three of four guests died", "those found dead".
_ANOTHER_DIES = re.compile(
    r"(?:\b(?:(?P<new>an?)|his|her|their|one\s+of\s+(?:his|her|their|the))\s+"
    r"(?:[\w'’-]+\s+){0,3}?"
    + _OTHER_PEOPLE
    + r"|\b(?:those|dozens|hundreds|thousands|scores|(?:"
    + _COUNTS
    + r")\s+of\s+(?:[\w-]+\s+){0,2}?"
    + _OTHER_PEOPLE
    + r"))[\s,]+(?:(?:who|that)\s+)?"
    r"(?:(?:was|were|is|are|has|have|had|been|being|reportedly|allegedly|recently|later|then|"
    r"also|found|left|shot|beaten|stabbed)\s+){0,3}(?:\w+\s+(?:\w+\s+)?and\s+)?$",
    re.I,
)

# A legal step, then when someone else died: "star arrested after man dies", "driver charged
# after woman killed" (the one the step is taken against is the subject before).
_DIES_AFTER_STEP = re.compile(
    r"\b(?:arrest(?:ed|s)|charged|held|detained|jailed|convicted|sentenced|questioned|bailed|"
    r"quizzed|sued)\s+(?:[\w'’-]+\s+){0,4}?(?:after|as|when|following)\s+(?:an?\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?"
    + _OTHER_PEOPLE
    + r"\s+(?:(?:was|is|has|had|reportedly|allegedly)\s+)?$",
    re.I,
)

# A sentence that opens on someone new: "A West Virginia man was arrested ...", "A man whose
# identity X used has been arrested".
_NEW_SOMEONE = re.compile(
    r"^\W*(?:an?|another)\s+(?:[\w'’.-]+\s+){0,3}?(?:"
    + C.DESCRIPTOR_WORDS
    + "|"
    + _AROUND
    + r")s?\b",
    re.I,
)


def _someone_new_acts(
    text: str, head: re.Match[str] | None, m: re.Match[str], mentions: Sequence[Mention]
) -> bool:
    """Whether the sentence opens on someone new (`head`, "A man ...", `_NEW_SOMEONE`) who the
    trigger's event is about, the case named only further on: in a clause of its own ("whose
    identity X used") or after the trigger ("... arrested on charges he threatened X"). A name
    right after the opening noun is that someone ("A Nigerian man nicknamed X")."""
    if head is None or head.end() > m.start() or not mentions:
        return False
    first = min(mentions, key=lambda x: x.start)
    appositive = text[: first.start].rstrip().endswith(",") and text[first.end :].lstrip()[:1] in (
        ",",
        ")",
    )  # "A British aid worker jailed in Iran, X, was freed"
    return (
        first.start >= head.end()
        and not appositive
        and not _NAMED_AS.fullmatch(text[head.end() : first.start])
    )


_AMONG_BEFORE = re.compile(r"\b(?:was|is|were|are|as|among)\s+$", re.I)
# What joins an opening noun to the name that is the same person: "A man, X,", "nicknamed".
_NAMED_AS = re.compile(
    r"[\s,(–—-]*(?:(?:nicknamed|named|called|known as|identified as|dubbed)\s+)?['‘\"“]?",
    re.I,
)


def _dies_after_a_step(text: str, m: re.Match[str], mentions: Sequence[Mention]) -> bool:
    """Whether a death follows a legal step against someone else, its new subject unnamed:
    "porn star arrested after man dies in ritual" (the one arrested is not the one who died)."""
    if m.group(0).lower() not in ("died", "dies", "dead", "killed"):
        return False
    step = _DIES_AFTER_STEP.search(text, max(0, m.start() - 80), m.start())
    return (
        step is not None
        and not any(step.start() <= x.start < m.start() for x in mentions)
        # (a death in custody is the held person's, whom a case may be: "officers charged
        # after inmate dies in police custody")
        and not _HELD_PERSON.search(step.group(0))
        and not _IN_CUSTODY_AFTER.match(text, m.end())
    )


_HELD_PERSON = re.compile(r"\b(?:prisoners?|inmates?|detainees?|captives?|hostages?)\b", re.I)
_IN_CUSTODY_AFTER = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:in|behind)\s+(?:\w+\s+)?(?:custody|prison|jail|detention|cells?|"
    r"bars)\b",
    re.I,
)


def _another_dies(text: str, m: re.Match[str], mentions: Sequence[Mention]) -> bool:
    """Whether the one who died is another person the sentence introduces or relates to the
    case ("X was arrested at the funeral of Y, a girl who died"; "his bodyguard was killed"). A
    person introduced as "a man" is another only after the case is named (a sentence that
    names no case may describe it: "a British-Iranian man was executed")."""
    if m.group(0).lower() not in ("died", "dies", "dead", "killed", "executed", "hanged"):
        return False
    base = max(0, m.start() - 80)
    subject = _ANOTHER_DIES.search(text, base, m.start())
    if subject is None or any(subject.start() <= x.start < m.start() for x in mentions):
        return False
    if _AMONG_BEFORE.search(text, 0, subject.start()):
        return False  # "X was one of the prisoners executed": the case among them
    if not subject.group("new"):
        return True
    before = [x for x in mentions if x.end <= subject.start()]
    # (but "X, a British-Iranian man who was executed" is the case's appositive)
    return bool(before) and not _NAMED_AS.fullmatch(
        text[max(x.end for x in before) : subject.start()]
    )


def _death_of_another(text: str, m: re.Match[str], mentions: Sequence[Mention]) -> bool:
    """Whether a death belongs to someone else: "sentenced for Daunte Wright's death", "charged
    in the killing of Víctor Jara", "convicted over the deaths of seven babies", "X killed two
    people"."""
    word = m.group(0).lower()
    before = text[max(0, m.start() - 40) : m.start()]
    if word == "killed" and _KILLED_OTHERS_OF.match(text, m.end()):
        return True  # "the raid killed several captors of X": people around the case died
    if word == "killed":
        # The case (named before, or "who") killed someone: "X, a retired miner, killed his
        # wife", "the officer who killed Sarah Everard" (but "gunmen killed journalist X").
        return (
            not _AUXILIARY_BEFORE.search(before)
            and bool(_KILLED_OBJECT.match(text[m.end() : m.end() + 30]))
            and not any(m.end() <= x.start <= m.end() + 50 for x in mentions)
            and (any(x.end <= m.start() for x in mentions) or bool(_WHO_BEFORE.search(before)))
        )
    if word == "death" and _killed_another_to_death(text, m, mentions):
        return True  # "X beat Zara Aleena to death", "who stabbed to death a young man"
    if word in ("death", "deaths") and _CAUSING.search(before):
        return True  # "pleaded guilty to causing his death", "causing death by dangerous driving"
    if (
        word in _LABEL_DEATHS
        and text.startswith(":", m.end())
        and ":" not in text[: m.start()]
        and not any(x.start < m.start() for x in mentions)
    ):
        return True  # a headline filed under another's death: "Bestival death: X conviction
        # overturned", "Essex lorry deaths: Driver X admits manslaughter"
    if (
        word in _DEATH_NOUNS
        and _PERSON_OWNS.search(before)
        and not any(_KIN_OF_CASE.match(text, x.end) for x in mentions if x.end <= m.start())
    ):
        return True  # "X missing; mother's body found", "convicted over his wife's death" (but
        # "X's mom describes son's death": the case, told by its kin)
    if word in ("executes", "executed", "hangs", "hanged"):
        people = _EXECUTES_PEOPLE.match(text[m.end() : m.end() + 60])
        end = m.end() + people.end() if people is not None else -1
        # (but "executes two prisoners, including X")
        return people is not None and not any(m.end() <= x.start <= end + 12 for x in mentions)
    if word in ("death", "deaths", "killing", "killings", "murder", "execution", "executions"):
        people = _DEATHS_OF_PEOPLE.match(text[m.end() : m.end() + 60])
        end = m.end() + people.end() if people is not None else -1
        if people is not None and not any(end <= x.start <= end + 30 for x in mentions):
            return True  # (but "the death of Kurdish woman X" is the case's)
    return _owned_by_another(text, m, mentions)


def _killed_another_to_death(text: str, m: re.Match[str], mentions: Sequence[Mention]) -> bool:
    """Whether "to death" ends a killing whose victim is someone else the sentence names or
    brings in: "X beat Zara Aleena to death", "who stabbed to death a young man" (but "guards beat
    X to death" is the case's death, and "beat the activist to death" may be)."""
    base = max(0, m.start() - 70)
    victim = _KILLED_VICTIM.search(text, base, m.start())
    if victim is not None:
        return not any(victim.start("obj") <= x.start < m.start() for x in mentions)
    return bool(
        _NEW_VICTIM_AFTER.match(text, m.end()) and _KILL_VERB_BEFORE.search(text, base, m.start())
    )


# Words that bring someone new in before a noun: "a man", "his wife", "two others".
_NEW_PERSON = r"his|her|their|an?|another|two|three|four|five"
_KILL_VERBS = (
    r"shot|beat|beaten|stabbed|hacked|burned|burnt|tortured|crushed|starved|stoned|bludgeoned|"
    r"strangled|choked|trampled|kicked|clubbed|battered|mauled"
)
# ... the victim between the verb and "to death": a name or someone brought in new.
_KILLED_VICTIM = re.compile(
    r"\b(?:" + _KILL_VERBS + r")\s+(?P<obj>(?:(?:" + _NEW_PERSON + r")"
    r"\s+(?:[\w'’-]+\s+)?|(?-i:[A-Z][\w'’-]+\s+){2,3}))to\s+$",
    re.I,
)
_KILL_VERB_BEFORE = re.compile(r"\b(?:" + _KILL_VERBS + r")\s+to\s+$", re.I)
_NEW_VICTIM_AFTER = re.compile(r"\s+(?:" + _NEW_PERSON + r"|\d+)\s", re.I)
_LABEL_DEATHS = frozenset(("death", "deaths", "murder", "murders", "killing", "killings"))
_DEATH_NOUNS = frozenset(
    ("body", "bodies", "death", "deaths", "killing", "slaying", "assassination", "suicide")
)
# The case's kin, who may speak of the case as theirs: "Tyre Nichols' mom".
_KIN_OF_CASE = re.compile(
    r"['’]s?\s+(?:\w+\s+)?(?:mom|mother|father|dad|parents|wife|husband|widow|family|sister|"
    r"brother|son|daughter)\b",
    re.I,
)


# Events told as nouns, which an owner's name makes someone's: "Alex Saab's extradition".
_EVENT_NOUNS = frozenset(
    "death deaths killing killings murder arrest detention release extradition trial "
    "conviction execution abduction kidnapping transfer pardon disappearance".split()
)


def _owned_by_another(text: str, m: re.Match[str], mentions: Sequence[Mention]) -> bool:
    """Whether an event noun is owned by a name that is not the case's: "hours after Alex Saab's
    extradition", "the killing of Víctor Jara", "Harry Dunn death:", "crackdown tightened with
    Win Htein arrest" (not "Iran's arrest of X", nor "the death of Kurdish woman X", whose
    owner is the case)."""
    if m.group(0).lower().split()[-1] not in _EVENT_NOUNS:  # ("after the extradition")
        return False
    after = text[m.end() : m.end() + 60]
    base = max(0, m.start() - 40)
    named = _NAME_BEFORE.search(text[base : m.start()])
    if (
        m.group(0).islower()  # (a Title Case headline capitalises every word)
        and named is not None
        and _another_name(named, base, mentions, m)
    ):
        return True
    before = _OWNER_BEFORE.search(text[base : m.start()])
    if (
        before is not None
        and not re.match(r"\s+(?:of|against|on)\b", after)
        and _another_name(before, base, mentions, m)
    ):
        return True
    own = _OWNER_AFTER.match(after)
    if own is not None:
        hi = m.end() + own.end(1)
        soon = any(hi <= x.start <= hi + 30 for x in mentions)
        if not soon and _another_name(own, m.end(), mentions, m):
            return True
    return False


_OWNER_JOIN = re.compile(r"(?:['’]s?)?\s+")
_OWNED_OF = re.compile(r"\s+of\s+(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,3}?")


# From a name to a trigger in its relative clause: ", the American veteran who spent ... before
# being " (no other clause's comma between).
_RELATIVE_OF = re.compile(r",\s+(?:[^,;:()]{0,60}?\s)?(?:who|whom)\s[^,;:()]{0,140}", re.I)


def _event_owners(text: str, m: re.Match[str], mentions: Sequence[Mention]) -> set[str]:
    """The cases whose event an event noun is: "after Griner's release", "Griner Release", "the
    release of jailed reporter X". Another case in the sentence is not its subject ("Fogel
    remains in Russia after Griner release"). A participle before a name is that name's
    ("convicted arms dealer X"), a verb in a relative clause its antecedent's."""
    word = m.group(0).lower()
    after = [x for x in mentions if x.start >= m.end()]
    if (
        word.endswith("ed")
        and after
        and _starts_noun_phrase(text[: m.start()])
        and _ATTRIBUTIVE.match(text[m.end() :])
        and not re.search(r"[,;:.()]", text[m.end() : after[0].start])
    ):
        return set(after[0].cases)  # "a swap for convicted arms dealer X": whom it describes
    if re.search(r"swap|exchang|trade", word) and after and after[0].start - m.end() <= 45:
        return set()  # "in a swap for X": a swap frees both sides
    earlier = [x for x in mentions if x.end <= m.start()]
    if earlier and _RELATIVE_OF.fullmatch(text, earlier[-1].end, m.start()):
        # "Reed, the veteran who spent three years in Russia before being freed, urged ...
        # freeing Griner": the relative clause's verb is its antecedent's
        return _named_with(earlier[-1], text, mentions)
    if _unnamed_antecedent(text, m, mentions, earlier):
        # "requested that a former colonel who was convicted of murder be included in the swap
        # of X for Y": the relative clause's verb is its unnamed antecedent's
        return set(_NOBODY)
    if word.split()[-1] not in _EVENT_NOUNS:
        return set()
    of_name = O.OF_NAME.match(text, m.end())
    if (
        of_name
        and not any(x.start < of_name.end() and of_name.start(1) < x.end for x in mentions)
        and O.person_name(text, of_name.start(1), of_name.end(1), governed=True)
    ):
        return set(_NOBODY)  # "the release of Lucie Marchand": someone the item names
    for x in mentions:
        before = x.end <= m.start() and _OWNER_JOIN.fullmatch(text, x.end, m.start())
        # "the release of (WNBA star) X"
        of = x.start >= m.end() and _OWNED_OF.fullmatch(text, m.end(), x.start)
        if before or of:
            return _named_with(x, text, mentions)
    return set()


# A relative clause whose antecedent is a person the sentence does not name, ending at the
# trigger: "a former colonel from the spy agency who was convicted".
_UNNAMED_RELATIVE = re.compile(
    r"\b(?:a|an|the)\s+(?:[\w'’.-]+\s+){0,8}?(?:who|whom)\s+"
    r"(?:(?:had|has|have|was|were|is|are|been|being|also|later|reportedly|allegedly)\s+){0,3}$",
    re.I,
)
# ... named after all: "who were kidnapped have been identified as X and Y", "..., X, ...".
_IDENTIFIED_AS = re.compile(
    r"(?:\b(?:identified|named)(?:\s+as)?|\b(?:is|are|was|were)|:|,)\s+(?:[\w'’.-]+\s+){0,2}?$",
    re.I,
)
_IS_THE_ANTECEDENT = re.compile(
    r"\s*(?:[,(–—-]|(?:is|was|are|were)(?:\s+(?:one\s+of|among))?)\s*", re.I
)
_NOBODY = frozenset({""})  # an owner no case is


def _unnamed_antecedent(
    text: str, m: re.Match[str], mentions: Sequence[Mention], earlier: Sequence[Mention]
) -> bool:
    """Whether the trigger is the verb of a relative clause about a person the sentence does
    not name (not "X, a former colonel who was convicted", nor "... identified as X")."""
    rel = _UNNAMED_RELATIVE.search(text, max(0, m.start() - 120), m.start())
    if rel is None or not mentions or any(rel.start() <= x.start < m.start() for x in mentions):
        # (a sentence that names no case may speak of the item's: "a man who was executed")
        return False
    if earlier and _IS_THE_ANTECEDENT.fullmatch(text, earlier[-1].end, rel.start()):
        # "X, a former colonel who ...", "X was among the journalists who ...", "X was the only
        # foreigner who ...": X is the antecedent
        return False
    return not any(
        x.start >= m.end() and _IDENTIFIED_AS.search(text, m.end(), x.start) for x in mentions
    )


def _named_with(owner: Mention, text: str, mentions: Sequence[Mention]) -> set[str]:
    """The owner's cases and those named with it: "the release of X and Y"."""
    return {c for g in conjoined(text, mentions) if set(owner.cases) & set(g) for c in g}


def _anothers_event(
    text: str, m: re.Match[str], mentions: Sequence[Mention], kind: DevelopmentType
) -> bool:
    """Whether the trigger tells another named person's event, whoever the case is to it: "trial
    for Daunte Wright's death", "after Alex Saab's extradition", "for convicted arms dealer
    Viktor Bout", "Halyna Hutchins was killed" (a government's diplomacy is told of others)."""
    if kind is not DevelopmentType.DIPLOMATIC_ACTION and (
        _describes_another(text, m, mentions) or _subject_is_another(text, m, mentions, kind)
    ):
        return True
    if kind is DevelopmentType.DIED:
        return _death_of_another(text, m, mentions)
    if kind in (DevelopmentType.TRIAL, DevelopmentType.HEARING) and _witness_against(
        text, m, mentions
    ):
        return True  # "X gives evidence against Y at a murder trial": Y's trial
    if kind in _COUNTED_KINDS and (
        _others_counted(text, m, mentions) or _people_are_subject(text, m, mentions)
    ):
        return True
    if _HELPERS_SUBJECT.match(text[: m.start()]):
        return True  # "Two men accused of helping X flee Japan were arrested": the helpers'
    return _owned_by_another(text, m, mentions)


_WITNESS_AGAINST = re.compile(
    r"\b(?:testif(?:y|ies|ied|ying)|(?:gives?|gave|giving)\s+evidence)\s+against\s+"
    r"(?:[\w'’.-]+\s+){0,3}?(?-i:[A-Z])",
    re.I,
)


def _witness_against(text: str, m: re.Match[str], mentions: Sequence[Mention]) -> bool:
    """Whether the case, named before it, testifies against someone who is no case, in the
    proceeding the trigger tells of: the proceeding is the accused's."""
    w = _WITNESS_AGAINST.search(text)
    return (
        w is not None
        and w.start() <= m.start()
        and any(x.end <= w.start() for x in mentions)
        and not any(w.start() <= x.start < w.end() + 30 for x in mentions)
    )


# The sentence's subject is people who helped the case, and the verb is theirs: "Two men
# accused of helping to smuggle X out of Japan were arrested", "the couple who sheltered X
# have been charged".
_HELPERS_SUBJECT = re.compile(
    r"^\W*(?:[\w'’.-]+\s+){0,5}?(?:men|women|people|persons|suspects|others|couple|"
    r"brothers|associates|accomplices|aides|guards|officers|officials)\s+(?:who\s+(?:are|were)\s+)?"
    r"(?:(?:accused|suspected|charged|alleged|convicted)\s+of\s+|who\s+)(?:allegedly\s+)?"
    r"(?:help\w*|aid\w*|assist\w*|abett\w*|smuggl\w*|harbou?r\w*|hid\w*|shelter\w*)\b"
    r"[^.;:]*\b(?:were|are|have\s+been|had\s+been)\s+(?:\w+ly\s+)?$",
    re.I,
)


_COUNTED_KINDS = frozenset(
    {
        DevelopmentType.DETAINED,
        DevelopmentType.CHARGED,
        DevelopmentType.TRIAL,
        DevelopmentType.VERDICT,
        DevelopmentType.SENTENCED,
    }
)
# A number of people arrested: "some 14,000 arrested", "28 people, arrested since protests
# began", "Over 40 journalists have been arrested", "Peru arrests three police generals".
# (not a year, "the January 2022 abduction of X", nor an age, "Ex-Nazi camp secretary, 97,")
_NOT_A_YEAR = r"(?<!,\s)(?!(?:1[89]|20)\d\d\b)"
_COUNTED_BEFORE = re.compile(
    r"\b" + _NOT_A_YEAR + r"(?:" + _COUNTS + r")\s+"
    r"(?:(?:[\w-]+\s+){0,2}?(?:" + _OTHER_PEOPLE + r"|others),?\s+)?"
    r"(?:(?:who|that|have|had|has|were|was|are|is|been|being|reportedly|also|stand|stood|go|"
    r"went|on)\s+){0,3}$",
    re.I,
)

_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.I
)


def _counted(pattern: re.Pattern[str], text: str, start: int = 0) -> re.Match[str] | None:
    """A count of people ending `text`, unless its number is a day of a month ("a court on
    January 22 acquitted X", "Iran on Dec. 12 executed X": a date, not 22 or 12 people)."""
    count = pattern.search(text, start)
    if count is not None and _MONTH_BEFORE.search(text, max(0, count.start() - 12), count.start()):
        return None
    return count


_COUNTED_AFTER = re.compile(
    r"^\s+(?:" + _NOT_A_YEAR + r"(?:" + _COUNTS + r")\s+)+(?:[\w-]+\s+){0,2}?"
    r"(?!(?:years|months|weeks|days|hours|times)\b)[a-z]+s\b",
    re.I,
)
# The words that name someone among counted people: "two journalists, including X", "three
# men, among them X".
_AMONG_WORDS = r"(?:including|among them|among whom|such as)"
_INCLUDING = re.compile(r",?\s*" + _AMONG_WORDS + r"\s+(?:[\w'’-]+\s+){0,3}?", re.I)
_JOINED_TO = re.compile(r"\s*(?:,|and|&|with|along with)\s*", re.I)  # "X and four others"
# "Hundreds detained, including opposition leader X", "Dozens arrested, X among them"
_INCLUDING_AFTER = re.compile(
    r"[^.;:!?]{0,60}?\b" + _AMONG_WORDS + r"\s+(?:[\w'’.-]+\s+){0,4}?$", re.I
)
_AMONG_THEM_AFTER = re.compile(r"\s*,?\s*(?:among|one of) them\b", re.I)


# Plural people as the subject of the verb or the owners of the event: "why journalists are
# being arrested", "whose lawyers were detained" ...
_PLURAL_PEOPLE = (
    r"\b(?:people|men|women|children|journalists|reporters|activists|protesters|protestors|"
    r"demonstrators|prisoners|detainees|inmates|students|lawyers|attorneys|members|supporters|"
    r"officials|soldiers|officers|dissidents|critics|relatives|aides|allies|colleagues|"
    r"employees|workers|others|suspects)"
)
# ... or, in a headline's passive without its auxiliary, the people around someone or the
# state's agents who acted on them: "ex-MP says relatives and friends arrested", "Louisiana
# officers charged in motorist's deadly arrest".
_CIRCLE_SUBJECT = re.compile(
    r"\b(?P<who>relatives|family\s+members|friends|supporters|aides|allies|colleagues|"
    r"associates|lawyers|officers|policemen|guards|deputies|troopers|jailers|wardens)"
    r"(?:\s+and\s+(?:[a-z]+\s+)?[a-z]+)?\s+$",
    re.I,
)
# A verb's object right after it (no preposition, conjunction or punctuation first).
_OBJECT_AFTER = re.compile(
    r"\s+(?!(?:in|on|of|for|over|with|after|before|at|by|as|amid|during|following|to|from|"
    r"and|but|or|while|when|since|until|last|this|earlier|yesterday|today)\b)[\w'’$£€-]",
    re.I,
)
_PLURAL_SUBJECT = re.compile(
    r"(?P<who>" + _PLURAL_PEOPLE + r")(?:"
    # ... with what describes them ("protesters calling for the release of X have been
    # detained", "supporters of X were arrested") ...
    r"(?:\s+(?:calling|demanding|protesting|rallying|marching|chanting|supporting|backing|"
    r"loyal|close|linked|of|for|from|at|in)\b(?:(?!\b(?:said|says|say|told|tells|confirmed|"
    r"confirms|announced|reported|added|claimed|insisted|stated|that)\b)[^.;:!?]){0,90}?)?"
    # (not "Lawyers for X said she had been charged": a pronoun before the verb is its subject)
    r"(?<!\bshe)(?<!\bhe)(?<!\bthey)(?<!\bit)(?<!\bwe)\s+(?:(?:who|that)\s+)?"
    r"(?:are|were|have\s+been|had\s+been|has\s+been|being|get|got)\s+"
    r"(?:(?:being|also|reportedly|allegedly|now|then|all)\s+){0,2}"
    # ... or as the owners of the event: "Navalny Condemns Lawyers' Arrest"
    r"|['’]\s+)$",
    re.I,
)
# ... unless the case is one of them: "X and six other journalists were", "X and three of her
# colleagues", "X was among the journalists who" (not "X, whose lawyers were").
_AMONG_THEM = re.compile(
    r"\s*(?:,|and|&|with|along with|(?:is|was|are|were)\s+(?:one\s+of|among))\s+(?!whose\b)"
    r"(?:[\w'’-]+\s+){0,4}?",
    re.I,
)


_NAMED_AMONG = re.compile(r"\b(?:" + _AMONG_WORDS + r"|namely)\s+(?:[\w'’.-]+\s+){0,3}?$", re.I)


def _people_are_subject(text: str, m: re.Match[str], mentions: Sequence[Mention]) -> bool:
    """Whether plural people the case is not among are the ones the verb happens to (the case
    named in what describes them is not one of them: "protesters calling for X's release")."""
    circle = _CIRCLE_SUBJECT.search(text, max(0, m.start() - 60), m.start())
    if circle is not None and _OBJECT_AFTER.match(text, m.end()):
        circle = None  # the active voice, its object after: "officers arrested aid worker X"
    if circle is not None and not mentions:
        return True  # "ex-MP says relatives arrested": the people around the item's case
    people = _PLURAL_SUBJECT.search(text, max(0, m.start() - 160), m.start()) or circle
    if people is None or not mentions:
        return False  # (a sentence that names no case may speak of the item's: "2 journalists'")
    noun_end = people.end("who")
    return not any(
        (noun_end <= x.start < m.start() and _NAMED_AMONG.search(text, noun_end, x.start))
        or _AMONG_THEM.fullmatch(text, x.end, people.start())
        for x in mentions
    )


def _others_counted(text: str, m: re.Match[str], mentions: Sequence[Mention]) -> bool:
    """Whether the ones detained, charged, tried or sentenced are a number of people, none of
    them named as the case (but "two Canadians detained" may be the case's group, a plural
    mention): "two journalists stand trial", "Iran sentences three protesters"."""
    before = _counted(_COUNTED_BEFORE, text[: m.start()], max(0, m.start() - 60))
    if before is not None and any(x.end <= before.start() for x in mentions):
        return False  # "X is one of 11 people arrested", "X, of the channel 8 Passengers, was"
    if before is not None:
        span = (before.start(), m.start())
    elif (after := _COUNTED_AFTER.match(text[m.end() : m.end() + 60])) is not None:
        span = (m.end(), m.end() + after.end())
    else:
        return False
    return not any(
        span[0] <= x.start < span[1]
        or _INCLUDING.fullmatch(text, span[1], x.start)
        or _INCLUDING_AFTER.match(text, m.end(), x.start)
        or _AMONG_THEM_AFTER.match(text, x.end)
        or _JOINED_TO.fullmatch(text, x.end, span[0])
        for x in mentions
    )


def _describes_another(text: str, m: re.Match[str], mentions: Sequence[Mention]) -> bool:
    """Whether a participle says who another named person is: "in exchange for convicted arms
    dealer Viktor Bout", "a court convicted journalist Y" (Y is not the case). Only in running
    text: a Title Case headline capitalises every word ("Freed Activist Knew Family ...")."""
    if not (m.group(0).islower() and m.group(0).endswith("ed")):
        return False
    post = text[m.end() :]
    desc = _ATTRIBUTIVE.match(post)
    name = _FULL_NAME.match(post[desc.end() :]) if desc is not None else None
    if desc is None or name is None:
        return False
    lo, hi = m.end() + desc.end() + name.start(), m.end() + desc.end() + name.end()
    return not any(x.start < hi and lo < x.end for x in mentions)


# A full name just before the verb, with its auxiliary: "Halyna Hutchins was killed after X
# fired", "Madeleine McCann disappeared".
_SUBJECT_BEFORE = re.compile(
    r"((?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z])[\w'’-]+){1,2})\s+"
    r"((?:(?:was|were|is|are|has been|had been|have been|reportedly|allegedly|later|then|"
    r"shot|found|stabbed|beaten|pronounced)\s+){0,2})$"
)
# A full name, perhaps its appositive, then "who" and the verb's auxiliaries.
_WHO_CLAUSE = re.compile(
    r"((?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z])[\w'’-]+){1,2})(?:,\s+[^,;.A-Z]{1,60}?)?,?\s+who\s+"
    r"(?:(were|have|are)\s+)?"
    r"(?:(?:has|had|have|was|were|is|are|been|being|reportedly|allegedly|later|then)\s+){0,3}$"
)
_ORGANISATION = re.compile(
    r"\b(?:Radio|Liberty|News|Times|Post|Journal|Press|Agency|Party|Council|Court|University|"
    r"Foundation|Bank|Group|Company|Corporation|Institute|Ministry|Department|Office|Service|"
    r"Army|Police|Church|Club|United|City|Network|Media|Watch|International)\b"
)
_OF_BEFORE_NAME = re.compile(r"\b(?:of|for|to|with|by)\s+(?:[\w-]+\s+){0,3}$", re.I)
_INTRANSITIVE = frozenset("died dies dead disappeared missing".split())
# What joins the case to the subject's name: a conjunction, perhaps after other names (and
# ages) in one list, "X, Y, Z and W were abducted".
_CONJOINED = re.compile(
    r"^(?:\s*(?:,|and|&|, and)\s*(?-i:[A-Z])[\w'’.-]+(?:\s+(?-i:[A-Z])[\w'’.-]+){0,3}"
    r"(?:,\s*\d{1,3})?)*\s*(?:,|and|&|, and)\s*$"
)


def _subject_is_another(
    text: str, m: re.Match[str], mentions: Sequence[Mention], kind: DevelopmentType
) -> bool:
    """Whether another named person is the subject the event happens to: a passive ("Y was
    arrested") or an intransitive verb ("Y died") right after a full name that is not the case,
    nor a state or office, nor joined to the case ("X and Y were arrested"). Running text only
    (a Title Case headline capitalises every word); an active verb's subject acts, so it stays
    ("Justice Department charges X")."""
    word = m.group(0)
    if not word.islower():
        return False
    base = max(0, m.start() - 60)
    who = _WHO_CLAUSE.search(text, max(0, m.start() - 120), m.start())
    if (
        who is not None
        and not who.group(2)  # ("X and Y, who were captured": the case among them)
        and not _ORGANISATION.search(who.group(1))  # ("an editor for Radio Liberty who")
        and _another_name(who, 0, mentions, m)  # (positions in `text`)
    ):
        return True  # "his wife Ana Walshe, a mother of three who has been missing"
    subject = _SUBJECT_BEFORE.search(text, base, m.start())
    if subject is None or not (subject.group(2) or word in _INTRANSITIVE):
        return False
    lo, hi = subject.span(1)
    if (
        C.STATES.search(subject.group(1))
        or C.OFFICIAL.search(subject.group(1))
        or _OF_BEFORE_NAME.search(text, max(0, lo - 40), lo)
    ):
        return False  # (a state, an office; "the husband of Y was arrested": the husband)
    return not any(
        (x.start < hi and lo < x.end) or (x.end <= lo and _CONJOINED.match(text[x.end : lo]))
        for x in mentions
    )


def _another_name(
    owner: re.Match[str], base: int, mentions: Sequence[Mention], m: re.Match[str]
) -> bool:
    """Whether the owner (group 1 of a match at `base` in the sentence) is a capitalised name
    that is neither the case nor a state or office ("Iran", "Kremlin", "South Korea"). In
    running text a state must end the name ("Jordan Neely" is a person); a Title Case headline
    capitalises descriptors too ("Trial of Mexico Ex-Lawman")."""
    name, lo, hi = owner.group(1), base + owner.start(1), base + owner.end(1)
    if (
        not mentions
        and not m.group(0).islower()
        and any(w.lower() in common_words() for w in re.split(r"[\s-]+", name))
    ):
        # a Title Case descriptor where the sentence names nobody: the item's case, as in
        # "Early Release of Bali Bomb Maker" (but "X Arrested In Russian Blogger's Death")
        return False
    state = C.STATES.search(name)
    if state is not None and (
        (m.group(0).islower() and state.end() < len(name))
        or C.DESCRIPTOR.search(name, state.end())  # "Russian Blogger's death": a person's
    ):
        state = None
    return not (
        any(x.start < hi and lo < x.end for x in mentions) or state or C.OFFICIAL.search(name)
    )


def _of_another(text: str, d: DateMention) -> bool:
    """Whether a date belongs to a noun, not a verb: "over 2019 protests", "the 1994 genocide"."""
    after, before = text[d.end : d.end + 30], text[: d.start]
    if re.match(r"the\s+(?:19|20)\d\d\b", d.text, re.I):
        before += "the "  # (the date's span holds its article: "the 2017 ")
    if _DAY_NAMED_IN.search(before) and _MONTH_DAY_ONLY.fullmatch(d.text.strip()):
        return True  # "charged in Jan. 6", "in May 14 elections": a day that names an event
    if re.search(r"\bover\s+$", before) and re.search(r"\bago\s*$", d.text):
        return False  # "kidnapped over a month ago": more than, not a noun's time
    return bool(_NOUN_DATE.search(after) or _DATE_OF_OTHER.search(before))


# A day of the month after "in" (a day takes "on") names an event: "charged in Jan. 6".
_DAY_NAMED_IN = re.compile(r"\bin\s+$", re.I)
_MONTH_DAY_ONLY = re.compile(r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?")


def _pick_date(
    rule: Development | None,
    own: PartialDate | None,
    cue: str,
    pub: dt.date | None,
    foreign: set[PartialDate],
) -> tuple[PartialDate | None, str]:
    """The precise rules' date, unless it is only the publication day (or none) where this
    candidate found a date of its own in the text, or another thing's date; and how the date
    was found."""
    how = cue.removeprefix("date=")
    if rule is None:
        return own, how
    on_pub = _only_publication_day(rule.date, pub)
    if rule.date in foreign and own != rule.date:
        return own, how
    if how == "began" and own is not None:
        return own, how  # "jailed since July 2021, left prison on Saturday": the period's start
    if rule.date is not None and not on_pub:
        return rule.date, "rule"
    if how in ("explicit", "old", "began", "offset", "who", "relative") or rule.date is None:
        return own, how
    return rule.date, "pub"


def _all_vetoed(d: Development, cue_text: str) -> bool:
    """Whether every broad trigger of the rule's type in its sentence (`cue_text`: the words
    of its names that read as others hidden) is vetoed: the same constraints hold for what the
    precise rules found ("extends the detention of X")."""
    matches = [
        (m, t) for t in C.TRIGGERS if t.type is d.type for m in t.pattern.finditer(d.evidence)
    ]
    return bool(matches) and all(_vetoed(cue_text, m, t) for m, t in matches)


def _rule_only(
    view: ArticleView,
    found: Sequence[Candidate],
    others: set[tuple[str, DevelopmentType, int]],
    doc_cases: Sequence[str],
    first_body: int,
    n_units: int,
) -> list[Candidate]:
    """The precise rules' findings that no broad trigger proposed, as candidates of their own
    (but not where every broad trigger of the type told another's event: `others`)."""
    covered = {(c.case, c.type, c.evidence) for c in found if "rule" in c.features}
    by_text = {s.text: s for s in view.sentences}
    out = []
    vetoed: dict[tuple[str, DevelopmentType], bool] = {}  # several cases share one sentence
    cues: dict[str, list[str]] = {}
    for d in view.rule_developments:
        sent = by_text.get(d.evidence)
        if (d.case, d.type, d.evidence) in covered or sent is None:
            continue
        if (d.case, d.type, sent.index) in others:
            continue
        named = [x for x in view.mentions[sent.index] if d.case in x.cases]
        if (
            named
            and all(_kin_span(x, d.evidence, d.type) for x in named)
            and not _SPEECH.search(d.evidence)
        ):
            continue  # only a relative of the case is named here: "son of drug lord X arrested"
        if named and d.type not in _VICTIM_NEWS and all(_as_victim(x, d.evidence) for x in named):
            continue  # the case only as the one harmed or helped: "jailed for helping X escape"
        cue_text = names_unread(d.evidence, view.mentions[sent.index])
        if (d.evidence, d.type) not in vetoed:
            vetoed[(d.evidence, d.type)] = _all_vetoed(d, cue_text)
        if vetoed[(d.evidence, d.type)]:
            continue
        around = _rule_cues(
            d,
            view.mentions[sent.index],
            cue_text,
            doc_cases,
            len(view.sentences) <= _FEED_ITEM_SENTENCES,
        )
        if around is None:
            continue
        if d.evidence not in cues:
            cues[d.evidence] = _sentence_cues(d.evidence, sent, first_body, n_units)
        feats = [
            f"T={d.type}",
            f"tr=rule:{d.rule}",
            "rel=sent",
            "rule",
            f"rule:{d.type}",
            f"rule_conf={_bucket(round(d.confidence * 100), (70, 79, 89))}",
            *cues[d.evidence],
            *around,
        ]
        typed = [f"{f}|{d.type}" for f in feats if not f.startswith("T=")]
        if len(view.sentences) > _FEED_ITEM_SENTENCES:
            # A long article's rule findings get weights of their own: its evidence differs.
            feats, typed = ["L:bias", *(f"L:{f}" for f in feats)], [f"L:{f}" for f in typed]
        out.append(
            Candidate(
                d.case,
                d.type,
                sent.index,
                d.evidence,
                d.rule,
                tuple(dict.fromkeys([*feats, *typed])),
                d.date,
                d.outcome,
                d.detail,
                _rule_dated_by(d.date, view.published),
            )
        )
    return out


def _events_dates(
    trig: C.Trigger, m: re.Match[str], dates: Sequence[DateMention]
) -> set[PartialDate]:
    """The dates a government's words give the event they speak of, not the words themselves
    ("troubled by the sentence handed to X on May 25, the spokesperson said, urging ...")."""
    if trig.type is not DevelopmentType.DIPLOMATIC_ACTION:
        return set()
    text = m.string
    return {
        d.date
        for d in dates
        if d.date is not None and _EVENT_THEN_DATE.search(text, max(0, d.start - 80), d.start)
    }


def _rule_dated_by(date: PartialDate | None, pub: dt.date | None) -> str:
    """How a precise rule's finding was dated: a rule's date that is only the publication day
    is founded no better than any news told without a date ("X jailed || On Sunday, the court
    sentenced her": Sunday dates it)."""
    if date is None:
        return "none"
    return "pub" if _only_publication_day(date, pub) else "rule"


def _only_publication_day(date: PartialDate | None, pub: dt.date | None) -> bool:
    return pub is not None and date == PartialDate.of(pub)


# The international bodies LABELING counts as acting for a detainee, beside states.
_INTERNATIONAL = re.compile(
    r"(?<![\w.])(?:(?-i:UN|EU)|U\.N\.|E\.U\.|United Nations|European (?:Union|Parliament|"
    r"Commission)|Council of Europe|OSCE|ASEAN|African Union|Human Rights Council|"
    r"special rapporteur|rights chief|high commissioner)(?!\w)",
    re.I,
)


def _own_state_acts(clause: str, citizenship: Sequence[str]) -> bool:
    """Whether a state the case is a citizen of is named just before the trigger: the one that
    acts for its national ("the UK condemns", "Canadian officials visited")."""
    return any(
        (state := C.HOLDERS.get(code)) is not None and state.search(clause) for code in citizenship
    )


# The one the trigger's subject helped, told by what the case is: "Father and son sentenced
# for helping ex-Nissan boss escape", "businessman charged with helping Russian oligarch evade
# sanctions". Under a headline about the case, the sentenced are the helpers.
_WHO_THE_CASE_IS = (
    # one person (or a couple), known: not "a woman" (someone new), not "protesters" (others)
    r"(?!an?\s)(?:[\w'’-]+\s+){0,3}?(?:"
    + C.DESCRIPTOR_WORDS
    + r"|boss|chief|oligarch|kingpin|lord|chairman|ceo|couple|family|pair)\b(?<![^s]s)"
)
_HELPED_BY = r"[^.;:!?]*?\b(?:for|of|with|over|in)\s+(?:allegedly\s+)?['‘\"“]?"
_HELPED_AFTER = re.compile(
    _HELPED_BY
    + r"(?:help(?:ing|ed)?|aid(?:ing|ed)|assist(?:ing|ed)|smuggl(?:ing|ed)|harbou?r(?:ing|ed)|"
    r"hid(?:ing)?|shelter(?:ing|ed))\s+(?:to\s+\w+\s+)?(?:(?:the|his|her)\s+)?"
    + _WHO_THE_CASE_IS
    + r"(?!\s+(?-i:[A-Z]))",
    re.I,
)
_SEVERAL = re.compile(r"\b(?:couple|family|pair|parents|children)\s*$", re.I)
# ... or harmed: "sentenced in kidnapping of American couple" (but "charged in killing of
# Cash App founder Bob Lee" names the one harmed: someone else; and in "Illinois man charged in
# killing of boy" the one described as the subject is as likely the case)
_HARMED_AFTER = re.compile(
    _HELPED_BY
    + r"(?:the\s+)?(?:[\w-]+,?\s+){0,2}?(?:kidnapping|abduction|death|killing|murder|beating|"
    r"assault|extortion)\s+of\s+(?:the\s+)?" + _WHO_THE_CASE_IS + r"(?!\s+(?-i:[A-Z]))",
    re.I,
)
# Under a headline whose topic is the case, "his death" is the case's: "X: Ex-officers plead
# not guilty over his death".
_HARMED_HIM_AFTER = re.compile(
    r"[^.;:!?]*?\b(?:for|of|with|over|in)\s+(?:his|her|their)\s+(?:\w+\s+)?"
    r"(?:death|killing|murder|beating|kidnapping|abduction)\b",
    re.I,
)


def _helped_by_subject(kind: DevelopmentType, m: re.Match[str], relation: Sequence[str]) -> bool:
    """Whether the case, only the item's case or the headline's topic ("X: ..."), is the one
    the trigger's subject helped or harmed, told after the trigger: the event is theirs. Read
    only for such a case, not for every trigger."""
    if kind in _VICTIM_NEWS:
        return False
    end = m.end() + 90
    if "topic" in relation and _HARMED_HIM_AFTER.match(m.string, m.end(), end):
        return True
    doc_or_topic = "rel=doc" in relation or "topic" in relation
    return doc_or_topic and (
        _HELPED_AFTER.match(m.string, m.end(), end) is not None
        or (
            (harmed := _HARMED_AFTER.match(m.string, m.end(), end)) is not None
            and ("doc_desc_before" not in relation or bool(_SEVERAL.search(harmed.group(0))))
        )
    )


# Things named for the case that are released: "release of X video", "settlement with X
# released".
_THINGS = (
    r"(?:video|videos|footage|tapes?|settlement|files|documents|records|report|transcripts?|"
    r"recordings?|photos?|images?|letters?|emails?|diaries|diary)"
)
_RELEASE_OF_THING = re.compile(
    r"^\s+of\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}?" + _THINGS + r"\b", re.I
)
_THING_WITH_BEFORE = re.compile(
    r"\b" + _THINGS + r"\s+(?:of|with|from|about|showing)\s+(?:[\w'’.-]+\s+){1,4}$", re.I
)
# A release told first: what follows describes the one freed.
_FREED_BEFORE = re.compile(
    r"\b(?:frees?|freed|releases?|released|pardons?|pardoned|releasing|freeing)\b", re.I
)
_FOR_REASON = re.compile(r"^\s+(?:for|over)\s+(?!" + C.NUM + r"[- ])", re.I)
# A swap told as done: "freed in a prisoner swap for X", "Arms Dealer in Swap for Y" (but
# "refuses swap for X", "floats exchange for X" are offers).
_DONE_SWAP_BEFORE = re.compile(r"\bin\s+(?:(?:a|the|this|that)\s+)?(?:prisoner\s+)?$", re.I)
_ACCESS_DENIED = re.compile(
    r"\b(?:denied|deny|denies|denying|refused|refuses|refusing|blocked|blocks|barred|bars|"
    r"without|no|lack of)\s+(?:\w+\s+){0,2}$|"  # (a request is `C.SOUGHT`'s)
    # worked at, not had: "working to get consular access", "trying to secure access"
    r"\b(?:work(?:s|ed|ing)?|tr(?:y|ies|ied|ying)|push(?:es|ed|ing)?|press(?:es|ed|ing)?)\s+"
    r"(?:to|for|on)\s+(?:(?:get|gain|secure|obtain|getting|securing)\s+)?$",
    re.I,
)


_EVENT_TRIGGERS = tuple(
    t.pattern for t in C.TRIGGERS if t.type is not DevelopmentType.DIPLOMATIC_ACTION
)


_OWN_CUSTODY = next(t.pattern for t in C.TRIGGERS if t.id == "rel.own_custody")


# Only auxiliaries between a subject and its verb: "X has been holding", "X still holds".
_AUXILIARIES = re.compile(
    r"\s*(?:(?:has|have|had|is|are|was|were|been|still|now|also|reportedly|again)\s+)*", re.I
)


def _case_holds(text: str, m: re.Match[str], mentions: Sequence[Mention], case: str) -> bool:
    """Whether the case is the subject of an active "holding"/"holds" (a rally, a title, talks):
    it holds something, it is not held."""
    if m.group(0).lower() not in ("holding", "holds"):
        return False
    return any(
        case in x.cases and x.end <= m.start() and _AUXILIARIES.fullmatch(text, x.end, m.start())
        for x in mentions
    )


def _in_own_custody(m: re.Match[str], text: str, citizenship: Sequence[str]) -> bool:
    """Whether "custody" stands in "in the custody of <state> officials" for a state the case
    is a citizen of."""
    span = _OWN_CUSTODY.search(text, max(0, m.start() - 20), m.end() + 60)
    return span is not None and _own_state_acts(span.group(0), citizenship)


_DIPLOMATIC_ACTORS = frozenset(("gov_subject", "gov_meets", "citizen_acts", "intl_acts"))
_DIPLOMATIC_OBJECTS = frozenset(("governed", "side=after", "doc_desc_after", "event_object"))
# What a government's words are about when the case is not their object: its event ("US, UN
# slam arrest of activist", "the UK condemns Iran's 'barbaric' execution of ...", "officials
# condemned the decision", "denounced the move").
_ACT_ON_CASE = (
    r"(?:arrests?|detentions?|sentenc(?:e|es|ing)|convictions?|executions?|jailing|"
    r"imprisonment|expulsion|deportation|verdicts?|trials?|abduction|kidnapping|killing|death|"
    r"hanging|prosecution|decision|ruling|judg(?:e)?ment|move)\b"
)
_EVENT_OBJECT = re.compile(r"\s+(?:[\w'’.\"“”‘-]+\s+){0,3}?" + _ACT_ON_CASE, re.I)
_ACT_BETWEEN = re.compile(r"\b" + _ACT_ON_CASE, re.I)
# ... and, in the same phrase, the date that follows it: "the sentence handed to X on May 25".
_EVENT_THEN_DATE = re.compile(r"\b" + _ACT_ON_CASE + r"[^,;:]*?$", re.I)
# ... or the subject of what drew their words: "The sentence drew swift condemnation from".
_EVENT_SUBJECT = re.compile(r"\b" + _ACT_ON_CASE + r"(?:\W+\w+){0,4}?\W*$", re.I)
# (a citizen state's "lawmakers" aside)
_GOVERNMENTS = frozenset(("gov_subject", "gov_meets", "intl_acts", "actor_after"))
# What passes between two states over a case: talks, a swap, contact.
_BETWEEN_STATES = re.compile(
    r"\b(?:prisoner\s+(?:swap|exchange|trade)s?|swaps?|exchanges?|talks|dialogue|negotiat\w+|"
    r"contacts?\s+(?:with|over)|touched\s+on)\b",
    re.I,
)


def _diplomatic_frame(feats: Sequence[str], clause: str) -> list[str]:
    """A government acting on or about the case ("US condemns tycoon's jail sentence", "Biden
    urges X's release"): either part alone says little, the two together much, most in a
    headline. (Not "Dutch prosecutors demanded": a court's or a family's words are no
    diplomacy.)"""
    if _DIPLOMATIC_ACTORS.isdisjoint(feats) or _DIPLOMATIC_OBJECTS.isdisjoint(feats):
        return []
    if _no_government_acts(feats, clause):
        return []
    return ["dip_frame", "dip_frame_hl"] if "hl" in feats else ["dip_frame"]


def _diplomatic_stance(feats: Sequence[str], text: str, clause: str) -> list[str]:
    """A government and words of its stance on a case in one sentence ("Australia 'deeply
    troubled' by espionage case", "Blinken presses Russia to release X", "Biden officials meet
    X's family"): in the labelled sets two in three such candidates are diplomacy, against one
    in four for a government without them and one in twenty for stance words in another's
    mouth (a family's, a rights group's)."""
    if _GOVERNMENTS.isdisjoint(feats) or not C.STANCE.search(text):
        return []
    if _no_government_acts(feats, clause):
        return []
    return ["dip_stance"]


def _speaks_for_no_government(clause: str) -> bool:
    """Whether the clause's last words make the actor a court, a prosecutor or a family."""
    return bool(_NOT_ACTOR.search(clause[-30:]) or C.FAMILY.search(clause[-30:]))


def _no_government_acts(feats: Sequence[str], clause: str) -> bool:
    """Whether a court, a prosecutor or a family speaks, not a government (a meeting's
    government stands after the verb, whoever stands before it)."""
    return "gov_meets" not in feats and _speaks_for_no_government(clause)


# A government's judgement of a detention, not a development: "'wrongfully detained', Blinken
# says", "arbitrarily held".
_JUDGED_DETENTION = re.compile(
    r"\b(?:wrongful(?:ly)?|arbitrar(?:y|ily)|unjust(?:ly)?|unlawful(?:ly)?|illegal(?:ly)?)['’]?\s+"
    r"(?:detain\w*|detention|held|imprison\w*|jailed)\b",
    re.I,
)


@functools.lru_cache(maxsize=256)
def _tells_event(text: str) -> bool:
    """Whether a sentence tells a development of its own: a government saying so ("Israel says
    hostage's body found", "military says it freed X") reports the news, not diplomacy (nor is
    its judgement of a detention: "X 'wrongfully detained', Blinken says")."""
    text = _JUDGED_DETENTION.sub(" ", text)
    return any(p.search(text) for p in _EVENT_TRIGGERS)


def _others_news(kind: DevelopmentType, relation: Sequence[str]) -> bool:
    """Whether the case's relation to a trigger makes the event another's: "a man killed by X"
    (X is the killer, not the dead), "guards charged over X's death", "pro-X journalist freed",
    "Y, a figure in X's party, was arrested" (but the death of a victim, or diplomacy over it,
    is still the case's news)."""
    return (
        (kind is DevelopmentType.DIED and "agent" in relation)
        or (("victim" in relation or "modifier" in relation) and kind not in _VICTIM_NEWS)
        or ("in_appositive" in relation and kind is not DevelopmentType.DIPLOMATIC_ACTION)
    )


_RULES_BY_ID = {r.id: r for r in R.RULES}


def _rule_cues(
    d: Development,
    mentions: Sequence[Mention],
    cue_text: str,
    doc_cases: Sequence[str],
    words: bool,
) -> list[str] | None:
    """The cues around the precise rule's own match (the one nearest the case), as a broad
    trigger's are read: relation and, with `words` (a feed item), tense and aspect, modality
    and the words beside it (`cue_text`: the sentence as `names_unread` gives it; a long
    article's many findings keep to the cheap relation). None
    where that match tells another's event ("jailed for helping X escape", "X-era officials
    freed", "after Alex Saab's extradition")."""
    rule = _RULES_BY_ID.get(d.rule)
    matches = list(rule.pattern.finditer(d.evidence)) if rule is not None else []
    named = [x for x in mentions if d.case in x.cases]
    if not matches or not named:
        return []
    m = min(matches, key=lambda m: min(_distance(x, m) for x in named))
    relation = dict(_targets(m, mentions, doc_cases, d.type)).get(d.case)
    if relation is None:
        return None  # a relative's news ("X's son was arrested")
    if _others_news(d.type, relation) or _anothers_event(d.evidence, m, mentions, d.type):
        return None
    text = d.evidence
    relation = [f for f in relation if f != "rel=sent"]
    if not words:
        return relation
    return [
        *relation,
        *_local_cues(cue_text, m, _clause_before(cue_text, m)),
        *_nominal(text, m, mentions),
        *_lexical(_mask(text, mentions), text, m, mentions, d.type),
    ]


_NEGATED = re.compile(
    r"(?:\b(?:not|never|no|none|neither|nobody|cannot|without|denie[sd]|deny|"
    # (a refusal to attend or to speak is no refusal of the event: "refuses to attend hearing")
    r"(?:refus|declin)(?:ed|es|ing)\s+to(?!\s+(?:attend|appear|watch|accept|recogni[sz]e|"
    r"acknowledge|comment|speak|testify)\b))\b|" + C.NOT_CONTRACTED + r")(?:\W+\w+){0,2}\W*$",
    re.I,
)
# Nouns of events a later "has not" denies: "his verdict has not been announced".
_DENIABLE_NOUNS = frozenset(
    "verdict verdicts sentence trial hearing ruling release arrest detention execution appeal "
    "transfer charges charge indictment chargesheet".split()
)
_IN_FORCE_AFTER = re.compile(
    r"\s+(?:[\w'’.-]+\s+){0,5}?(?:enter(?:s|ed|ing)?|c[oa]me|comes|coming)\s+into\s+"
    r"(?:legal\s+)?force\b",
    re.I,
)
_HELD_OFF_TYPES = (DevelopmentType.HEARING, DevelopmentType.TRIAL, DevelopmentType.VERDICT)
_HELD_OFF_AFTER = re.compile(
    r"\s+(?:(?:of|against|in|on|for)\s+[^,;.]{0,80}?\s)?(?:was|is|has\s+been|were|have\s+been)\s+(?:again\s+)?"
    r"(?:deferred|postponed|delayed|put\s+off|cancell?ed|called\s+off|adjourned\s+until)\b",
    re.I,
)
_NOT_YET_AFTER = re.compile(
    r"\s+(?:sheets?\s+)?(?:(?:has|have|had|was|were|is|are)\s+(?:not|yet\s+to|still\s+not)\b|"
    r"(?:has|have|had|is|was|are|were)n['’]t\b|not\s+yet\b|yet\s+to\s+be\b|"
    # what is to come: "a charge sheet against X would be filed within a month"
    r"(?:against\s+[^,;.]{0,40}?\s)?(?:would|will|could|(?:is|are)\s+(?:expected|due|set|likely)"
    r"\s+to)\s+be\b)",
    re.I,
)
_UNLIKELY_AFTER = re.compile(
    r"\s+(?:of\s+[^,;.]{0,60}?\s)?(?:is|was|looks|seems|appears|remains)\s+(?:\w+\s+)?"
    r"(?:unlikely|improbable|doubtful|uncertain|remote)\b",
    re.I,
)
_JAILED_FOR_TERM = re.compile(
    r"\s+(?:[\w'’.-]+\s+){0,6}?for\s+(?:up\s+to\s+|more\s+than\s+|nearly\s+|almost\s+)?"
    + C.TERM.pattern,
    re.I,
)
_LEAVE_OVER = re.compile(
    r"\b(?:furlough|leave|parole|bail)\s+(?:ends|ended|expired|expires|is\s+over|was\s+revoked)\b",
    re.I,
)
_PENDING_TRIAL = re.compile(
    r"^\s+(?:[\w'’.-]+\s+){0,4}?pending\s+(?:(?:a|the|his|her|their)\s+)?(?:trial|investigation|"
    r"an?\s+investigation|the\s+outcome)\b",
    re.I,
)
_NONE_BEFORE = re.compile(r"\b(?:none|nobody|neither)\b[^.;:,]{0,60}$", re.I)
# A court's denial decides an appeal: "the court denied his appeal".
_DENIED_BY_COURT = re.compile(
    r"\b(?:denie[sd]|deny|(?:refus|declin)(?:ed|es|ing)\s+to\s+(?:hear|consider|review|take\s+up))"
    r"\s+(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
# A refusal with its own object, then another predicate: "denied bail and hit with ...".
_DENIED_THEN = re.compile(
    r"\b(?:denie[sd]|deny|refused|rejected)\s+[\w'’-]+\s+(?:and|but|then)\s+$", re.I
)
# A charge not brought, however far the verb: "won't bring voter fraud charges against X".
_NOT_BROUGHT = re.compile(
    r"(?:\b(?:not|never|no|declin\w+|refus\w+)\b|" + C.NOT_CONTRACTED + r")\s+(?:to\s+)?"
    r"(?:bring|file|press|lay|pursue|seek)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
_FOUND_NOT = re.compile(r"\b(?:found|find|finds|declared|ruled)\s+not\s+$", re.I)
# An appearance ahead, then the charge it answers: "X due in court charged with murder", "to
# appear in court charged with a crime".
_DUE_IN_COURT = re.compile(
    r"\b(?:due|set|expected|scheduled|to|will)\s+(?:to\s+)?(?:appear\s+)?(?:in|before|at)\s+"
    r"(?:a\s+|the\s+)?(?:[\w'’]+\s+){0,2}?(?:court|magistrates['’]?(?:\s+court)?|judge)"
    r"(?:\s+(?:later|today|tomorrow|on\s+\w+|in\s+\w+|this\s+\w+|next\s+\w+)){0,2}\s*$",
    re.I,
)
# The second of two things faced: "faces a fine and a prison sentence", "facing charges or arrest".
_FACED_AND = re.compile(
    r"\b(?:fac(?:e|es|ing)|risk(?:s|ing)?)\s+(?:[\w$£€.'’-]+\s+){1,6}(?:and|or)\s+"
    r"(?:(?:a|an|the|possible|potential|likely|lengthy|long|years?\s+in)\s+)?"
    r"(?:(?!(?:was|were|is|are|has|have|had|then|now)\b)[\w'’-]+\s+)?$",
    re.I,
)
_UNREALISED = re.compile(
    r"\b(?:will|would|could|"
    + C.MAY
    + r"|might|can|should|must|to be|set to|expected to|faces?|facing|threat(?:en|ens|ened)\s+to|"
    # (but "fears for X kidnapped in Ecuador" fears for the one it happened to)
    r"(?:fears?|feared|fearing)(?!\s+for\b)|"
    r"eligible for|eligibility for|before (?:he|she|they)(?:['’]s| is| are| gets?)|"
    r"to plead|(?<=\w)['’]ll|"
    r"awaits?|awaiting|risks?|threatened with|if|unless|set for|scheduled|due|yet to|"
    r"braces? for|bracing for|prepares? for|ahead of|maximum|up to|as much as|intends? to|"
    r"intended to|agree[sd]? to|about to|vying to|in danger of|punishable by|"
    r"to (?:deliver|announce|hand down|issue|render|reach|give|return)|"
    r"consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|mull(?:s|ed|ing)?)\b"
    r"(?:\W+\w+){0,4}\W*$",
    re.I,
)


# A name, title or modifiers before a descriptor ("aid worker", "former minister", "Kremlin
# critic"), but no function word: "convicted as an American spy" and "convicted in China on
# national security charges" report verdicts, not who someone is.
_ATTRIBUTIVE = re.compile(
    r"^\s+(?:(?!(?:as|an?|the|in|on|of|for|by|to|at|with|and|or|after|over|from|into|under|"
    r"his|her|their|its)\b)[\w.'-]+\s+){0,3}(?:" + C.DESCRIPTOR_WORDS + "|" + C.DEMONYMS + r")s?\b",
    re.I,
)
_DETENTION_NOT_ARREST = re.compile(
    r"\b(?:extend(?:s|ed|ing)?|extension of|prolong(?:s|ed)?|renew(?:s|ed|ing)?|renewal of|"
    r"rais(?:e|es|ed|ing)|discuss(?:es|ed|ing)?|"
    r"review(?:s|ed|ing)?|wrongfully|unlawfully|formal(?:ly)?|"
    r"from|continued|ongoing|end(?:s|ed)? (?:his|her|their|the))\s+"
    # ("U.S. Journalist's", not "Hamas. Then"; not "deported from Istanbul and detained")
    r"(?:(?:(?-i:[A-Z])\.){2,}\s+|(?!(?:and|but|then)\b)[\w'’-]+\s+){0,3}$",
    re.I,
)
# ... and told after the noun: "X's custody extended by a month", "detention would be extended".
_EXTENDED_AFTER = re.compile(
    r"^[\s\"”’']*(?:(?:was|were|is|are|has been|had been|would be|will be|to be)\s+)?"
    r"(?:extended|prolonged)\b",
    re.I,
)
# Time held, not a sentence passed: "after six years in prison", "spent 19 years in jail".
_TIME_SERVED = re.compile(
    r"\b(?:after|spent|spending|spends|served|serving|following)\s+(?:(?:nearly|almost|more than|"
    r"over|about|some|another)\s+)?" + C.NUM + r"[- ](?:years?|months?)\s+(?:in|behind)\b",
    re.I,
)
_AUXILIARY_BEFORE = re.compile(r"\b(?:is|was|were|are|been|being|be|gets?|got)\s+$", re.I)
_SERVING = re.compile(r"\b(?:serving|serve|serves|served)\s+(?:\w+[\s-]+){0,4}$", re.I)
# A government or official as the subject just before the verb ("the UK condemns", "Foreign
# Minister Penny Wong said"), with at most a name or a few words between.
_GOVERNMENT = "(?:" + C.OFFICIAL.pattern + "|" + C.COUNTRIES.pattern + ")"
_ACTOR_BEFORE = re.compile(_GOVERNMENT + r"(?:\W+[\w.'’-]+){0,4}?\W*$", re.I)
# ... or named after the speech it makes: "X must be freed, says Biden", "said the State
# Department" (not "says his wife").
_SAYS = frozenset({"say", "says", "said", "tells", "told"})
_ACTOR_AFTER = re.compile(r"\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,2}?" + _GOVERNMENT + r"\b", re.I)
# ... or after the quote it stands in: '"We are troubled by the detention of X," a State
# Department spokesperson told reporters'.
_QUOTED_FOR_GOVERNMENT = re.compile(
    r"[^\"”]{0,140}[\"”],?\s+(?:(?:a|an|the)\s+)?(?:[\w.'’-]+\s+){0,3}?"
    + _GOVERNMENT
    + r"(?:\s+[\w.'’-]+){0,2}?\s+(?:said|says|told|added)\b",
    re.I,
)
# ... and as the whole subject of the clause: "U.K. condemns", "The UN rights chief urges",
# "Australia's foreign minister Penny Wong said", "Biden officials meet".
# (A country's adjective before a private person is no government: "US teacher speaks out",
# "British woman says".)
_PRIVATE_PERSON = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:teachers?|students?|journalists?|reporters?|wom[ae]n|m[ae]n|girls?|"
    r"boys?|citizens?|nationals?|tourists?|workers?|activists?|businessm[ae]n|academics?|"
    r"researchers?|writers?|artists?|musicians?|athletes?|players?|stars?|veterans?|"
    r"hostages?|prisoners?|detainees?|famil(?:y|ies)|mothers?|fathers?|wives|wife|"
    r"husbands?|teens?|teenagers?|couples?|nurses?|doctors?|lawyers?)\b",
    re.I,
)
_GOV_SUBJECT = re.compile(
    r"^\W*(?:(?:the|a|an)\s+)?(?:[\w.'’-]+\s+){0,3}?"
    + _GOVERNMENT
    + r"(?!"
    + _PRIVATE_PERSON.pattern
    + r")(?:['’]s)?"
    r"(?:\s+[\w.'’-]+){0,4}?\s+(?:(?:has|have|had|also|again|now|publicly|formally|strongly|"
    r"repeatedly|on\s+\w+day)\s+){0,2}$",
    re.I,
)
# An item that tells of a trial under way ("as new trial begins", "the jury heard"), not of
# one to come ("ahead of his trial", "pre-trial detention"): a day in court there is the trial.
_TRIAL_WORDS = re.compile(r"\b(?:trial|jury|jurors|testif(?:y|ied|ies))\b", re.I)
_TRIAL_AHEAD = re.compile(
    r"\b(?:pre-?trial|(?:ahead of|before|awaiting|await|awaits)\s+(?:(?:his|her|their|the|a)\s+)?"
    r"trial|trial date|(?:stand|face|faces|facing|to)\s+trial)\b",
    re.I,
)


def _trial_told(item: str) -> bool:
    """Whether the item tells of a trial under way rather than one to come."""
    return bool(_TRIAL_WORDS.search(item)) and not _TRIAL_AHEAD.search(item)


# What someone said is a clause of its own: "Putin said Thursday Moscow is in dialogue with".
_SAID = re.compile(
    r"^.*\b(?:said|says|told\s+\w+|announced|added|confirmed|stated)\s+"
    r"(?:(?:on\s+)?\w+day\s+)?(?:that\s+)?",
    re.I,
)


# The sentence's subject and its first verb: "Norway's foreign minister said the accusation was
# baseless and called for her release" (a government acting in a second, coordinated verb).
_SUBJECT_FIRST_VERB = re.compile(
    r"^(.{0,80}?\s)(?:said|says|told|condemned|condemns|denounced|expressed|urged|described|"
    r"summoned|rejected|criticised|criticized|welcomed|voiced)\b",
    re.I,
)
_AND_THEN = re.compile(r"\band\s+(?:(?:also|then|again|later)\s+)?$", re.I)


def _coordinated_gov(sentence: str, start: int) -> bool:
    """Whether the trigger is a verb coordinated after the first verb of a government subject."""
    if not _AND_THEN.search(sentence, max(0, start - 20), start):
        return False
    first = _SUBJECT_FIRST_VERB.match(sentence)
    return first is not None and first.end() < start and bool(_GOV_SUBJECT.search(first.group(1)))


def _reported(clause: str) -> str:
    """The clause, or what its speaker said where it reports speech."""
    said = _SAID.match(clause)
    return clause[said.end() :] if said is not None and said.end() < len(clause) else clause


# A subordinate clause's subject speaks, not a place in the clause before it: "protests continue
# in Niger as Biden urges X's release" (Biden, not Niger; but "such as", "as well as" join).
_SUBORDINATE = re.compile(
    r"(?<!\bsuch )(?<!\bwell )\b(?:as|while|after|when|since|because|whereas)\s+"
    r"(?=(?:the\s+)?(?-i:[A-Z]))",
    re.I,
)


def _speaker(clause: str) -> str:
    """Where the government speaking a diplomatic trigger stands: the end of what its clause
    reports, from the last subordinate clause's subject on."""
    said = _reported(clause)
    subordinate = list(_SUBORDINATE.finditer(said))
    return (said[subordinate[-1].end() :] if subordinate else said)[-40:]


_NOT_ACTOR = re.compile(r"\b(?:court|judge|prosecutors?|company|firm|media|newspaper|tv)\b", re.I)
# A meeting has two sides: "X's family meets the foreign secretary", "lawyers meet British
# minister" is a government acting on the case as much as "minister meets X's family".
_MEETING = re.compile(r"(?:meet|meets|met|talks?|talked|spoke|speaks?)", re.I)
_DREW = re.compile(r"(?:condemnation|criticism|rebukes?)$", re.I)
_GOV_PHRASE = r"(?:(?:the|a|an)\s+)?(?:[\w.'’-]+\s+){0,2}?" + _GOVERNMENT + r"\b"
_GOV_FROM = re.compile(r"^\s+(?:from|by)\s+" + _GOV_PHRASE, re.I)
_GOV_AFTER = re.compile(r"^\s+(?:with\s+|to\s+)?" + _GOV_PHRASE, re.I)


# Meeting the detainee in person is consular access, not diplomacy: "US ambassador meets
# jailed reporter X" (but "meets X's family", "meets officials on X").
_MEET_WORD = re.compile(r"(?:meet|meets|met)", re.I)
_SOMEONE_ELSE_BETWEEN = re.compile(
    r"\b(?:family|families|wife|husband|mother|father|parents?|relatives?|lawyers?|sisters?|"
    r"brothers?|sons?|daughters?|officials?|ministers?|counterparts?|ambassadors?|envoys?|"
    r"governments?|leaders?|president|diplomats?|to|about|on|over|regarding|for)\b|['’]s\b",
    re.I,
)
# ... held then, by officials of the case's own side: not after the release ("Biden meets X
# after her release", "met X, freed last week"), before the arrest, or the jailers themselves.
_NOT_HELD_THEN = re.compile(
    r"\b(?:freed|released|release|landed|arriv(?:ed|es|al)|homecoming|returned home|back home|"
    r"before (?:his|her|their|the) (?:arrest|detention))\b",
    re.I,
)
_JAILERS = re.compile(r"\b(?:prison|jail|police|court|penal|colony|guards?)\b", re.I)


_HELD_WORDS = re.compile(
    r"\b(?:detain\w*|jail\w*|prison\w*|imprison\w*|custody|held|hostages?|captiv\w*|"
    r"penal colony|behind bars|arrest\w*)\b",
    re.I,
)


def _held_told(sentences: Sequence[Sentence]) -> bool:
    """Whether the item says anywhere that someone is held: an official's meeting with a case
    is a consular visit only in an item about a detention."""
    return any(_HELD_WORDS.search(s.text) for s in sentences)


def _meets_the_detainee(
    text: str, m: re.Match[str], mentions: Sequence[Mention], case: str
) -> bool:
    """Whether a meeting trigger's object, a few words on, is the case in person."""
    if not _MEET_WORD.fullmatch(m.group(0)):
        return False
    after = [x for x in mentions if case in x.cases and x.start >= m.end()]
    if not after:
        return False
    x = min(after, key=lambda y: y.start)
    between = text[m.end() : x.start]
    return (
        len(_words(between)) <= 5
        and not _SOMEONE_ELSE_BETWEEN.search(between)
        and not _SOMEONE_ELSE_BETWEEN.match(text, x.end)
        and not _NOT_HELD_THEN.search(text)
        and not _JAILERS.search(text, max(0, m.start() - 40), m.start())
    )


def _meets_government(word: str, post: str) -> bool:
    """Whether the government stands after the trigger: a meeting's other side ("talks with
    Beijing"), or whom an act drew condemnation from ("drew swift condemnation from the US
    ambassador")."""
    if _MEETING.fullmatch(word):
        return _GOV_AFTER.match(post) is not None
    return _DREW.search(word) is not None and _GOV_FROM.match(post) is not None


_APPOSITIVE = re.compile(
    r"(?:,\s+|\b(?:an?|the)\s+)(?:[\w'’.-]+\s+){0,3}?(?:"
    + C.DESCRIPTOR_WORDS
    + r")s?\s+(?:(?:who\s+(?:is|was)|currently|still|now)\s+)?$",
    re.I,
)
# ", American detained in Russia": an appositive with no article, after its name's comma
_DESCRIPTOR_ONLY = re.compile(
    r"^\s*(?:[\w'’.-]+\s+){0,3}?(?:" + C.DESCRIPTOR_WORDS + r")s?\s+$", re.I
)
_FULL_NAME = re.compile(r"^\s+(?-i:[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)")
# A headline's present-tense verb acting on the held: before "detained X Y" the participle says
# who X Y is ("envoy meets detained X Y", "court grants detained journalist X bail").
_ACTS_ON_THE_HELD = frozenset(
    "meets visits sees frees releases grants denies raises urges names thanks backs sentences "
    "jails charges tries convicts deports transfers moves pardons".split()
)
_NP_OPENERS = _ACTS_ON_THE_HELD | frozenset(
    "the a an of for to with about on from by and or at in over visit free freed release "
    "releasing meet see involving including like amid against "
    # a headline's present-tense verb or a count before the phrase: "Macron raises detained
    # Frenchman", "Eritrea says detained journalist is alive", "relatives of six detained lawyers"
    "says asks presses discusses calls honours honors hails welcomes condemns demands seeks "
    "accuses two three four five six seven eight nine ten dozens several other all more".split()
)


def _starts_noun_phrase(pre: str) -> bool:
    """Whether what follows opens a noun phrase ("Detained journalist X", "of jailed activist
    Y"), not a verb after its subject ("officers arrested aid worker X")."""
    before = pre.rstrip()
    if not before or before[-1] in ",:;-–—(\"'“‘":
        return True
    last = _last_word(before)
    # After a verb in the past ("discussed detained Americans X"), a participle modifies a noun.
    return last in _NP_OPENERS or last.endswith(("'s", "’s", "ed"))


def _last_word(pre: str) -> str:
    """The word just before the trigger, lower-cased, without quotes."""
    words = pre.rsplit(None, 1)
    return words[-1].lower().strip("\"'“‘") if words else ""


# "... detained in Iran begins a hunger strike", "... detained in Russia, reportedly moved":
# the participle describes the subject of the verb that follows.
_PLACE_THEN_VERB = re.compile(
    r"^\s+in\s+(?:[A-Z][\w.'’-]*\s*){1,3},?\s+(?:(?:reportedly|also|now|still)\s+)?"
    r"(?:[a-z]+(?<!ss)s|said|called|moved|filed|died|spoke|told|asked|urged|wrote|began|"
    r"ended|appealed|pleaded|speaks|tells|calls)\b"
)
# ... but not a detention over, told with its length: ", an American who was detained in
# Belarus for three months, has been released".
_WHO_WAS = re.compile(r"\bwho\s+(?:was|were|had\s+been)\s+$", re.I)
# A length of time: "for 15 days", "for more than three months".
_FOR_A_TIME = re.compile(
    r"\s+for\s+(?:more\s+than\s+|nearly\s+|almost\s+|about\s+)?(?:[\w-]+\s+)?"
    r"(?:days?|weeks?|months?|years?)\b",
    re.I,
)
_HELD_A_TIME = re.compile(r"^(?:\s+[\w'’-]+){0,4}?" + _FOR_A_TIME.pattern, re.I)
_SINCE_AFTER = re.compile(r"^(?:\s+[\w'’-]+){0,4}\s+since\b", re.I)
# ... or dated as a point: "X, a journalist detained in Almaty on January 9", "an activist
# detained last month" tell the arrest (a year alone, "an American detained in Russia in 2019",
# is background either way).
_DETAINED_ON = re.compile(
    r"^(?:\s+[\w'’-]+){0,6}?\s+(?:during\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b|"
    r"on\s+(?:\w+\.?\s+\d{1,2}\b|\d{1,2}\s+[A-Z][a-z]+|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)|in\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
    r"Oct|Nov|Dec)[a-z]*\.?|last\s+(?:week|month|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)|"
    r"earlier\s+(?:this|in\s+the)\s+(?:week|month))",
)
# A gerund with its object, the subject of a modal: "freeing him could be difficult",
# "arresting Putin would be a declaration of war" (not a noun: "the ruling could be appealed").
_MODAL_AFTER_GERUND = re.compile(
    r"^\s+(?:him|her|them|(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3})\s+"
    r"(?:could|would|might|may|will|can|should|must)\b",
    re.I,
)
# What a court orders lies ahead: "orders ex-PM X's open trial inside jail premises".
_ORDERED = re.compile(r"\border(?:s|ed)?\s+(?:[\w'’-]+\s+){0,4}$", re.I)
# People to be freed, described by their captivity: "the release of Americans detained by
# Russia", "freeing a journalist held in Myanmar", "bring home reporters jailed abroad".
_HELD_TO_FREE = re.compile(
    r"\b(?:release\s+of|releasing|freeing|(?<!radio\s)free|bring(?:ing)?\s+home|return\s+of)\s+"
    r"(?:(?:the|an?|two|three|four|all|other|fellow|[\w-]+)\s+){0,3}?(?:americans?|citizens?|"
    r"nationals?|journalists?|prisoners?|people|britons?|canadians?|australians?|hostages?|"
    r"men|women|reporters?|detainees?|captives?)\s+(?:(?:wrongfully|unjustly|still)\s+)?$",
    re.I,
)
# "to free", "to help free", "to stand trial", "to face trial": an infinitive, a purpose or
# what lies ahead.
_TO_BASE = re.compile(
    r"\bto\s+(?:be\s+)?(?:\w+ly\s+)?(?:help\s+(?:to\s+)?|stand\s+|face\s+|go on\s+)?$", re.I
)
# "Belarus said to pardon X", "believed to have freed": reported, not intended.
_REPORTED_TO = re.compile(
    r"\b(?:said|reported|reportedly|believed|thought|understood|alleged|known|claimed|seen|"
    r"appears?|appeared|seems?|seemed)\s+to\s+$",
    re.I,
)
_REQUEST_TO = re.compile(r"\b(?:request|bid|application|move|attempt)s?\s+to\s+$", re.I)
# "Ambassador allowed to meet detained X", "was able to visit him", "wins the right to appeal",
# "the first of 38 traders to be jailed": done, as permitted or counted.
_ACHIEVED_TO = re.compile(
    # (and a decision taken: "the decision to drop charges against X was made")
    r"\b(?:allowed|permitted|able|managed|got|decision|granted\s+(?:access|permission)|"
    r"(?:wins?|won|granted|given|gets?|got)\s+(?:the\s+)?(?:right|leave|permission)|"
    # (but not an attempt counted: "a second attempt by prosecutors to convict X")
    r"(?:first|second|third|last|only)(?:\s+(?!(?:attempts?|bids?|efforts?|tries|try|chances?|"
    r"opportunity|push|moves?|requests?|application)\b)[\w'’-]+){0,4}?)\s+to\s+(?:be\s+)?$",
    re.I,
)
_LEFT_OUT = re.compile(
    r"\b(?:left\s+(?:out|behind)|excluded|not\s+included)\s+(?:of|from|in)\s+"
    r"(?:[\w'’-]+\s+){0,4}$",
    re.I,
)
# "Tip leads to arrest", "DNA led to his arrest": "to" as a preposition, before a noun.
_LEADS_TO = re.compile(r"\b(?:lead|leads|led|leading)\s+to\s+$", re.I)
_PASSIVE_OF = re.compile(r"^\s+(?:of|to|by)\b", re.I)
# ... except a verb that takes "to" in the active ("reached out to", "spoke to") and a
# government as the agent ("a deal brokered by the U.S. and Qatar").
_ACTIVE_TO = re.compile(r"^(?:reached out|spoke|speaks|talks?|talked)$", re.I)
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had)\s+$", re.I)
_STATE_AGENT = re.compile(r"^\s+by\s+(?:the\s+)?" + _GOVERNMENT, re.I)
_PLEA_AFTER = re.compile(
    r"^\s+(?:to|for)\s+(?!(?:the\s+|a\s+)?(?:\w+\s+)?(?:courts?|judges?|tribunal|chamber)\b)", re.I
)
_COURT_NAME = re.compile(r"\bCourt of (?:Final )?$")
# An appeal lost, won or filed is a legal one whatever follows ("loses appeal to regain
# citizenship"); a court of appeal deciding is one too ("Court of Appeal rules").
_APPEAL_DECIDED = re.compile(
    r"\b(?:los(?:e|es|t|ing)|wins?|winning|won|fil(?:e|es|ed|ing)|lodg(?:e|es|ed|ing)|"
    r"launch(?:es|ed|ing)?|reject(?:s|ed)?|dismiss(?:es|ed)?|den(?:y|ies|ied))\s+"
    r"(?:(?:an?|the|his|her|their|its)\s+)?(?:[\w-]+\s+)?$",
    re.I,
)
_COURT_DECIDES = re.compile(
    r"^\s+(?:\w+\s+)?(?:rul(?:es|ed|ing)|dismiss\w*|reject\w*|uphold\w*|upheld|overturn\w*|"
    r"quash\w*|allow(?:s|ed)|grant(?:s|ed)|clear(?:s|ed)|sid(?:es|ed)|back(?:s|ed)|"
    r"decid(?:es|ed)|f(?:ound|inds))\b",
    re.I,
)
_RELEASED_THINGS = (
    r"(?:details|video|videos|footage|statements?|reports?|figures|data|images?|photos?|"
    r"documents?|records?|findings|results|funds|information|names|list|letters?|audio|"
    r"recordings?|pictures?|tags|transcripts?|e-?mails?|messages?|tapes?|files?|evidence|"
    r"statistics|guidance|guidelines|rules|plans?|emissions|albums?|songs?|singles?|films?|"
    r"books?|memoirs?|posts?|clips?|trailers?|podcasts?|episodes?)"
)
_THING_OBJECT = re.compile(
    r"^\s+(?:(?:a|an|the|its|his|her|their|new|fresh)\s+)?"
    r"(?:(?!(?:on|in|after|under|over|with|for|from|by|at|as|whose|who|and|but)\b)[\w-]+\s+)"
    r"{0,2}" + _RELEASED_THINGS + r"\b",
    re.I,
)
_SOUGHT_THAT = re.compile(
    r"\bthat\s+(?:[\w'’.-]+\s+){0,4}receive\s+(?:[\w'’.-]+\s+){0,4}?(?:sentence|term)s?\b", re.I
)
_CAUSATIVE_AHEAD = re.compile(r"\bto\s+have\s+(?:(?:his|her|their|its|the|a|an)\s+)?$", re.I)
_ON_LEAVE = re.compile(
    r"\b(?:on|from)\s+(?:day|temporary|weekend|home|compassionate|escorted|work)\s+$", re.I
)
# ... or a thing as the passive's subject: "X's unpublished Instagram post released by family".
_THING_SUBJECT = re.compile(
    r"\b" + _RELEASED_THINGS + r"\s+(?:(?:was|were|is|are|has\s+been|have\s+been|being)\s+)?$", re.I
)
_DIPLOMAT_OBJECT = re.compile(
    r"^\s+(?:\w+\s+){0,4}?(?:ambassadors?|diplomats?|envoys?|attach[eé]s?|"
    r"(?:embassy|consulate|diplomatic) (?:staff\w*|personnel|employees|workers))\b",
    re.I,
)
_NAME_GOES_ON = re.compile(r"\s+(?-i:[A-Z])[a-z]")
_IN_NAME = re.compile(r"(?:^|(?<![.:!?\-–—'‘\"“])\s)(?!To\s)[A-Z][\w.]*\s$")
_CHARGE_ENDED = re.compile(
    r"\b(?:acquit\w*|clear(?:s|ed)|exonerat\w*|drop(?:s|ped|ping)?|dismiss(?:ed|es|ing)|"
    r"withdr[ae]w\w*|quash\w*|str(?:uck|ike|ikes)\s+out|thr(?:ew|own|ows)\s+out)\b",
    re.I,
)
# Charges a verdict ends: "convicted of contempt of Congress charges", "found guilty on seven
# charges", "acquitted former Prime Minister X of fraud charges".
_CONVICTED_OF = re.compile(
    r"\b(?:convict(?:ed|s|ing)|found\s+guilty|pleads?\s+guilty|pleaded\s+guilty|"
    r"acquit(?:s|ted|ting)|cleared)\s+"
    r"(?:[\w'’.-]+\s+){0,7}?(?:of|on|to)\s+(?:[\w'’-]+\s+){0,5}$|"
    # an admission is a plea: "after admitting drugs charge", "admits two charges"
    r"\badmit(?:s|ted|ting)\s+(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
# ... or a quoted title after a possessive: "Russia's 'Merchant of Death'".
_QUOTED_NAME = re.compile(r"['’]s\s+['‘\"“](?:[A-Z][\w-]*\s+)(?:of\s+|the\s+)*[A-Z]?[\w-]*$")
# ... or wherever a quoted title ends with the word: "trading 'Merchant of Death' for X".
_QUOTED_TITLE = re.compile(r"['‘\"“](?:[A-Z][\w-]*\s+)+(?:of|the)\s+(?:(?:of|the)\s+)*$")
_CLOSING_QUOTE = re.compile(r"^['’\"”]")
_NICKNAME = re.compile(
    r"\b(?:known as|so-called|dubbed|nicknamed|called)\s+(?:the\s+)?['‘\"“][^'’\"”]*$", re.I
)
# People who are not the case as the ones who died: "seven babies who died", "Babies died after".
_PEOPLE_DIED = re.compile(
    r"\b(?:bab(?:y|ies)|children|infants|kids|people|victims|men|women|girls|boys|patients|"
    r"students|officers|soldiers|civilians|protesters|passengers|residents|migrants|workers)"
    r"\s+(?:(?:who|that|which|had|have|has|were|was|reportedly|allegedly)\s+){0,2}$",
    re.I,
)
_OF_OWNER = re.compile(r"^\s+of\s+(?:the\s+)?(?-i:[A-Z])")
_COUNT_BEFORE = re.compile(
    r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|dozens|hundreds|thousands|"
    r"several|many)\s+(?:(?:people|were|have|had|been|are|more|others|"
    r"(?!(?:years|months|weeks|days|hours)\b)[a-z]+s)\s+){0,2}$",
    re.I,
)
_ON_APPEAL = re.compile(
    r"\b(?:overturn\w*|vacat\w*|quash\w*|reinstat\w*|upheld|uphold\w*|annul\w*|set aside|"
    r"thr(?:own|ows?|ew) out|toss(?:ed|es)? out|voided|wip(?:e|es|ed|ing) (?:away|out)|"
    r"struck down|overrul\w*|on hold)\b",
    re.I,
)
# "loses appeal against his conviction", "challenge to her sentence": the old one.
_AGAINST_OLD = re.compile(
    r"\b(?:appeal(?:s|ed|ing)?|challeng\w+|bid|fight\w*)\s+(?:against|to|over)\s+"
    r"(?:(?:his|her|their|the|a)\s+)?(?:\w+\s+){0,2}$",
    re.I,
)
_KIN_DEAD = (
    r"(?:wife|husband|son|daughter|mother|father|brother|sister|children|parents|fianc[ée]e?|"
    r"girlfriend|boyfriend|victims?)"
)
_KIN_BEFORE = re.compile(r"\b" + _KIN_DEAD + r"(?:\s+[\w'’-]+){0,3}\s+$", re.I)
# ... whose death or body a noun before the trigger is: the relatives above and a few more (not
# a descriptor the case may go by: "the prisoner's body").
_PERSON_OWNS = re.compile(
    r"\b(?:" + _KIN_DEAD + r"|sons|daughters|brothers|sisters|child|bab(?:y|ies)|partner|"
    r"grand(?:mother|father|son|daughter))['’]s?\s+$",
    re.I,
)
# ... or told in a relative clause: "his fiancée, who eventually was found dead".
_KIN_WHO = re.compile(r"\b" + _KIN_DEAD + r",\s+who\s+(?:[\w'’-]+\s+){0,4}$", re.I)


def _died_at_home(item_text: str) -> bool:
    """Whether the item tells a death as one at home: then no death it tells is in custody."""
    return any(_AT_HOME.match(item_text, m.end()) for m in _DIED_WORD.finditer(item_text))


_DIED_WORD = re.compile(r"\b(?:died|dies|passed away)\b", re.I)
# A death at home, told right after the verb (no custody word between): "died in his Moscow
# home", "died peacefully at home".
_AT_HOME = re.compile(
    r"(?:\s+(?!(?:in|at)\s)(?!(?:custody|prison|jail|detention|cell)\b)[\w,-]+){0,4}?"
    r"\s+(?:at|in)\s+(?:(?:his|her|their|the\s+family)\s+(?:[\w-]+\s+){0,2})?home\b",
    re.I,
)
_NOT_DEAD = re.compile(
    r"\b(?:fak(?:ed|es|ing)|stag(?:ed|es|ing)|nearly|almost|close to|near|brink of|verge of|"
    r"cheated|escaped|survived|survives)\s+(?:\w+\s+){0,2}$",
    re.I,
)
_TO_FACE = re.compile(r"^\W*(?:\w+\W+){0,3}?to face\b", re.I)
# Bail or house arrest refused or ended ("revokes his bail", "freed from house arrest"); but
# "released from prison on medical parole" begins one.
_BAIL_ENDED = re.compile(
    r"\b(?:revok\w*|den(?:ied|ies|y|ying|ial)|refus\w*|reject\w*|los(?:e|es|t|ing)|against|end(?:s|ed)?|"
    r"from(?!\s+(?:\w+\s+)?(?:prison|jail|custody|detention)\b)|"
    r"escap\w*|fle(?:d|es|eing)|skip\w*|jump\w*|years? of)"
    r"\s+(?:[\w'’]+\s+){0,3}$",
    re.I,
)
_CUSTODY_ORDER = re.compile(
    r"\bextend\w*|\bpre-?trial\b|\bpreventive\b|\bremand\w*|\bdetention\b", re.I
)
# A sentence served as detention: "sentenced to 18 weeks' detention", "to four years in detention".
_DETENTION_TERM = re.compile(
    r"sentenced\s+to\s+" + C.NUM + r"[- ](?:years?|months?|weeks?|days?)['’]?\s+"
    r"(?:(?:of|in)\s+)?(?:home\s+)?detention\b(?![^.;]{0,30}\b(?:pre-?trial|remand))",
    re.I,
)
_CLEMENCY = re.compile(
    # ("suspends X's sentence", not "a suspended sentence", which is one)
    r"\b(?:commut\w*|pardon\w*|clemency|reduc(?:ed|es|tion)|suspends|suspending|"
    r"(?:was|were|been|is) suspended)\b",
    re.I,
)
# What sets a sentence apart from a clemency told before it: an earlier time, a clause.
_SINCE_BETWEEN = re.compile(r"\b(?:after|since|had\s+been)\b|;", re.I)
_COURT = re.compile(r"\b(?:appeals?|appellate|court|judges?|tribunal)\b", re.I)
_DEATH_SENTENCE = re.compile(r"\bto death\b|\bdeath (?:sentence|penalty|row)\b", re.I)
# A swap spoken of as sought, discussed or possible ("confirms talks on a prisoner swap").
_SWAP_PURSUED = re.compile(
    r"\b(?:talks?|negotiat\w*|discuss\w*|open to|consider\w*|propos\w*|offer\w*|possible|"
    r"potential|seek\w*|sought|push\w*|hopes?|hopeful|explor\w*|plans?|planned|wants?|next|future|"
    # "Russia wanted X set free in exchange for Y", "efforts to include him in a swap"
    r"wanted|wanting|demand\w*|insist\w*|request\w*|efforts?|attempts?|"
    r"pursu\w*|would|could|" + C.MAY + r"|might)\b",
    re.I,
)
# A swap told in a clause that is itself ahead: "X to be returned to the US as part of a
# prisoner exchange", "is to be extradited in a swap" (the swap word stands far from the verb).
_SWAP_AHEAD = re.compile(
    r"\b(?:(?:to|will|would|could|" + C.MAY + r"|might)\s+be\s+(?:\w+\s+){0,2}?"
    r"(?:freed|released|returned|sent|handed|extradited|swapped|exchanged|traded|flown)|"
    r"(?:(?:mov(?:es|ed|ing)|agree[sd]?|plans?|offer(?:s|ed)?|ready|willing|set|expected)\s+to|"
    r"will|would|could|" + C.MAY + r"|might)\s+"
    r"(?:free|release|return|send|hand|extradite|swap|exchange|trade))\b",
    re.I,
)
# Freeing worked at, not done: "works to get X returned", "efforts to bring X home", "trying
# to secure the release of ..." (the person named between).
_WORKED_AT = re.compile(
    r"\b(?:work(?:s|ed|ing)?|efforts?|attempts?|tr(?:y|ies|ied|ying)|fight(?:s|ing)?|"
    r"push(?:es|ed|ing)?|press(?:es|ed|ing)?|lobb(?:y|ies|ied|ying)|campaign(?:s|ed|ing)?)\s+"
    r"to\s+(?:get|have|see|bring|secure|win)\s+(?:[\w'’.-]+\s+){0,5}$",
    re.I,
)
# "Rescued" describing others: "ships carrying rescued migrants" (a plural noun after).
_OTHERS_DESCRIBED = re.compile(
    r"\s+(?:[a-z][\w-]*\s+)?(?:migrants|refugees|hostages|prisoners|detainees|captives|"
    r"people|children|workers|sailors|fishermen|miners|animals|dogs|civilians|passengers)\b"
)
# Bail refused or only asked for: "court refuses to grant X bail", "denied bail", "his bail
# request was rejected", "appears at a bail hearing".
_BAIL_REFUSED = re.compile(
    r"\b(?:refus\w*|den(?:y|ies|ied|ying)|reject\w*|turn(?:s|ed|ing)?\s+down|revok\w*|"
    r"without)\s+(?:[\w'’.-]+\s+){0,4}?$",
    re.I,
)
_BAIL_REFUSED_AFTER = re.compile(
    r"\s+(?:hearings?|requests?|applications?|pleas?|bids?|petitions?|motions?)\b", re.I
)
_GRANTED = re.compile(r"\b(?:grant\w*|approv\w*|accept\w*|allow\w*|uph[eo]ld\w*)\b", re.I)
# A report of it denied: "Kremlin denies reports X has been freed", "dismissed claims that".
_DENIED_BEFORE = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|refut(?:es|ed|ing)|debunk(?:s|ed|ing)?|"
    r"reject(?:s|ed|ing)?|(?:could|can|did|does)\s*(?:not|n['’]t)\s+confirm|unable\s+to\s+confirm)"
    r"\s+(?:(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:reports?|"
    r"claims?|rumou?rs?|speculation)\s+(?:[\w'’-]+\s+){0,3}?(?:that\s+)?|that\s+|whether\s+)"
    r"(?:[\w'’.-]+\s+){0,5}$|"
    # "Tehran denies British-Iranian charity worker has been freed"
    r"\bden(?:y|ies|ied|ying)\s+(?:[\w'’.-]+\s+){1,5}?(?:has|have|had|was|were|is)\s+(?:been\s+)?$",
    re.I,
)
# Hearsay no one stands behind: "unconfirmed reports that X had been executed", "unverified
# posts claimed that she had died", "rumours that he was freed".
_HEARSAY_BEFORE = re.compile(
    r"\b(?:(?:unconfirmed|unverified|uncorroborated)\s+(?:[\w'’-]+\s+){0,2}?(?:reports?|claims?|"
    r"posts?|rumou?rs?|accounts?)|rumou?rs?\s+(?:that|of)|speculation\s+that)\b[^.;!?,]*$|"
    # asked, not told: "asked Beijing to confirm whether X had died"
    r"\b(?:whether|if)\s+(?:[\w'’.-]+\s+){1,5}?(?:had|has|have|was|were|is|are)\s+(?:been\s+)?$",
    re.I,
)
# A headline that asks: "China releases Australian writer? Canberra 'cannot confirm'" (not a
# question of why or how, which takes the event as given: "Why did Iran arrest X?").
_ASKED = re.compile(r"(?:(?!\s[-–—]\s|\bbut\b)[^.;:!?]){0,50}\?", re.I)


def _asks_why(text: str, start: int) -> bool:
    """Whether the question the trigger stands in opens on why, how, what ... (after a colon
    too: "X: Why has she been freed now?"), taking the event as given."""
    colon, dash = text.rfind(": ", 0, start), text.rfind(" - ", 0, start)
    opening = max(colon + 2 if colon >= 0 else 0, dash + 3 if dash >= 0 else 0)
    return bool(_WH_OPENING.match(text, opening))


_WH_OPENING = re.compile(r"\W*(?:why|how|what|who|whom|whose|when|where|which)\b", re.I)
# A question of what may come: "Will X be freed?", "Could X be part of the next swap?".
_MODAL_QUESTION = re.compile(
    r"\W*(?:will|would|could|can|should|might|may|is|are|has|have|did|does|"
    r"(?:why|how)\s+(?:hasn['’]t|haven['’]t|isn['’]t|wasn['’]t|didn['’]t|won['’]t|has\s+not))\b",
    re.I,
)
_PLEA_DESPITE = re.compile(
    r"\b(?:despite|amid|ignor(?:ed|es|ing)|defy(?:ing)?)\s+(?:\w+\s+){0,2}$", re.I
)
_AHEAD_AFTER = re.compile(
    r"\s*(?:is\s+|was\s+|are\s+)?(?:expected|due|set|scheduled|looms|awaited|pending)\b", re.I
)
# "convicted" describing someone unnamed: "a convicted Russian spy", "convicted killers" (a
# name after is who it describes: "convicted arms dealer X", `_convicted_who`).
_CONVICTED_SOMEONE = re.compile(
    r"\s+(?:[a-z][\w'’-]*\s+){0,2}(?:spy|spies|killers?|murderers?|rapists?|terrorists?|felons?|"
    r"criminals?|smugglers?|traffickers?|dealers?|fraudsters?|offenders?|hackers?|agents?|"
    r"assassins?|bombers?|men|women|man|woman|persons?|people|prisoners?|inmates?|"
    # "in swap for convicted Venezuelans"
    r"(?i:" + C.DEMONYMS + r")s)\b"
    r"(?!\s+(?-i:[A-Z]))"
)
_FOR_SOMEONE = re.compile(
    r"\b(?:for|with|alongside|and|including|frees?|freed|releases?|released)\s+(?:an?\s+)?$", re.I
)
_AT_A_PLACE = re.compile(
    r"\b(?:in|at|inside|from)\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
_ARRIVED = re.compile(
    r"\b(?:moved|transferred|sent|taken|arrived|arrives|transported|located|found|resurfaced|"
    r"turned up|ended up|reached|appeared|began|begun|begins|starts?|started|surfaced|"
    r"reappear\w*|brought|flown|delivered|now)\b",
    re.I,
)
# What may come, said of diplomacy: "will raise", "could raise", "expected to call for",
# or has not come: "has yet to designate", "refused to raise".
_DIPLOMACY_AHEAD = re.compile(  # (but "will keep pressing", "will not rest": said now)
    r"\b(?:will|could|" + C.MAY + r"|might|(?:expected|set|due|plans?|planning|going|hopes?|"
    r"intends?|yet|refus(?:es|ed)|declin(?:es|ed)|fail(?:s|ed))\s+to|is\s+to|are\s+to)\s+"
    r"(?!(?:keep|continue|not|never|always)\b)(?:\w+\s+)?$",
    re.I,
)
# A slogan: "Free X now", "Letters: Free X", "'Free X,' says his mother".
_SLOGAN_BEFORE = re.compile(r"^\s*$|[:'‘\"“(]\s*$")
# A release asked for in the words after it: "release of X demanded by EU", "freeing X a 'top
# priority'".
_RELEASE_DEMANDED = re.compile(
    r"[^.;,]{0,60}?\b(?:demanded|sought|urged|requested|called\s+for|"
    r"(?:a|the|its|our)\s+['‘\"“]?(?:top\s+|key\s+|first\s+)?priority)\b",
    re.I,
)
# ... or in the words before it, the release their object: "a resolution calling for the
# immediate and unconditional release of X", "demanding the release of", "working for her
# freedom" (a demand or a request, as the cues read them, and a few verbs of effort).
_DEMANDED_RELEASE = re.compile(
    r"(?:"
    + C.DEMAND.pattern
    + "|"
    + C.SOUGHT.pattern
    + r"|\b(?:press(?:es|ed|ing)?|work(?:s|ed|ing)?|plead(?:ed|ing)?|appealing)\s+for)\s+"
    r"(?:(?:the|his|her|their|its|[\w'’-]+['’]s|immediate|unconditional|early|swift|safe|"
    r"urgent|prompt|speedy|quick|humanitarian|and|,)\s*){0,6}$",
    re.I,
)
_WAS_KEPT = re.compile(r"\b(?:was|were|been)\s+kept\b", re.I)
_KEPT_IN = re.compile(r"\b(?:kept|keeps?|keeping)\s+(?:[\w'’-]+\s+){0,2}in\s+(?:\w+\s+)?$", re.I)
# Detention as a state: "his continued detention", "the arbitrary detention of", "X's detention
# is unacceptable".
_STATE_DETENTION_BEFORE = re.compile(
    r"\b(?:continued|continuing|ongoing|prolonged|arbitrary|wrongful|unjust|unjustified|"
    r"unlawful|illegal|illegitimate|lengthy|indefinite|long)\s+(?:pre-?trial\s+)?$",
    re.I,
)
_STATE_DETENTION_AFTER = re.compile(
    r"(?:\s+of\s+[^,.;]{0,50}?)?\s+(?:(?:is|was|as|remains?)\s+(?:\w+\s+)?['‘\"“]?"
    r"(?:arbitrary|unacceptable|unjust|unjustified|illegal|unlawful|wrongful|outrageous|"
    r"politically motivated|a violation)|(?:(?:is|was|has been)\s+)?(?:extended|prolonged|"
    r"renewed))",
    re.I,
)
# A visit that did not happen, or an official's trip: "consular visit cancelled", "visits
# barred", "during his Beijing visit".
_VISIT_UNDONE = re.compile(
    r"\s*(?:\w+\s+){0,4}?(?:was\s+|were\s+|has\s+been\s+|have\s+been\s+)?(?:cancel\w*|"
    r"postpon\w*|barred|banned|denied|refused|blocked|called off|delayed|suspended|halted)\b",
    re.I,
)
_TRIP_BEFORE = re.compile(
    r"\b(?:during|on)\s+(?:an?\s+|the\s+|his\s+|her\s+)?(?:[\w'’-]+\s+){0,2}$", re.I
)
# A court named by its place ("in South Africa court"), after a word in lower case.
_IN_PLACE_COURT = re.compile(r"(?:back\s+)?in\s+(?-i:[A-Z])", re.I)
_LOWER_WORD_END = re.compile(r"\b(?-i:[a-z])[\w'’-]*\s+$")


# "in exchange for" a thing, not a person or a release: no capitalised name, no person word.
_FOR_A_THING = re.compile(
    r"\s+for\s+(?!(?:[\w'’$.,-]+\s+){0,7}?(?:(?-i:[A-Z])|(?:release|freedom|return|prisoners?|"
    r"detainees?|him|her|them|citizens?|nationals?)\b))",
    re.I,
)


# Who put someone under house arrest, where it is a detention and not a court's bail: soldiers
# in a coup, the police.
_PLACED_UNDER = re.compile(
    r"\b(?:put|puts|putting|placed|places|placing)\s+(?:[\w.'’-]+\s+){0,5}?under\s+house\s+$", re.I
)
_BY_FORCE = re.compile(
    r"\b(?:soldiers|junta|coup|putschists?|mutin\w+|troops|police|security forces)\b|"
    r"\b(?:the|by)\s+(?:military|army)\b",  # (not "a military doctor")
    re.I,
)


# A step toward a release: "Iran moves to free X" (but "moved to house arrest" is bail).
_MOVES_TO = re.compile(r"\bmov(?:es|ed|ing)\s+to\s+$", re.I)
# A release wished for: "Russia wanted the assassin set free", "he wants them released".
_WANTED_FREED = re.compile(
    r"\b(?:wants?|wanted|wanting)\s+(?!to\b)"
    r"(?:(?!(?:and|but|was|were|is|are|has|had|then|who|when|after)\b)[\w'’.-]+\s+){1,5}?"
    r"(?:to be\s+)?$",
    re.I,
)
# A release said to be unfinished: "his release was still a work in progress", "X's release
# remains elusive".
_RELEASE_UNFINISHED = re.compile(
    r"[^.;]{0,70}?\b(?:is|was|remains?|remained|seems?|seemed)\s+(?:still\s+)?"
    r"(?:a work in progress|elusive|uncertain|unclear|in doubt|far off|"
    r"not (?:yet )?(?:secured|assured|certain|guaranteed|imminent))\b",
    re.I,
)
# "died in police custody", "the death of X in custody".
_DEATH_IN = re.compile(
    r"\b(?:died|death|dies|dying)(?:\s+of\s+(?:[\w'’-]+\s+){1,4}?)?\s*in\s+(?:\w+\s+)?$", re.I
)
# "lawmakers moved to expand", "the government moved to ban", "Trump moved quickly to calm
# worries": an act, not a transfer.
_MOVED_TO_ACT = re.compile(
    r"^\s+(?:\w+ly\s+)?to\s+(?:expand|ban|block|stop|end|curb|tighten|restrict|limit|make|"
    r"allow|ensure|protect|introduce|change|pass|approve|reject|dismiss|strip|seize|freeze|"
    r"impose|cut|raise|bar|close|create|crack|silence|punish|outlaw|criminali[sz]e|extend|shut|"
    r"try|calm|ease|reassure|address|counter|quell|contain|defuse|prevent|avoid|secure|"
    r"reduce|boost|support|help|fix|resolve|settle|oust|remove|replace|appoint|sack|fire)\b",
    re.I,
)
_IN_SWAP = re.compile(r"\b(?:swap|exchange)\b", re.I)
_NEXT_CLAUSE = re.compile(r"[;:]|(?<![A-Z])\.(?=\s|$)|,\s+(?-i:[A-Z])")  # (not "U.S.")


# "shot to death", "beaten to death": a killing, not a death sentence.
_KILLED_TO_DEATH = re.compile(
    r"\b(?:" + _KILL_VERBS + r"|frozen|froze|"
    # the state's own killing: "Iran puts X to death" (an execution, no sentence)
    r"put|puts|putting)\s+(?:\w+\s+){0,2}$",
    re.I,
)
# ... or told as the crime: "accused of strangling his sister to death" (no sentence either).
_KILLING_TO_DEATH = re.compile(
    r"\b(?:shooting|beating|stabbing|hacking|burning|torturing|crushing|starving|stoning|"
    r"bludgeoning|strangling|choking|trampling|kicking|clubbing|battering)\s+(?:\w+\s+){0,2}$",
    re.I,
)
# ... whose object, brought in new, is the one who died: "stabbed a man to death", "beat his wife"
_SOMEONE_NEW = re.compile(r"\s(?:" + _NEW_PERSON + r"|six|several)\s+(?:[\w'’-]+\s+)?$", re.I)


def _killed_to_death(pre: str) -> bool:
    """Whether "to death" ends a killing of the case, not a sentence: "beaten to death", "guards
    beat X to death", "Iran puts X to death" (not "stabbed a man to death": someone new died)."""
    killed = _KILLED_TO_DEATH.search(re.sub(r"\bto\s+$", "", pre))
    return killed is not None and not _SOMEONE_NEW.search(killed.group(0))


# Within one prison: "moved to a conventional cell", "released from solitary confinement".
_TO_A_CELL = (
    r"^\s+(?:back\s+)?(?:to|into)\s+(?:an?\s+|the\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}?cells?\b"
    # (not "moved to a cell in Lefortovo prison": a cell in another prison is a move)
    r"(?!\s+(?:in|at)\s+(?:[\w'’.-]+\s+){0,3}?(?:prison|jail|colony|detention|centre|center)\b)"
)
_OUT_OF_A_CELL = re.compile(
    r"^\s+(?:back\s+)?from\s+(?:(?:the|a|his|her)\s+)?(?:solitary|isolation|quarantine|"
    r"punishment\s+cells?)\b",
    re.I,
)

# Events hosted, not people held: "a rally held by X", "X held talks".
_HOSTED = (
    r"(?:talks|meetings?|rall(?:y|ies)|(?:press\s+|news\s+)?conferences?|summits?|elections?|"
    r"polls|votes?|referend(?:um|a)|ceremon(?:y|ies)|events?|funerals?|vigils?|protests?|"
    r"demonstrations?|sessions?|discussions?|consultations?|negotiations?|briefings?|"
    r"celebrations?|parades?|marches|memorials?|festivals?|concerts?|primar(?:y|ies)|"
    r"auctions?|gatherings?|debates?|hearings?|interviews?|(?:phone\s+)?calls?|"
    r"(?:state\s+|official\s+)?visits?)\b"
)

# A thing moved, not a prisoner: "demanded the trial be relocated", "the hearing was moved"
# (an auxiliary between: "Suspect in X's Case Moved to New Prison" is the suspect moved).
_THING_MOVED = (
    r"\b(?:trials?|cases?|hearings?|proceedings|venues?|embassy|embassies|headquarters|"
    r"offices?|capital|operations|elections?|meetings?|talks|summits?|funds|money|assets|"
    r"albums?|paintings?|artworks?|collections?|documents|files|passports?)\s+"
    r"(?:(?:be|was|were|is|are|been|being|to|has|have|had|will|would|could|should)\s+){1,3}$"
)

# Trigger words in another sense, by trigger id: (pattern on the text before, pattern on the
# text after); either matching vetoes. Each is how news uses the word for something else.
_SEIZED_THINGS = (
    r"\b(?:phones?|passports?|assets?|documents?|devices?|laptops?|computers?|property|"
    r"properties|cash|money|funds|accounts?|vehicles?|cars?|weapons?|guns?|drugs|"
    r"records|files|boats?|ships?|tankers?|albums?|paintings?|artworks?|jewell?e?ry|"
    r"goods|cargo|shipments?)"
)
# ... told without its auxiliary, as a participle: "album seized from X", "had phone seized by
# agents" (not "men in two cars seized X": the cars' riders seized someone).
_THING_SEIZED = re.compile(_SEIZED_THINGS + r"\s+$", re.I)
_SEIZED_FROM = re.compile(r"\s+(?:from|by|in|at|during|after|as|over|under)\b|\s*(?:[,.;:]|$)")
_OTHER_SENSE: dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = {
    # "crypto exchange", "exchange rate", "an exchange of fire": no prisoner swap
    "rel.swap": (
        re.compile(
            r"\b(?:crypto\w*|stock|currency|foreign|bitcoin|coin|online|trading|digital|"
            r"derivatives|commodities|testy|heated|tense|angry|bitter|fiery|sharp|terse|"
            r"verbal|frank|friendly|brief|cultural|student|academic)\s+$|"
            # a market that fails or is run: "the collapse of the exchange"
            r"\b(?:collapse|failure|bankruptcy|implosion|founder|ceo|customers|users|owner)\s+"
            r"of\s+(?:the|an?|his|its)\s+(?:(?-i:[A-Z])[\w.-]*\s+)?$",  # ("the Thodex exchange")
            re.I,
        ),
        re.compile(
            r"^\s+(?:rates?|of (?:fire|views|letters|messages|ideas|blows))\b|"
            # what a bribe or a deal buys: "passed secrets in exchange for money"
            r"^\s+for\s+(?:(?:a|an|the|his|her|their|large|small|cash)\s+)?(?:money|cash|bribes?|"
            r"payments?|fees?|kickbacks?|favou?rs?|gifts?|secrets|information|immunity|"
            r"contracts?|votes?|sex|drugs|\$|£|€)",
            re.I,
        ),
    ),
    # "expelled from the party", "returned to court", "returned to work": no release
    "rel.home": (
        # "remains of X repatriated", "X's body repatriated": a body, not a release
        re.compile(r"\b(?:remains|body|bodies|ashes)\b(?:\s+[\w'’.-]+){0,5}\s+$", re.I),
        re.compile(
            r"^\s+(?:flights?|of\s+(?:[\w'’.-]+\s+){0,4}?(?:remains|body|bodies|ashes))\b|"
            r"^\s+(?:from|by)\s+(?:the\s+|his\s+|her\s+)?(?:[\w'’.-]+\s+){0,2}?(?:party|congress|"
            r"house|senate|parliament|assembly|school|university|club|league|federation|union|"
            r"church|order|organi[sz]ation)\b|"
            r"^\s+(?:the\s+)?(?:court|courtroom|stand|witness stand|work|office|power|"
            r"politics|parliament|the campaign trail|action|training|the pitch)\b",
            re.I,
        ),
    ),
    # "consular immunity", "consular officials said": no visit
    "con.consular": (None, re.compile(r"^\s+(?:immunity|officials?\s+said|staff)\b", re.I)),
    # "parole hearing", "parole board": a decision to come, not parole granted
    "bai.parole": (
        # "life without the possibility of parole", "no chance of parole": none granted
        re.compile(
            r"\b(?:possibility|chance|hope|prospect|eligib\w+)\s+(?:of|for)\s+$|"
            r"\b(?:without|no)\s+$|"
            # "C remains in Tehran on furlough": a state
            r"\b(?:remain(?:s|ed)?|still)\s+(?:[\w'’-]+\s+){0,3}?on\s+$|"
            # "put on trial for an alleged violation of parole": a breach, none granted
            r"\b(?:violat\w*|breach\w*|broke|breaking|skipp\w*|jump\w*)\s+(?:of\s+)?(?:the\s+|his\s+|her\s+|their\s+)?(?:terms\s+of\s+(?:his\s+|her\s+|their\s+)?)?$|"
            # "lifted the judicial control on X": a release from it, not into it
            r"\b(?:lift\w*|end\w*|remov\w*|revok\w*)\s+(?:the\s+|his\s+|her\s+)?$",
            re.I,
        ),
        re.compile(
            r"^\s+(?:hearings?|boards?|eligib\w+|reviews?|applications?|bids?|requests?|"
            r"officers?|violations?|panels?|sessions?)\b|"
            # "back in Evin after her furlough ends": leave over, not granted
            r"^\s+(?:ends|ended|expired|expires|is\s+over|was\s+over|was\s+revoked)\b",
            re.I,
        ),
    ),
    # A custody order told as a state or an institution: "after two years in pre-trial
    # detention", "Egypt's pre-trial detention system"
    "hea.order": (
        re.compile(r"\b(?:years?|months?|weeks?|days?)\s+(?:in|of)\s+$", re.I),
        re.compile(
            r"^\s+(?:system|laws?|rules?|polic(?:y|ies)|practices?|regime|limits?|centres?|"
            r"centers?|facilit(?:y|ies))\b",
            re.I,
        ),
    ),
    # "fundraising appeals", "a public appeal for information": a plea, not a court's appeal
    "app.appeal": (
        re.compile(
            r"\b(?:fund-?raising|donations?|charity|charitable|tearful|humanitarian|televised|"
            r"tv|police|witness|popular|electoral|voter|public|personal|emotional|heartfelt|"
            r"impassioned|passionate|desperate|moving)\s+$",
            re.I,
        ),
        # "an appeal from the prime minister", "an appeal to the president": a plea
        re.compile(
            r"^\s+(?:from|to)\s+(?:the\s+|his\s+|her\s+)?(?:prime|president|pm|foreign|king|pope|"
            r"family|mother|father|wife|husband|daughter|son|sister|brother|public|world|leaders?)\b",
            re.I,
        ),
    ),
    # "a news release", "in a press release": an announcement, not a prisoner freed; "two
    # movies released on Friday", "the report was released": a thing; "released from
    # solitary confinement": still held
    "rel.release": (
        re.compile(
            r"\b(?:news|press|media)\s+$|\b(?:movies?|films?|albums?|songs?|singles?|videos?|"
            r"footage|books?|novels?|reports?|documents?|data|figures|statements?|images?|photos?|"
            r"pictures?|records?|games?|trailers?|episodes?|series|documentar(?:y|ies)|"
            r"tracks?|memoirs?|transcripts?|recordings?)\s+(?:(?:was|were|is|are|being|been|has|"
            r"have|had|first|just|recently|newly|officially|to\s+be)\s+){0,2}$|"
            # "violated the conditions of his pretrial release": a release had, not news
            r"\b(?:conditions?|terms)\s+of\s+(?:his\s+|her\s+|their\s+)?(?:pre-?trial\s+|"
            r"supervised\s+|conditional\s+)?$",
            re.I,
        ),
        _OUT_OF_A_CELL,
    ),
    # "comes to X's rescue", "came to the rescue": help, not a captive freed
    "rel.free": (
        re.compile(
            r"\b(?:come|comes|came|coming|rides?|rode|riding|rush(?:es|ed)?)\s+to\s+"
            r"(?:the\s+|(?:[\w.'’-]+\s+){0,2}?[\w.-]+['’]s?\s+)$",
            re.I,
        ),
        _OUT_OF_A_CELL,
    ),
    # "a rally held by X", "held talks with Russian leaders", "held the post", "held
    # accountable": an event hosted, an office or a view had, no one held
    "det.held": (
        re.compile(
            r"\b" + _HOSTED + r"\s+(?:(?:was|were|is|are|be|being|been|will|would|to|had|has|"
            r"have|also|recently|first|last|already|jointly|regularly|usually)\s+){0,3}$",
            re.I,
        ),
        re.compile(
            r"^\s+(?:(?:a|an|the|its|his|her|their|two|three|several|many|regular|weekly|daily|"
            r"secret|closed-door|private|public|joint|emergency|fresh|new|further|separate|"
            r"informal|direct|high-level|bilateral|[\w-]+-level|[\w-]+-(?:hour|day|week))\s+){0,3}"
            + r"(?:"
            + _HOSTED
            + r"|(?:power|offices?|posts?|positions?|titles?|records?|seats?|jobs?|roles?|"
            r"ranks?|portfolios?|stakes?|shares|majorit(?:y|ies)|views?|beliefs?|placards?|"
            r"banners?|signs?|portraits?|up|back|off|out|onto|firm|steady|together|aloft|"
            r"responsible|accountable|liable)\b)",
            re.I,
        ),
    ),
    # "disappeared into Chinese custody", "held in US custody": one's own state holds (the
    # custody a release hands over to is entered, "released into U.S. custody")
    "rel.own_custody": (
        re.compile(
            r"\b(?:disappear(?:ed|s|ing)?|vanish(?:ed|es|ing)?|abducted|snatched|seized|"
            r"detained|arrested|held|remain(?:s|ed)?|kept|died|dies|death)\s+$",
            re.I,
        ),
        None,
    ),
    # "bail set at $1m", "judge sets bail": a court's decision (a hearing), no one out yet
    "bai.bail": (
        re.compile(r"\bset(?:s|ting)?\s+(?:his\s+|her\s+|their\s+)?$", re.I),
        re.compile(r"^\s+(?:(?:was|is|has\s+been|had\s+been)\s+)?set\b", re.I),
    ),
    # "had his phone seized", "seized power": things and power taken, no one held
    "det.seize": (
        re.compile(
            _SEIZED_THINGS + r"\s+(?:(?:was|were|been|being)\s+)$|"
            r"\bhad\s+(?:his|her|their|its)\s+(?:[\w-]+\s+){0,2}$",
            re.I,
        ),
        # ("seized power", "seized it from X": a thing taken from the case)
        re.compile(
            r"^\s+(?:power|control|the (?:initiative|moment|opportunity))\b|^\s+it\s+from\b",
            re.I,
        ),
    ),
    # "overturn the 2020 election", "overturned the ban": no conviction's appeal
    "app.decided": (
        None,
        re.compile(
            r"^\s+(?:the\s+|a\s+|its\s+)?(?:\d{4}\s+)?(?:[\w-]+\s+)?(?:elections?|results?|"
            r"votes?|bans?|laws?|polic(?:y|ies)|rules?|roe|abortion|mandates?|tariffs?)\b",
            re.I,
        ),
    ),
    # "critics give their verdicts on the film": opinions, not a court's
    "ver.verdict": (
        re.compile(
            r"\b(?:give|gives|gave|giving)\s+(?:their|our|my|your)\s+$|"
            r"\b(?:critics|reviewers|readers|viewers|fans|voters)['’]?\s+$|"
            # "court reserves its verdict", "postpones the verdict": none given yet
            r"\b(?:reserv|postpon|defer|delay|adjourn)\w*\s+(?:\w+ing\s+)?(?:its\s+|the\s+|a\s+|their\s+)?$",
            re.I,
        ),
        re.compile(
            r"^\s+(?:(?:in|against|on|for)\s+[^,;.]{0,40}?)?(?:was\s+|has\s+been\s+|is\s+)?"
            r"(?:postponed|deferred|delayed|reserved|put\s+off)\b",
            re.I,
        ),
    ),
    # "ruled out": no court's ruling (and see `_RULING_WHO`)
    "hea.ruled": (None, re.compile(r"^\s+(?:out|(?:not\s+)?guilty)\b", re.I)),
    # "walks out of jail after 2 years", "freed from prison after 20 years": time held; "given
    # a three-year ban": no prison term
    "sen.jailed_for": (
        re.compile(r"\b(?:out\s+of|from)\s+$", re.I),
        re.compile(r"^\s+(?:bans?|suspensions?|contracts?|deals?|exclusions?)\b", re.I),
    ),
    # "for each detained year": a time held, not an arrest
    "det.detain": (
        None,
        re.compile(
            r"^\s+(?:years?|months?|days?|weeks?)\b(?!\s+(?:ago|earlier|before|later|after|into)\b)",
            re.I,
        ),
    ),
    # "reluctance to file charges against X", "pressure to bring charges": not brought (but
    # "the decision to bring charges" was taken)
    "chg.charge": (
        re.compile(
            r"\b(?:reluctan\w*|pressure|calls?|refus\w*|failure|fail(?:s|ed)?|declin\w*|"
            r"urg\w+|push\w*|demand\w*|consider\w*|weigh\w*|whether|not|no\s+plans?)\s+"
            r"(?:\w+\s+){0,2}?to\s+(?:file|bring|press|lay|level)\s+(?:\w+\s+)?$",
            re.I,
        ),
        # "summons the charge d'affaires": a diplomat
        re.compile(r"^s?\s+d['’]affaires\b", re.I),
    ),
    # "resisting arrest", "to evade arrest": an offence or an escape, not an arrest
    "det.arrest": (
        re.compile(
            r"\b(?:resist\w*|evad\w*|avoid\w*|escap\w*|dodg\w*|flee\w*)\s+$|"
            # "prosecutors approved the arrest of X": a formal arrest (a charge, `chg.approved`)
            r"\bapprov(?:e|es|ed|ing)\s+(?:the\s+|his\s+|her\s+)?(?:formal\s+)?$",
            re.I,
        ),
        # "ordered the arrest in absentia of X": a warrant for someone not held
        re.compile(r"^['’\"”]?\s+(?:[\w'’-]+\s+){0,6}?in\s+absentia\b", re.I),
    ),
    # "his extradition to the US was approved": a decision (a hearing), not the handover
    "tra.extradited": (
        None,
        re.compile(
            r"^[^,;.]{0,30}?\b(?:was|is|were|has been|had been)\s+(?:\w+\s+)?(?:approved|"
            r"ordered|authori[sz]ed|granted|blocked|halted|suspended|refused|denied|rejected)\b",
            re.I,
        ),
    ),
    # "custody of her children", "escaped custody", "the top hostage negotiator"
    "det.custody": (
        re.compile(
            r"\b(?:escaped|escapes|escaping|fled|flees)\s+(?:from\s+)?(?:[\w.]+\s+)?$|"
            # "their adopted daughter's custody": a child's, not a prisoner's
            r"\b(?:daughter|son|child|children|kids?|grand\w+|baby|babies)['’]s?\s+$",
            re.I,
        ),
        re.compile(
            r"^\s+of\s+(?:(?:his|her|their|the)\s+)?(?:[\w-]+\s+){0,2}"
            r"(?:children|kids|sons?|daughters?|child|baby|babies)\b|"
            r"^\s+(?:negotiators?|envoys?|affairs|talks|deal|diplomacy|crisis|policy|special)\b|"
            # a noun's modifier: "a custody officer", "a police custody centre", "custody battle"
            r"^\s+(?:officers?|sergeants?|centres?|centers?|suites?|battles?|disputes?|"
            r"arrangements?|records?)\b",
            re.I,
        ),
    ),
    # "a Nazi death camp", "the death toll", "death squads", "death threats", "the kiss of
    # death": no one's death in custody
    "die.died": (
        re.compile(r"\bkiss\s+of\s+$", re.I),
        re.compile(
            r"^\s+(?:camps?|toll|squads?|march|certificate|metal|spiral|knell|threats?|"
            r"threatened|wish|trap|grip|sentences)\b",
            re.I,
        ),
    ),
    # "has taken place", "taken aback", "taken seriously"
    "det.taken": (
        None,
        re.compile(
            r"^\s+(?:place|aback|seriously|into account|part|link|pieces?|"
            r"(?:back\s+)?to\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?hospital)\b|"
            # what one takes, or is removed from: "has taken a plea deal", "removed from his post"
            r"^\s+(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:plea|deal|stand|step|steps|"
            r"decision|position|vote|break|look|toll|role|job|action|measures|stake|seat|oath)\b|"
            r"^\s+(?:(?:his|her|their|the)\s+)?(?:post|posts|office|power|position|role|duties|"
            r"command|ballot|list|board|party|platform)\b|"
            # moved within a prison, or gone from one: "taken to solitary confinement",
            # "disappeared from a pre-trial detention centre"
            r"^\s+(?:[\w'’-]+\s+){0,2}?to\s+(?:a\s+|the\s+)?(?:solitary|punishment\s+cell|isolation)\b|"
            r"^\s+from\s+(?:(?:a|the|his|her)\s+)?(?:[\w'’-]+\s+){0,3}?(?:prison|jail|detention|"
            r"cell|colony|centre|center)\b",
            re.I,
        ),
    ),
    # "deep conviction", "spoke with conviction"
    "ver.convict": (
        re.compile(r"\b(?:with|deep|firm|strong|blistering|personal|political)\s+$", re.I),
        re.compile(r"^\s+that\b", re.I),
    ),
    # "a two-day sentencing hearing", "sentencing guidelines": no sentence passed
    "sen.sentence": (
        # "appeals court confirms X's five-year sentence": an old sentence upheld (an appeal);
        # "inmates protesting against death sentences": others', opposed
        re.compile(
            r"\b(?:confirm(?:s|ed|ing)?|uph(?:o|e)ld(?:s|ing)?|upholds|protest(?:s|ed|ing)?\s+"
            r"against|against|appeal(?:s|ed|ing)?|challeng(?:e|es|ed|ing)|contest(?:s|ed|ing)?|"
            # "appeal court cuts sentence to 12 years": an appeal's decision on an old one;
            # "an offence that carries a potential 10-year sentence": a law's penalty
            r"cut(?:s|ting)?|reduc(?:e|es|ed|ing)|halv(?:e|es|ed|ing)|carr(?:y|ies|ied|ying))\s+"
            r"(?:[\w'’.-]+\s+){0,4}?$",
            re.I,
        ),
        re.compile(
            r"^\s+(?:hearings?|guidelines?|memos?|submissions?|dates?|delays?|"
            r"postponements?)\b",
            re.I,
        ),
    ),
    # "sentenced to 27 years' house arrest" is a sentence, "15 years under house arrest" a
    # time held: no release to house arrest
    "bai.house_arrest": (
        re.compile(r"\b(?:years?|months?)['’]?\s+(?:of\s+|under\s+)?$", re.I),
        None,
    ),
    # "the first death penalty trial", "a death penalty case": what is at stake, not a sentence
    "sen.term": (
        # "the charge carries the death penalty", "punishable by up to 10 years in prison": a
        # law's penalty, not one imposed; "reduced X's prison term": an appeal's decision
        re.compile(
            r"\b(?:carr(?:y|ies|ied|ying)|punishable\s+(?:by|with)|maximum|up\s+to)\s+"
            r"(?:(?:the|a|an|possible|potential|mandatory)\s+){0,2}$|"
            r"\b(?:reduc(?:e|es|ed|ing)|cut(?:s|ting)?|halv(?:e|es|ed|ing)|commut(?:e|es|ed|ing))\s+"
            r"(?:[\w'’.-]+\s+){0,4}?$",
            re.I,
        ),
        re.compile(r"^\s+(?:trials?|cases?|prosecutions?|charges?|proceedings|hearings?)\b", re.I),
    ),
    # "a congressional hearing", "speaks during a Senate committee hearing": no court's
    # "a humane method of execution", "execution date", "execution warrant": no one executed
    "die.executed": (
        re.compile(r"\b(?:method|methods|means|way|form|manner)\s+of\s+$", re.I),
        re.compile(
            r"^(?:\s+|-)(?:methods?|protocols?|drugs?|chamber|dates?|warrants?|orders?|list|"
            r"procedures?|team|style)\b",
            re.I,
        ),
    ),
    "hea.hearing": (
        re.compile(
            r"\b(?:congressional|senate|house|committee|subcommittee|parliamentary|confirmation|"
            r"oversight|select|public|budget|impeachment)\s+$|"
            # a hearing granted or set is one to come: "granted parole hearing", "had been set
            # for a detention hearing"
            r"\b(?:granted|grants|given|gets|wins|won|secures|secured|(?:set|scheduled)\s+for)\s+"
            r"(?:a\s+|an\s+)?(?:new\s+|fresh\s+|parole\s+|bail\s+|court\s+|detention\s+)?$",
            re.I,
        ),
        # "began hearing the case against X": a trial; "hearing ... deferred for the 12th time":
        # none held
        re.compile(
            r"^\s+(?:(?:the|a|his|her|their)\s+)?(?:[\w'’.-]+\s+){0,3}?(?:case|charges|appeal)\b|"
            r"^[^,;.]{0,80}?\b(?:was\s+|is\s+|has\s+been\s+)?(?:deferred|postponed|delayed|put\s+off|"
            r"cancell?ed|called\s+off|fail(?:s|ed)?\s+to\s+take\s+place)\b",
            re.I,
        ),
    ),
    # "the Supreme Court heard arguments": an appeal, not a trial
    "tri.process": (
        re.compile(
            r"\b(?:supreme|appeals?|appellate|cassation)\s+$|"
            # "orders a retrial", "seeks a new trial": a trial to come
            r"\b(?:order(?:s|ed|ing)?|grant(?:s|ed|ing)?|backs|backed|approv(?:es|ed)|"
            r"allow(?:s|ed)|call(?:s|ed)?\s+for|seek(?:s|ing)?|sought|"
            r"request(?:s|ed)?|demand(?:s|ed)?|pending|await(?:s|ing)?)\s+(?:an?\s+|the\s+)?$",
            re.I,
        ),
        None,
    ),
    # "sentenced to eight years in a penal colony": the sentence's place, not a transfer
    # "moved to second on the all-time list": a rank, not a prison
    "tra.moved": (
        re.compile(
            r"\b(?:sentenc\w+|jail\w*|years?|months?)\b[^,;]{0,40}$|"
            # "deeply moved by the compassion": a feeling
            r"\b(?:deeply|very|so|truly|visibly|profoundly|greatly|genuinely|really)\s+$|"
            # "in his Mordovian penal colony": where one is held, not a move
            r"\bin\s+(?:his|her|their|its)\s+(?:[\w-]+\s+){0,2}$|" + _THING_MOVED,
            re.I,
        ),
        re.compile(
            r"^\s+(?:up\s+|down\s+)?(?:to\s+)?(?:the\s+)?(?:top|second|third|fourth|fifth|"
            r"first|number|no\.|joint|clear|level)\b|"
            # "as he moved on to asserting ...": a speaker's next point
            r"^\s+on\s+(?:to\s+\w+ing|from)\b|^\s+to\s+tears\b|"
            # "the ruling was moved to June": a date put off, not a prisoner moved
            r"^\s+(?:back\s+)?to\s+(?:(?:next|later|a\s+later)\s+)?(?:january|february|march|april|"
            r"may|june|july|august|september|october|november|december|monday|tuesday|"
            r"wednesday|thursday|friday|saturday|sunday|week|month|year|date)\b|" + _TO_A_CELL,
            re.I,
        ),
    ),
    # "the 2013 Barcelona transfer", "a transfer fee", "the transfer window": football
    "tra.transfer": (
        re.compile(
            r"\b(?:football|soccer|player|club|summer|january|deadline|world-record|"
            r"big-money|[£$€]\d[\w.]*)\s+$|\b\d{4}\s+(?-i:[A-Z])\w+\s+$|" + _THING_MOVED,
            re.I,
        ),
        re.compile(
            r"^\s+(?:fees?|window|saga|requests?|talks|market|deal|ban|targets?|rumou?rs?|"
            r"speculation|of\s+(?:power|funds|money|ownership|technology|weapons|arms|data))\b|"
            # "transferred X to house arrest": bail, not a move between prisons
            r"^\s+(?:[\w'’.-]+\s+){0,4}?(?:to|into)\s+house\s+arrest\b|"
            # "transfer the five commanders back home from Turkey": a return, not a move
            r"^\s+(?:[\w'’.-]+\s+){0,5}?(?:back\s+)?home\b(?!\s+(?:to\s+serve|prison|jail))|"
            + _TO_A_CELL,
            re.I,
        ),
    ),
    # "fined by the club", "fined by the Army": no court's sentence
    "sen.fine": (
        None,
        re.compile(
            r"^\s+(?:[\w$£€,.]+\s+){0,3}?by\s+(?:the\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,3}?"
            r"(?:club|league|army|navy|military|association|federation|fa|uefa|fifa|regulator|"
            r"watchdog|employer|board|party|authority|commission|body|team|ministry)\b",
            re.I,
        ),
    ),
}


# A period, not its start: "while she was held hostage", "during his detention".
_DURING = re.compile(r"\b(?:while|during)\s+(?!which\b)(?:[\w'’]+\s+){0,3}$", re.I)
# A state, not a development: "X, who is in custody on spying charges", "remains in detention".
_STILL_IN = re.compile(
    r"(?:\b(?:who|which)\s+(?:is|are)|\bremains?|\bremained|\bstill)\s+(?:still\s+)?in\s+"
    r"(?:[\w'’]+\s+)?$",
    re.I,
)
# ... told by the participle: "who remains detained in Russia", "is still held", a headline's
# "Still Held" (not "was still detained at the border": nevertheless).
_STILL_HELD = re.compile(
    r"(?:\b(?:is|are)\s+still|['’]s\s+still|\bremains?|\bremained|(?-i:\bStill)|"
    r"\bcontinues?\s+to\s+be)\s+$",
    re.I,
)
# A place told by where someone is held: "the prison where reporter X is held".
_WHERE_HELD = re.compile(
    r"\bwhere\s+(?:[\w'’.-]+\s+){0,8}?(?:is|are)\s+(?:(?:being|still|currently|now)\s+)?$",
    re.I,
)
# A prisoner lost in transit: "the jailed X is missing", "missing in the prison system",
# "missing after being moved from the penal colony" (a transfer, when found, not an arrest).
_MISSING_HELD = re.compile(
    r"(?<!previously )(?<!formerly )(?<!once )(?<!ex-)(?<!recently )\b(?:jailed|imprisoned|"
    r"incarcerated)\s+(?:[\w'’.-]+\s+){0,5}?(?:(?:is|was|has|had|been|went|goes|remains?|"
    r"remained|still)\s+)*$",
    re.I,
)
_MISSING_FROM_PRISON = re.compile(
    r"\s+(?:(?:in|from|within)\s+(?:the\s+)?(?:\w+\s+)?(?:prison|penal|penitentiary)\s+system|"
    r"after\s+(?:being\s+)?(?:removed|moved|transferred|taken)\s+(?:out\s+)?from\s+"
    r"(?:(?:his|her|their|the|a)\s+)?(?:\w+\s+)?(?:prison|jail|penal colony|colony|cell)s?)\b",
    re.I,
)
# A stay told by how long it lasted, with the release: "freed after 14 years in U.S. custody",
# "reunited after years of detention" (but "spent six years in detention" alone is background
# the labels keep).
_DURATION_IN = re.compile(
    r"(?:\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|several|many|a few|a couple of)[- ](?:[\w-]+\s+)?|\b)"
    r"(?:years?|months?|weeks?|days?|decades?|time)\s+(?:in|of|behind|under)\s+"
    r"(?:[\w.'’-]+\s+){0,2}?$",
    re.I,
)
_SINCE_FREED = re.compile(
    r"\bsince\s+(?:(?:being|her|his|their|the)\s+)?(?:released|freed|release|freedom)\b", re.I
)
_FREED_NEAR = re.compile(
    r"\b(?:freed|frees|released?|reunit\w+|return(?:s|ed)?|home|free|swapped|exchanged)\b", re.I
)
# What ends the clause a request stands in: "asked the judge to sentence X to 15 years; she
# was sentenced to 12", "asked Russia to free her, but she was freed only in 2023".
_CLAUSE_BREAK = re.compile(r"[;:.]|,\s+(?:she|he|they|but|and|while|which)\b|\bbut\b", re.I)


def _asked_for(text: str, m: re.Match[str]) -> bool:
    """Whether the trigger is what someone was asked to do, in the clause of the request
    ("prosecutors are asking a court to sentence X to 20 years")."""
    asks = list(C.ASKED_TO.finditer(text, max(0, m.start() - 120), m.start()))
    return bool(asks) and not _CLAUSE_BREAK.search(text, asks[-1].end(), m.start())


# A demand told in the subjunctive: "demanding the US basketball star be released".
_DEMANDED_BE = re.compile(
    r"\b(?:demand(?:s|ed|ing)?|insist(?:s|ed|ing)?|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?)\s+"
    r"(?:that\s+)?(?:[\w.'’-]+\s+){1,6}?be\s+$",
    re.I,
)
# Someone already held moved: "missing after being removed from prison".
_FROM_PRISON = re.compile(
    r"^\s+(?:(?:his|her|the|a)\s+)?(?:\w+\s+)?(?:prison|jail|cell|colony)\b", re.I
)
# A habit: "a long history of being jailed".
_HABITUAL = re.compile(r"\bhistory of\s+(?:being\s+)?(?:[\w'’]+\s+){0,2}$", re.I)

# "Trial of <a long description of whom> opens": the trial's verb comes after its "of" phrase.
_OF_THEN_VERB = re.compile(r"^\s+of\s", re.I)


def _clause_after(text: str, end: int) -> str:
    """The rest of the trigger's clause: up to the next comma, semicolon, colon or stop."""
    return re.split(r"[,;:.!?]", text[end : end + 120], maxsplit=1)[0]


def _other_sense(trig: C.Trigger, pre: str, post: str) -> bool:
    before, after = _OTHER_SENSE.get(trig.id, (None, None))
    if (before and before.search(pre)) or (after and after.match(post)):
        return True
    # "had moved to Britain a decade ago", "moved to the US in 1990 to study": a life abroad
    # (but "was moved to Moscow in 2022" is a prisoner moved)
    return (
        trig.id == "tra.moved"
        and _LIFE_ABROAD.match(post) is not None
        and not C.PASSIVE.search(pre)
    )


_LIFE_ABROAD = re.compile(
    r"^\s+to\s+(?:the\s+)?(?:" + C.COUNTRIES.pattern + r")[^,;.]{0,25}?\b(?:ago|"
    r"in\s+(?:the\s+)?(?:19|20)\d\ds?|as\s+an?\s+\w+|to\s+(?:study|work|live))\b",
    re.I,
)


def _still_held(text: str, m: re.Match[str]) -> bool:
    """Whether the sentence says the person stays held ("remains under house arrest") or was
    freed in part; "others still held" speaks of other people, and so does a clause across a
    contrast from the release ("freed X on Tuesday, but Y and Z remain jailed")."""
    return any(
        not _OTHERS_SUBJECT.search(text, max(0, r.start() - 40), r.start())
        and not _CONTRAST.search(text, *sorted((m.end(), r.start())))
        for r in C.REMAINS_HELD.finditer(text)
    )


_CONTRAST = re.compile(r"\b(?:but|while|whereas|although|though|yet)\b|;", re.I)


_REASON_FOR = re.compile(r"^for\s+(?:(?!to\b|be\b)[\w'’]+\s+)*$", re.I)


def _pursued(pre: str, word: str) -> bool:
    """Whether the words before a release trigger seek it ("for his release", "pushing for X to
    be freed") rather than say what the person was held for ("jailed for children's deaths
    pardoned": a participle after "for" and a bare noun phrase ends the reason)."""
    m = C.PURSUIT_BEFORE.search(pre)
    return (
        m is not None
        and not (word.endswith("ed") and _REASON_FOR.match(m.group(0)))
        and not (m.group(0).lower().startswith("for") and _THANKS_FOR.search(pre, 0, m.start()))
    )


# A release thanked for is done: "grateful for his release", "thanks Qatar for her release".
_THANKS_FOR = re.compile(
    r"\b(?:grateful|thankful|thank(?:s|ed|ing)?|gratitude|credit(?:ed|s)?|prais(?:e|es|ed|ing)|"
    r"celebrat(?:e|es|ed|ing)|relie(?:f|ved)|joy|overjoyed|delighted)\s+(?:[\w'’.-]+\s+){0,3}$",
    re.I,
)


_ARREST_AHEAD = re.compile(
    r"\b(?:expects?|expecting|fears|fearing|brac(?:e|es|ed|ing)\s+for|"
    r"awaits?|awaiting|risks?|risking|fac(?:e|es|ing)|evad(?:e|es|ed|ing)|avoid(?:s|ed|ing)?|"
    r"escap(?:e|es|ed|ing))\s+(?:(?:an?|his|her|their|the|possible|imminent|likely|certain)\s+)?$",
    re.I,
)
_ARREST_WANTED = re.compile(
    r"(?:\b(?:warrants?|bount(?:y|ies)|rewards?|calls?|called|calling|push(?:es|ed|ing)?|"
    r"pressure|demands?|appeals?|clamou?r)\s+for|"
    # "a protest demanding X's arrest", "urging the arrest of"
    r"\b(?:demand(?:s|ed|ing)?|urg(?:e|es|ed|ing))"
    r")\s+(?:(?:the|his|her|their|immediate)\s+|(?-i:[A-Z])[\w.'’-]*\s+){0,5}$",
    re.I,
)


_NO_RELEASE_DESTINATION = re.compile(
    r"^\s+(?:(?:his|her|their|the|a|an)\s+)?(?:[\w-]+\s+){0,2}?(?:hotel|office|work|stage|pitch|"
    r"training|school|studio|set|action|duty|parliament|power|politics|ring|field|flat|apartment|"
    r"desk|job|post|classroom|campus|club|team|squad|screen|court|the\s+dock)\b",
    re.I,
)
# A legal step and then the death it is for: "jailed for road rage death", "charged in
# 2019 shooting death", "new trial in Miami road rage death".
_CRIME_DEATH = re.compile(
    r"\b(?:prison|jail\w*|sentenc\w*|convict\w*|charg\w*|trial|guilty|acquit\w*|arrest\w*|"
    r"indict\w*|plead\w*|pleas?)\b[^.;:]*?\b(?:for|over|in)\s+(?:(?:the|a|an|his|her)\s+)?"
    r"(?:[\w-]+\s+){0,3}$",
    re.I,
)
_FOUND_DEAD = re.compile(r"\b(?:bod(?:y|ies)|corpses?|remains|dead)\b", re.I)


# Put off, so not (yet) held or passed: "postpones parole session", "delay his sentence".
_PUT_OFF = re.compile(
    r"\b(?:postpon\w+|delay(?:s|ed|ing)?|defer(?:s|red|ring)?|cancel(?:s|led|ed|ling)?|"
    r"adjourn(?:s|ed|ing)?|push(?:es|ed)? back|avoid(?:s|ed|ing)?|dodg(?:e|es|ed|ing)|"
    r"evad(?:e|es|ed|ing)|spar(?:e|es|ed|ing))\s+(?:(?:the|his|her|their|a|an)\s+)?"
    r"(?:[\w.-]+\s+){0,3}$",
    re.I,
)
# ... or called off after the noun: "retrial abandoned", "trial was postponed", "the release
# of X from prison has been delayed".
_PUT_OFF_AFTER = re.compile(
    r"^(?:\s+(?:of|for)\s+(?:(?!\b(?:who|which|that|after|as|when|while|because)\b)[^,;.]){1,50}?)?"
    r"\s+(?:(?:was|has been|had been|is|were|have been)\s+)?(?:abandoned|scrapped|dropped|"
    r"halted|collapsed|cancell?ed|called off|aborted|postponed|delayed|adjourned|put off)\b",
    re.I,
)
# An event told as a noun, then a modal: "early release to be considered", "trial could begin".
_NOMINAL_EVENTS = frozenset(
    "release parole trial retrial hearing extradition bail sentencing verdict pardon transfer "
    "execution swap exchange deportation appeal".split()
)
_FUTURE_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:could|" + C.MAY + r"|might|will|would|to be|is to|are to|set to|"
    r"expected to|likely to|to (?:begin|start|open|resume|restart|proceed|conclude|go ahead|"
    r"take place))\b|"
    # its date, set or moved ("execution date reinstated", "days before release date"), or
    # a go-ahead after its "of" phrase ("execution of X can go ahead")
    r"^\s+dates?\b|^\s+(?:of\s+[^,;.]{0,60}?\s)?(?:can|could|" + C.MAY + r"|will|to) go ahead\b",
    re.I,
)
# An event said to be close: "his arrest is imminent", "a swap was near", "looks days away".
_IMMINENT_AFTER = re.compile(
    r"^\s+(?:is|was|appears|appeared|seems|seemed|looks|looked)\s+(?:"
    r"(?:now\s+|to\s+be\s+)?(?:imminent|days\s+away|weeks\s+away)\b|"
    r"(?:now\s+)?(?:near|close)(?=\s*(?:[,.;:!?]|$)|\s+(?:with|for|now|as)\b))",
    re.I,
)
_CUSTODY_NOUNS = frozenset({"arrest", "detention", "capture"})
# An event in the "after" clause of what may happen, told in the present: "may discuss a swap
# after a court delivers its verdict", "could consider a swap after the trial ends" (not "a
# week after his detention", "may appeal after she was convicted": done).
_MAY_HAPPEN_AFTER = (
    r"\b(?:could|" + C.MAY + r"|might|would|will|should|can)\b[^.;:!?,]{0,90}?\b(?:after|once|"
    r"until)\s+"
)
_ENDS = r"ends|begins|concludes|finishes|closes|opens|starts"  # what a trial or term does
_AFTER_AHEAD = re.compile(
    _MAY_HAPPEN_AFTER + r"(?:[\w'’]+\s+){0,4}?(?:" + _ENDS + r"|delivers|issues|announces|"
    r"reaches)\s+(?:[\w'’]+\s+){0,2}$",
    re.I,
)
_AFTER_BARE = re.compile(
    _MAY_HAPPEN_AFTER + r"(?:(?:the|a|an|his|her|its|their)\s+)?(?:[\w'’]+\s+){0,2}$", re.I
)
_ENDS_AFTER = re.compile(r"^\s+(?:" + _ENDS + r"|is over|is completed)\b", re.I)
# ... or an adjective that puts it ahead: "Iran's planned execution of X", "an imminent trial".
_PLANNED_BEFORE = re.compile(
    r"\b(?:planned|imminent|impending|scheduled|possible|potential|looming|threatened|"
    r"expected|proposed|upcoming|forthcoming|likely|feared)\s+$",
    re.I,
)
# ... or what is opposed: "a sign against the execution of X", "campaign against his extradition".
_AGAINST_BEFORE = re.compile(
    r"\b(?:against|oppos(?:e|es|ed|ing)|to (?:stop|halt|prevent|block))\s+"
    r"(?:(?:the|his|her|their|a|an)\s+)?(?:[\w-]+\s+)?$",
    re.I,
)
_TO_FREEDOM = re.compile(
    r"\b(?:Red Cross|ICRC|(?:his|her|their) famil(?:y|ies)|(?:his|her|their) (?:relatives|loved "
    r"ones))\b",
    re.I,
)
_NOT_HELD_IF_PUT_OFF = (
    DevelopmentType.BAIL,
    DevelopmentType.HEARING,
    DevelopmentType.SENTENCED,
    DevelopmentType.TRIAL,
)
# Other people as the subject just before a verb: "others remain", "dozens of them are still".
_OTHERS_SUBJECT = re.compile(
    r"\b(?:others|the rest|many|most|several|some|dozens|hundreds|thousands|\d[\d,]*|two|three|"
    r"four|five)\b(?:\s+[\w'’-]+){0,3}\s+$",
    re.I,
)


# "the ruling military", "ruling Democratic Party": who governs, not a court's ruling
_RULING_WHO = re.compile(
    r"^\s+(?:party|parties|coalition|junta|elite|class|family|military|regime|government|"
    r"council|establishment|conservatives?|liberals?|socialists?|communists?|nationalists?|"
    r"democrats|republicans|dynasty|clique|generals|"
    r"(?-i:(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z]))",
    re.I,
)
# "coronavirus rules mean", "the new rules": a regulation, not a court ruling
_RULES_NOUN_BEFORE = re.compile(
    r"\b(?:covid(?:-19)?|coronavirus|pandemic|lockdown|quarantine|travel|safety|election|"
    r"electoral|trade|visa|tax|immigration|new|strict|stricter|tough|tougher|these|those|the|"
    r"its|their|our|party)\s+$",
    re.I,
)
_RULES_NOUN_AFTER = re.compile(
    r"^\s+(?:mean|means|say|said|require|required|allow|allowed|apply|are|were|have|had|of|"
    r"governing|banning)\b",
    re.I,
)


def _bare_trial(text: str, m: re.Match[str]) -> bool:
    """Whether "trial" stands with nothing that tells a trial being held ("show trials")."""
    post = text[m.end() : m.end() + 40]
    names = _OF_NAMES.match(text, m.end())
    return not (
        C.TRIAL_EVENT.search(text, max(0, m.start() - 50), m.end() + 50)
        or (_OF_THEN_VERB.match(post) and C.TRIAL_EVENT.search(_clause_after(text, m.end())))
        # "The trial of A, B and C opened on Tuesday": the verb after the list of names, or
        # after an appositive ("The trial of X, a journalist from Melitopol, opened on Monday")
        or (
            names is not None
            and C.TRIAL_EVENT.search(
                _clause_after(text, (_APPOSED_AFTER.match(text, names.end()) or names).end())
            )
        )
    )


_OF_NAMES = re.compile(r"\s+of\s+(?:(?:(?-i:[A-Z])[\w'’.-]*|and|,)\s*){2,16}")
_APPOSED_AFTER = re.compile(r"(?:an?|the|\d{1,3})\s[^,;:()]{0,80},\s*", re.I)


# A trial told as the frame of what happened: "during his trial", "after the trial of X",
# "outside the trial of", "in the trial of" ...
_TRIAL_FRAME = re.compile(
    r"\b(?:during|after|at|outside|in|from)\s+(?:the|his|her|their|[\w'’-]+['’]s)\s+"
    r"(?:(?:\d{4}|murder|fraud|rape|sedition|treason|espionage|spying|corruption|terror|"
    r"terrorism|criminal|war crimes|sex abuse)\s+)?$",
    re.I,
)
# ... or as a running story in sentence case: "David Hunter trial: ...", "the Murdaugh murder
# trial heard" (in a Title Case headline every word is capitalised).
_NAMED_TRIAL = re.compile(
    r"(?<![\w'’-])(?!(?:The|A|An|This|That|These|Its|His|Her|Their|Our|New|First|Second|Last|"
    r"Next|NHS|Clinical|Drug|Vaccine|Show|Pilot)\b)(?-i:[A-Z])[\w'’-]+\s+"
    r"(?:(?:murder|fraud|rape|sedition|treason|espionage|spying|corruption|terror|terrorism|"
    r"sex abuse)\s+)?$",
)


def _trial_news(pre: str, word: str, post: str) -> bool:
    """Whether a bare "trial" is still a trial held: its frame, or a named running story."""
    return bool(_TRIAL_FRAME.search(pre)) or (
        word == "trial" and bool(_NAMED_TRIAL.search(pre)) and not _SET_AFTER.match(post)
    )


_SET_AFTER = re.compile(r"^\s+(?:set|date|scheduled|due)\b", re.I)


# A sentence that opens with a bare verb of release asks for one ("Drop all charges against
# X, UN tells Greece", "Pardon Lt. X"; not a noun: "Pardon for X sparks outrage").
_IMPERATIVE = re.compile(
    r"(?:Drop|Free|Release|Dismiss|Withdraw|Quash|Pardon)\s+"
    r"(?!(?:of|on|for|to|by|from|as|is|was|granted|given|sparks|draws)\b)\w"
)
# Lawmakers who hear testimony: "testified during a House committee hearing" is no trial.
_BEFORE_LAWMAKERS = re.compile(
    r"\b(?:committee|subcommittee|congress(?:ional)?|senate|parliament\w*|lawmakers|"
    r"legislat\w+|inquiry)\b",
    re.I,
)
# A higher court as the subject: "a federal appeals court ruled to vacate" is an appeal's outcome.
_HIGHER_COURT = re.compile(
    r"\b(?:appeals?|appellate|supreme|cassation|constitutional)\s+court\b[^.;:]*$", re.I
)
# "went into cardiac arrest": the heart's arrest.
_HEART = re.compile(r"\b(?:cardiac|cardio-?respiratory|heart)\s+$", re.I)


# A member of a body, whom an expulsion removes from it: "YouTuber MP expelled", "elected to
# parliament is expelled".
_MEMBER_BEFORE = re.compile(
    r"\b(?:MPs?|lawmakers?|legislators?|senators?|congress(?:wo)?m[ae]n|parliament(?:arians?)?|"
    r"councill?ors?|party\s+members?)\b",
    re.I,
)
# The death penalty as a policy: "position on", "calls to abolish", "support for".
_POLICY_BEFORE = re.compile(
    r"\b(?:on|over|about|against|abolish\w*|reinstat\w*|restor\w*|support(?:s|ed|ing)?|"
    r"support\s+for|oppos\w*|opposition\s+to|ban\w*|end(?:s|ed|ing)?|moratorium\s+on|"
    r"use\s+of|debate\s+(?:on|over|about))\s+(?:the\s+)?$",
    re.I,
)
# An order, not yet carried out: "ordered the 'expulsion' of".
_ORDERED_BEFORE = re.compile(
    r"\border(?:s|ed|ing)?\s+(?:the\s+|his\s+|her\s+|their\s+)?['‘\"“]?$", re.I
)


# A removal fought: "fight against expulsion", "a bid to block his extradition".
_FOUGHT = re.compile(
    r"\b(?:fight|fights|fighting|battle|battles|bid|campaign|challenge|struggle|case)\s+"
    r"(?:against|to\s+(?:stop|halt|block|avoid|prevent|resist))\s+(?:(?:his|her|their|the)\s+)?"
    r"(?:[\w-]+\s+)?$",
    re.I,
)


# A verdict or sentence told with what it was for: "sentenced to five years on charges of",
# "convicted of terrorism charges", "acquitted on all charges" (not "jailed on murder charges",
# held on them, nor "jailed critic faces new charges").
_SENTENCED_ON = re.compile(
    r"\b(?:sentenc(?:ed|es|ing)|convicted|acquitted|cleared|found\s+guilty)\b"
    r"[^.;:]{0,80}?\b(?:on|of)\s+(?:(?:the\s+)?(?:same|similar)\s+|[\w'’“”\"-]+\s+){0,3}$",
    re.I,
)


# What makes a bare "jailed" no sentence passed: a determiner or an auxiliary before it (the
# attributive "the jailed X", a state kept, a habit), an alternative, or a court's order to hold.
_NO_HEADLINE_SENTENCE = re.compile(
    r"\b(?:the|a|an|his|her|their|its|being|be|remains?|remained|stays?|stayed|or|who|newly|"
    r"recently|previously|formerly|once|still|wrongly|unjustly)\s+$|"
    r"\border(?:s|ed)?\s+(?:[\w'’.-]+\s+){0,5}$|" + _APPOSITIVE.pattern,
    re.I,
)


def _vetoed(text: str, m: re.Match[str], trig: C.Trigger) -> bool:
    """Denied, future or hypothetical: "was not charged", "could be tried", "awaits a verdict".
    What a government "could" do is still not a diplomatic action, but its call for one is."""
    pre = whole = text[max(0, m.start() - 40) : m.start()]
    cut = max(pre.rfind(", "), pre.rfind("; "), pre.rfind(": "))
    after_comma = cut >= 0 and pre.rfind(", ") == cut
    pre = pre[cut + 1 :] if cut >= 0 else pre
    post = text[m.end() : m.end() + 40]
    word = m.group(0).lower()
    if _HABITUAL.search(whole):
        return True  # "a long history of being jailed": a habit, not one development
    if trig.id == "det.seize" and _THING_SEIZED.search(pre) and _SEIZED_FROM.match(post):
        return True  # "copy of the album seized from X": a thing taken, not a person
    if trig.type in (DevelopmentType.RELEASED, DevelopmentType.TRANSFERRED) and _FOUGHT.search(pre):
        return True  # "loses two-decade fight against expulsion": one to come, if any
    if word in ("charge", "charges") and _SENTENCED_ON.search(
        text, max(0, m.start() - 120), m.start()
    ):
        return True  # "sentenced to four years on the same charges": what the sentence was for
    if _other_sense(trig, pre, post):
        return True  # "crypto exchange", "ruled out", "sentenced to ... a penal colony"
    if trig.id == "sen.jailed_bare" and (
        _NO_HEADLINE_SENTENCE.search(text, max(0, m.start() - 80), m.start())
        or (after_comma and _DESCRIPTOR_ONLY.match(pre))
    ):
        # "the jailed X", "to remain jailed", "orders X jailed", "X, director jailed after":
        # who someone is, or no sentence passed
        return True
    if (word == "ruling" and _RULING_WHO.match(post)) or (
        word == "rules" and (_RULES_NOUN_BEFORE.search(pre) or _RULES_NOUN_AFTER.match(post))
    ):
        return True  # "the ruling military", "coronavirus rules mean"
    if (
        _NEGATED.search(pre)
        and not (trig.id == "ver.guilty" and _FOUND_NOT.search(pre[-20:]))
        and not _DENIED_THEN.search(pre)
        and not (trig.type is DevelopmentType.APPEAL and _DENIED_BY_COURT.search(pre))
    ):
        return True  # but "found not guilty" is a verdict, "denied bail and hit with new
        # charge" denies the bail, not the charge, and "the court denied his appeal" decides it
    if re.sub(r"[\s-]", "", word) in _DENIABLE_NOUNS and (
        _NOT_YET_AFTER.match(text, m.end()) or _UNLIKELY_AFTER.match(text, m.end())
    ):
        return True  # "his verdict has not been announced", "her release is yet to come"
    if word.startswith("verdict") and _IN_FORCE_AFTER.match(text, m.end()):
        return True  # "the verdict against X entered into force": an earlier one become final
    if trig.type in _HELD_OFF_TYPES and _HELD_OFF_AFTER.match(text, m.end()):
        return True  # "the preliminary hearing of X and two others was postponed again"
    if trig.type is DevelopmentType.SENTENCED and _PENDING_TRIAL.match(post):
        return True  # "court jails X pending trial": custody before a verdict, no sentence
    if _NONE_BEFORE.search(text, max(0, m.start() - 80), m.start()):
        return True  # "None has ever been charged"
    if trig.type is DevelopmentType.CHARGED and _NOT_BROUGHT.search(pre):
        return True  # "won't bring voter fraud charges"
    if trig.type is DevelopmentType.DIED and _NOT_DEAD.search(pre[-25:]):
        return True  # "faked his own death", "was nearly killed"
    if trig.id == "rel.home" and _LEAVE_OVER.search(text):
        return True  # "back in Evin after her furlough ends": back in prison
    if trig.id == "rel.home" and re.search(r"\bexile\b", text, re.I):
        return True  # "returns from exile": a homecoming, not a release
    if word.startswith(("expel", "expul")) and (
        _MEMBER_BEFORE.search(whole) or _ORDERED_BEFORE.search(pre)
    ):
        return True  # "MP expelled for never going to work", "ordered the 'expulsion' of"
    if word in ("death penalty", "capital punishment") and _POLICY_BEFORE.search(pre):
        return True  # "Trump's position on the death penalty", "abolished the death penalty"
    if word == "returned to" and _NO_RELEASE_DESTINATION.match(post):
        return True  # "returned to his Moscow hotel", "returned to work": no release
    if trig.type is DevelopmentType.RELEASED and _TO_FACE.match(post):
        return True  # "returned home to face corruption charges": handed over, not freed
    if trig.type is DevelopmentType.RELEASED and _LEFT_OUT.search(whole):
        return True  # "left out of a 2016 prisoner swap": others were freed, not the case
    if (
        trig.id == "bai.house_arrest"
        and re.search(
            r"\b(?:(?:is|are|was|were|currently|still)\s+under|serv(?:e|es|ed|ing))\s+$", pre, re.I
        )
        and not re.match(r"^\s+(?:since|following|after|from)\b", post, re.I)
    ):
        return True  # "is currently under / serving house arrest": a state (but "... since")
    nominal = word in _NOMINAL_EVENTS
    if (nominal or word[:-1] in _NOMINAL_EVENTS) and (
        _FUTURE_AFTER.match(post) or _PLANNED_BEFORE.search(pre) or _AGAINST_BEFORE.search(pre)
    ):
        return True  # "early release to be considered", "parole process could start": ahead
    if (nominal or word in _CUSTODY_NOUNS) and _IMMINENT_AFTER.match(post):
        return True  # "his arrest is imminent", "a prisoner swap is near": not yet
    if trig.type is not DevelopmentType.DIPLOMATIC_ACTION and (
        _AFTER_AHEAD.search(text, max(0, m.start() - 120), m.start())
        or (
            _AFTER_BARE.search(text, max(0, m.start() - 120), m.start()) and _ENDS_AFTER.match(post)
        )
    ):
        return True  # "Russia could consider a swap after the trial ends": a condition ahead
    if (
        trig.type in _NOT_HELD_IF_PUT_OFF or (trig.type is DevelopmentType.RELEASED and nominal)
    ) and (
        _PUT_OFF.search(pre[-40:])
        or (nominal and _PUT_OFF_AFTER.match(text[m.end() : m.end() + 110]))
    ):
        # "Israel postpones parole session", "looking to delay his sentence", "reaches a deal
        # to avoid trial", "retrial abandoned", "Hamas delays release" (a release told as a noun)
        return True
    if word.endswith("ing") and _MODAL_AFTER_GERUND.match(post):
        return True  # "freeing him could be difficult": a gerund subject of what may be
    if trig.id == "tri.trial" and _ORDERED.search(pre):
        return True  # "court orders X's open trial inside jail": a trial ordered, ahead
    if trig.type is DevelopmentType.DETAINED and _HELD_TO_FREE.search(
        text, max(0, m.start() - 80), m.start()
    ):
        return True  # "calls for the release of Americans detained by Russia": who they are
    if trig.type is DevelopmentType.BAIL and _BAIL_ENDED.search(pre[-30:]):
        return True  # "judge revokes his bail", "loses appeal against house arrest"
    if (
        _NICKNAME.search(pre)
        or _QUOTED_NAME.search(whole)
        or (m.group(0)[:1].isupper() and _QUOTED_TITLE.search(whole) and _CLOSING_QUOTE.match(post))
    ):
        return True  # "known as the 'Merchant of Death'": a name, not an event
    if trig.type is DevelopmentType.DIED and (
        _counted(_COUNT_BEFORE, pre)
        or (C.OTHERS.search(pre) and not _OF_OWNER.match(post))  # ("... in the death of X")
        or _kin_died(pre, whole)
        or _PEOPLE_DIED.search(pre)
    ):
        return True  # "two killed in protests", "his wife and son were found dead": others died
    if (
        trig.type is DevelopmentType.SENTENCED
        and _CUSTODY_ORDER.search(text, max(0, m.start() - 40), m.end() + 40)
        and not _DETENTION_TERM.match(text, m.start(), m.end() + 60)
    ):
        return True  # "extends his jail time by 18 months", "18-month pre-trial detention"
        # (but "sentenced to four months of home detention" is a sentence)
    if pre.endswith("-") and not re.search(r"\bre-$", pre, re.I):
        return True  # "military-ruled", "pre-trial", "long-detained": part of a compound
    if R.HABITUAL.search(text, max(0, m.start() - 40), m.end() + 30):
        return True  # "receives monthly consular visits": a habit, not an event
    if (
        _TO_BASE.search(pre)
        and word != "death"  # ("beaten to death", "put to death": no verb after "to")
        and not _REPORTED_TO.search(pre)
        and not _ACHIEVED_TO.search(pre)
        and not _LEADS_TO.search(pre)
        and not word.endswith(("ed", "ing"))
        # ("to appear in court", "to drop charges": phrases that open with the base verb)
        and (" " not in word or word.startswith(("appear ", "face", "drop ", "dismiss ")))
        and not (trig.id == "hea.extradition" and _REQUEST_TO.search(pre))
    ):
        return True  # "Rwanda to free X", "vowed to release", "unfit to stand trial": ahead
        # (but "court dismisses a request to extradite X" rules on it)
    if C.PREVENTED.search(pre) or C.THREAT_AFTER.match(text[m.end() : m.end() + 12]):
        return True  # "urges Iran to halt the execution", "death threats"
    if (
        trig.type is DevelopmentType.DIPLOMATIC_ACTION
        and " " not in word  # (a phrase is no passive: "recalled its ambassador to Egypt")
        and _PASSIVE_OF.match(text[m.end() : m.end() + 8])
        and not (_ACTIVE_TO.match(word) and post.lstrip().lower().startswith("to "))
        and not _STATE_AGENT.match(post)
        and not _PERFECT_BEFORE.search(pre)
    ):
        return True  # "accused of spying", "urged to stand up for": done to, not done by
        # (but "the U.S. has called to demand his release" did it)
    if (
        trig.id == "dip.actor"
        and not _meets_government(word, post)
        and not (word in _SAYS and _ACTOR_AFTER.match(post))
        and not _QUOTED_FOR_GOVERNMENT.match(text, m.end())
        and (not _ACTOR_BEFORE.search(pre[-45:]) or _speaks_for_no_government(pre))
    ):
        return True  # a statement is a diplomatic act only when a government makes it
    if trig.type is DevelopmentType.TRANSFERRED and _TO_FREEDOM.search(text, m.end(), m.end() + 70):
        return True  # "handed over to the Red Cross": a release, not a transfer
    if word == "death" and _CRIME_DEATH.search(whole) and not re.match(r"\s+of\b", post):
        return True  # "gets prison for road rage death", "denied new trial in hit-and-run
        # death": the death is the crime's, not the case's (but "charged over the death of X")
    if trig.id == "tra.found" and _FOUND_DEAD.search(text):
        return True  # "body found in prison cell": a death, not a prisoner located
    if trig.type is DevelopmentType.CONSULAR_VISIT and not (
        C.CONSULAR_CONTEXT.search(text) or (trig.id == "con.meets" and C.OFFICIAL.search(pre[-40:]))
    ):
        return True  # (officials who meet the detainee need no consular word)
    if m.start() == 0 and _IMPERATIVE.match(text):
        return True  # "Drop all charges against X, UN tells Greece": a call, not a report
    if word.startswith("testif") and _BEFORE_LAWMAKERS.search(
        text, max(0, m.start() - 80), m.end() + 100
    ):
        return True  # "testify during a House committee hearing": lawmakers, not a trial
    if trig.id == "hea.ruled" and _HIGHER_COURT.search(pre[-60:]):
        return True  # "a federal appeals court ruled to vacate": the appeal's outcome
    if (
        trig.id == "hea.court"
        and (_IN_PLACE_COURT.match(m.group(0)) or post[:1] in (",", ":", ";"))
        and (not pre.strip() or _LOWER_WORD_END.search(pre))
    ):
        return True  # "pleads guilty to fraud in US court", "perjured himself in court, rather
        # than": the verb's place, no headline subject in court (but "Suspect X in South Africa
        # court", "X in court, denies hitting brother")
    if trig.type is DevelopmentType.DETAINED:
        if trig.id == "det.report" and re.search(r"\bto\s+$", pre):
            return True  # "to report to prison", "a new date to report to prison": ahead
        if (
            word == "arrest"
            and pre.lower().endswith("house ")
            and not (_PLACED_UNDER.search(pre[-80:]) and _BY_FORCE.search(text))
        ):
            return True  # house arrest is its own type (bail), not a new detention (but soldiers
            # or police who put someone under it detain: "the military put X under house arrest")
        if word == "arrest" and _HEART.search(pre):
            return True  # "went into cardiac arrest": the heart, not the police
        if word == "arrest" and _ARREST_AHEAD.search(pre):
            return True  # "X expects arrest", "faces arrest", "braces for arrest": ahead
        if word == "custody" and _DEATH_IN.search(text[max(0, m.start() - 70) : m.start()]):
            return True  # "died in police custody", "the death of X in custody": a death
        if word in ("jailed", "imprisoned") and _JAILED_FOR_TERM.match(text, m.end()):
            return True  # "jailed for 25 years", "has jailed US citizen X for 14 years": a sentence
        if (word.endswith("ed") or word == "missing") and _starts_noun_phrase(pre):
            if _ATTRIBUTIVE.match(post):
                return True  # "detained journalist X", "jailed activist Y": a state, not news
            if _FULL_NAME.match(post) and (
                re.search(r"\bthe\s+$", pre) or _last_word(pre) in _ACTS_ON_THE_HELD
            ):
                return True  # "the detained Mohamed Bazoum", "envoy meets detained X Y"
        if word in ("detained", "imprisoned", "jailed", "held", "incarcerated") and (
            (
                (_APPOSITIVE.search(pre) or (after_comma and _DESCRIPTOR_ONLY.match(pre)))
                and not _SINCE_AFTER.match(post)
                and not (word == "detained" and _DETAINED_ON.match(text[m.end() : m.end() + 60]))
                and not (_WHO_WAS.search(pre) and _HELD_A_TIME.match(post))
            )
            or (C.DESCRIPTOR.search(pre[-25:]) and _PLACE_THEN_VERB.match(post))
        ):
            # "Paul X, an American imprisoned in Russia", "American detained in Iran begins
            # hunger strike": who they are, the subject of another verb, not news
            return True
        if _DURING.search(pre):
            return True  # "while she was held hostage", "during his detention": a period
        if word in ("held", "detained", "jailed", "imprisoned") and _WHERE_HELD.search(
            text, max(0, m.start() - 90), m.start()
        ):
            return True  # "the prison where X is held": where, not when
        if (word in ("custody", "detention", "jail", "prison") and _STILL_IN.search(whole)) or (
            word in ("detained", "held", "jailed", "imprisoned", "incarcerated")
            and _STILL_HELD.search(pre)
        ):
            return True  # "X, who is in custody on spying charges", "remains detained"
        if trig.id == "det.since" and _SINCE_FREED.search(text, m.end(), m.end() + 80):
            return True  # "her time in custody ... since being released": since the release
        if (
            word in ("custody", "detention", "imprisonment", "incarceration")
            and _DURATION_IN.search(pre)
            and (_FREED_NEAR.search(text, 0, m.start()) or _SINCE_FREED.search(text, m.end()))
        ):
            # "freed after 14 years in U.S. custody": the release's news, how long it took
            return True
        if word.startswith("removed") and _FROM_PRISON.match(post):
            return True  # "removed from prison": moved, not taken
        if word.endswith("missing") and (
            _MISSING_HELD.search(text[max(0, m.start() - 100) : m.start()])
            or _MISSING_FROM_PRISON.match(text, m.end())
        ):
            return True  # "the jailed X is missing in the prison system": moved, not taken
        if (
            C.SOUGHT.search(pre[-20:])
            or re.search(r"\border(?:s|ed)?\s+(?:the\s+)?$", pre)
            or (word == "arrest" and _ARREST_WANTED.search(pre[-60:]))
        ):
            return True  # "Interpol seeks arrest of X", "ordered the arrest of", "a bounty for
            # his arrest", "calls for X's arrest": wanted, not yet done
        if _DETENTION_NOT_ARREST.search(pre) or (
            word in ("detention", "custody") and _EXTENDED_AFTER.match(post)
        ):
            return True  # "extends the detention", "wrongfully detained", "formally arrested",
            # "freed from detention": a hearing, a designation, a charge, a release
    if (
        trig.type is DevelopmentType.SENTENCED
        and word.startswith("sentence")
        and any(
            c.start() > m.start() or not _SINCE_BETWEEN.search(text, c.end(), m.start())
            for c in _CLEMENCY.finditer(text, max(0, m.start() - 45), m.end() + 25)
        )
    ):
        return True  # "his sentence was commuted": an old sentence shortened, not a new one
        # (but "pardoned weeks after being sentenced" tells the sentence, earlier)
    if trig.type is not DevelopmentType.DIPLOMATIC_ACTION and (
        _DENIED_BEFORE.search(text, max(0, m.start() - 80), m.start())
        or _HEARSAY_BEFORE.search(text, max(0, m.start() - 120), m.start())
        or (_MODAL_QUESTION.match(text) and text.rstrip().endswith("?"))
        or (_ASKED.match(text, m.end()) and not _asks_why(text, m.start()))
    ):
        return True  # "Kremlin denies reports X has been freed", "Will X be freed?"
    if trig.type is DevelopmentType.DIPLOMATIC_ACTION and _DIPLOMACY_AHEAD.search(pre[-30:]):
        return True  # "Blinken will raise X's case", "leaders expected to call for"
    if trig.type is DevelopmentType.RELEASED and (
        (word == "free" and m.group(0)[0] == "F" and _SLOGAN_BEFORE.search(pre))
        or (  # "Editorial: Release X"
            word == "release"
            and m.group(0)[0] == "R"
            and _SLOGAN_BEFORE.search(pre)
            and not re.match(r"\s+of\b", post)
        )
        or (word in ("release", "freeing", "releasing") and _RELEASE_DEMANDED.match(text, m.end()))
        or (
            word in ("release", "freedom")
            and _DEMANDED_RELEASE.search(text, max(0, m.start() - 90), m.start())
        )
    ):
        return True  # "Free X now", "'Free X,' says his mother", "release of X demanded"
    if (
        trig.type is DevelopmentType.DETAINED
        and _KEPT_IN.search(pre[-30:])
        and not (_WAS_KEPT.search(pre[-30:]) and _FOR_A_TIME.match(post))
    ):
        return True  # "a judge kept him in custody": held on, not taken (but "was kept in
        # custody for 15 days": a detention that began and ended)
    if word == "detention" and (
        _STATE_DETENTION_BEFORE.search(pre[-30:]) or _STATE_DETENTION_AFTER.match(post)
    ):
        return True  # "his continued detention", "X's detention is arbitrary", "detention
        # extended" (a hearing's): a state
    if trig.type is DevelopmentType.CONSULAR_VISIT and (
        _VISIT_UNDONE.match(post)
        or (
            word.startswith("visit")
            and _TRIP_BEFORE.search(pre[-40:])
            and not re.search(r"\b(?:consular|prison|embassy|jail)\s+$", pre, re.I)
        )
    ):
        return True  # "consular visit cancelled", "visits barred", "during a Beijing visit"
    if trig.id == "app.appeal" and _PLEA_DESPITE.search(pre[-30:]):
        return True  # "hanged despite appeals from London": pleas, not a court's appeal
    if trig.type is DevelopmentType.RELEASED and re.search(
        r"\btemporar(?:y|ily)\s+$", pre[-15:], re.I
    ):
        return True  # "temporary release", "temporarily freed": a furlough (bail), not freedom
    if trig.id == "bai.bail" and (
        _BAIL_REFUSED.search(pre[-45:])
        or (_BAIL_REFUSED_AFTER.match(post) and not _GRANTED.search(pre[-45:]))
    ):
        return True  # "denied bail", "bail request rejected", "a bail hearing": no bail given
    if word.startswith("verdict") and _AHEAD_AFTER.match(post):
        return True  # "verdict expected within weeks"
    if (
        word == "convicted"
        and _FOR_SOMEONE.search(pre[-30:])
        and not _AUXILIARY_BEFORE.search(pre)
        and _CONVICTED_SOMEONE.match(post)
    ):
        return True  # "in exchange for a convicted spy": someone else, described
    if word == "penal colony" and _AT_A_PLACE.search(pre) and not _ARRIVED.search(pre[-70:]):
        return True  # "marks his birthday in a penal colony": where he is, not a move
    if trig.id == "app.appeal" and (
        (_PLEA_AFTER.match(text[m.end() : m.end() + 40]) and not _APPEAL_DECIDED.search(pre[-30:]))
        or (_COURT_NAME.search(pre[-16:]) and not _COURT_DECIDES.match(post))
    ):
        return True  # "appealed to President Biden", "the Court of Final Appeal": no legal appeal
        # (but "loses appeal to regain citizenship", "Court of Appeal rules" are one)
    if trig.type is DevelopmentType.CHARGED and (
        _CHARGE_ENDED.search(text, max(0, m.start() - 50), m.end() + 60)
        or _CONVICTED_OF.search(text, max(0, m.start() - 90), m.start())
    ):
        return True  # "acquitted of tax evasion charges", "charges were dropped": no new charge
    if word.startswith(("commut", "reduc", "halv", "lengthen")) and not _COURT.search(text):
        return True  # a president's clemency is no appeal (a court's reduction is)
    if word == "to death" and (_KILLED_TO_DEATH.search(pre) or _KILLING_TO_DEATH.search(pre)):
        return True  # "beaten to death in custody": a killing, not a death sentence
    if trig.type is DevelopmentType.SENTENCED and _TIME_SERVED.search(pre + word):
        return True  # "after six years in prison", "spent 19 years in jail": time held
    if trig.id == "sen.jailed_for" and word.startswith("jail ") and re.search(r"\bin\s+$", pre):
        return True  # "had been in jail for four years": time held, not a term passed
    if trig.id == "rel.swap" and (
        _SWAP_PURSUED.search(re.split(r"[,;:]", text[max(0, m.start() - 80) : m.start()])[-1])
        or _SWAP_AHEAD.search(re.split(r"[,;:]", text[max(0, m.start() - 100) : m.start()])[-1])
    ):
        return True  # "confirms talks with Russia on X prisoner swap", "open to a swap": sought
    if trig.type is DevelopmentType.TRANSFERRED and _IN_SWAP.search(
        _NEXT_CLAUSE.split(text[m.end() : m.end() + 70], 1)[0]
    ):
        return True  # "handed over to Moscow as part of a prisoner swap": a release (not a
        # swap in the next clause: "X Enters a Penal Colony, Russia Signals Openness to Swap")
    if trig.type is DevelopmentType.SENTENCED and _SERVING.search(pre):
        return True  # "who is serving a 12-year sentence": a state
    if trig.type is DevelopmentType.SENTENCED and re.search(
        r"\b(?:end|rest|remainder) of (?:his|her|their|the)\s+$", pre
    ):
        return True  # "nears the end of her sentence"
    if word == "convicted" and re.search(r"\b(?:his|her|their)\s+$", pre, re.I):
        return True  # "X and her convicted sex offender partner": another person
    if trig.type is DevelopmentType.HEARING and re.match(
        r"^\W*(?:\w+\s+){0,1}(?:set|scheduled|postponed|adjourned|due)\b", post, re.I
    ):
        return True  # "appeal hearing set for Oct. 25": a date ahead
    if trig.id == "hea.extradition" and not re.search(
        r"\b(?:hearing|ruling|ruled|rules|judge|court|blocked|blocks|approved|approves|ordered|"
        r"orders|dismiss\w*|reject\w*|refus\w*)\b",
        text[max(0, m.start() - 40) : m.end() + 40],
        re.I,
    ):
        return True  # extradition as a topic ("lobby against extradition") is no hearing
    if (
        trig.id == "sen.jailed_over" or (trig.id == "sen.jails" and _FOR_REASON.match(post))
    ) and _FREED_BEFORE.search(text, max(0, m.start() - 70), m.start()):
        # "Iran frees actress X jailed for backing protests", "Saudi Arabia Frees Saad Almadi,
        # U.S. Dual Citizen Jailed for Dissent", "frees American who was jailed over tweets":
        # who the freed one is
        return True
    if trig.type is DevelopmentType.SENTENCED and (
        C.SOUGHT.search(pre[-25:])
        or _asked_for(text, m)
        or C.SOUGHT.match(post.lstrip(" -")[:10])
        or re.match(r"^\W*(?:\w+\W+){0,2}(?:sought|demanded|requested|expected)\b", post)
    ):
        return True  # "prosecutors seek 8 years": a demand, not a sentence
    if (
        trig.type in (DevelopmentType.RELEASED, DevelopmentType.BAIL)
        and (
            C.DEMAND.search(pre[-30:])
            or C.SOUGHT.search(pre[-30:])
            or _DEMANDED_BE.search(text, max(0, m.start() - 80), m.start())
            or _asked_for(text, m)
            or _pursued(pre[-45:], word)
            or _WORKED_AT.search(pre[-80:])
            or _WANTED_FREED.search(pre[-60:])
            or (trig.type is DevelopmentType.RELEASED and _MOVES_TO.search(pre[-20:]))
            or (word == "release" and _RELEASE_UNFINISHED.match(text, m.end(), m.end() + 90))
            or C.PURSUIT_LISTED.search(text, max(0, m.start() - 110), m.start())
            or C.PURSUIT_AFTER.match(post)
            or (
                C.ON_CONDITIONS.match(text[m.end() : m.end() + 70])
                and not word.startswith("temporar")  # "temporary release on medical grounds": bail
            )
            or _RELEASE_OF_THING.match(post)
            or _THING_WITH_BEFORE.search(pre[-60:])
            or (
                word in ("exchange", "swap")
                and re.match(r"^\s+for\b", post) is not None
                and (
                    not _DONE_SWAP_BEFORE.search(pre[-25:])
                    # "in exchange for access to frozen funds": a price, not a prisoner swap
                    or (pre.lower().endswith("in ") and _FOR_A_THING.match(text, m.end()))
                )
            )
            or _still_held(text, m)
        )
    ):
        return True  # sought, discussed, on conditions, partial: "negotiate the release of X"
    if trig.type is DevelopmentType.CONSULAR_VISIT and (
        C.DEMAND.search(pre[-30:]) or C.SOUGHT.search(pre[-30:]) or _ACCESS_DENIED.search(pre[-30:])
    ):
        return True  # "Britain demands consular access to X", "denied consular access"
    if trig.id == "hea.order" and re.search(r"\bsentenc\w*\b", pre[-40:], re.I):
        return True  # "sentenced to six months of detention": a sentence, not a custody order
    if trig.id == "hea.extend" and not re.search(
        r"\b(?:detention|custody|arrest|remand|pre-?trial|jail time)\b",
        text[max(0, m.start() - 40) : m.end() + 40],
        re.I,
    ):
        return True  # "prison leave extended": not a court extending custody
    if word == "moved" and _MOVED_TO_ACT.match(post):
        return True  # "lawmakers moved to expand the law": an act, not a transfer
    if word == "on trial" and re.search(r"\bto\s+(?:go|be\s+put|be)\s+$", pre, re.I):
        return True  # "to go on trial": ahead
    if word == "tried" and re.match(r"^\s+to\b", post):
        return True  # "tried to board a flight": an attempt, not a trial
    if (
        trig.id == "tri.trial"
        and _bare_trial(text, m)
        and not _trial_news(pre[-25:], m.group(0), post)
    ):
        return True  # "show trials", "a series of trials": the word, not the event
    if trig.type is DevelopmentType.SENTENCED and _SOUGHT_THAT.search(
        text, max(0, m.start() - 80), m.end()
    ):
        return True  # "asks that he receive a sentence of ten years": a sentence sought (but
        # a headline's "Two men receive life sentences" is passed)
    if _CAUSATIVE_AHEAD.search(pre) and not word.split()[0].endswith("ed"):
        return True  # "to have sentence reduced": ahead (but "appears to have detained" is done)
    if word == "release" and _ON_LEAVE.search(pre):
        return True  # "was on day release when he": a prisoner's leave, not a release
    if trig.type is DevelopmentType.RELEASED and (
        _THING_OBJECT.match(post)
        or _DIPLOMAT_OBJECT.match(post)
        or (word == "released" and _THING_SUBJECT.search(pre))
    ):
        return True  # "released details of", "video released", "expels the US ambassador"
    if (
        trig.id == "rel.free"
        and m.group(0)[:1].isupper()
        and (
            (_IN_NAME.search(pre) and (not title_case(text) or pre.rstrip().endswith("Radio")))
            or (m.start() > 0 and not title_case(text) and _NAME_GOES_ON.match(post))
        )
    ):
        return True  # "Radio Free Europe", "the Free Trade Union of Metalworkers": a name
    if word.startswith("rescu") and _OTHERS_DESCRIBED.match(post):
        return True  # "ships carrying rescued migrants": others, described
    if trig.type is DevelopmentType.RELEASED and R.THING_RELEASED.search(pre):
        return True  # "a report on X's case was released"
    if (
        trig.type is DevelopmentType.DIED
        and _DEATH_SENTENCE.search(text, max(0, m.start() - 15), m.end() + 12)
        and not (word == "death" and _killed_to_death(pre))
    ):
        return True  # "sentenced to death" is a sentence, not a death (but "beaten to death",
        # "Iran puts X to death" tell how one died; "stabbed a man to death", another's)
    # "upheld the conviction", "conviction overturned", "vacated his conviction": an appeal's
    # decision in the trigger's clause, or a precise appeal rule's match around it, is no new one.
    if trig.type in (DevelopmentType.VERDICT, DevelopmentType.SENTENCED) and (
        _AGAINST_OLD.search(pre)
        or _ON_APPEAL.search(pre)
        or _ON_APPEAL.search(re.split(r"[,;:]", post[:25], maxsplit=1)[0])
        or any(a <= m.start() < b for a, b in R.appeal_spans(text))
    ):
        return True
    if _tells_no_news(trig, word, text, m):
        return True
    if trig.type is DevelopmentType.CHARGED:
        # (the trigger may itself begin with the "more": "faces 20 | more assault charges")
        first = word.split()[0] if trig.id == "chg.hit" else ""
        more = _MORE_CHARGES_FACED.search(f"{pre}{first} " if first else pre)
        if more is not None:  # "faces 20 more charges": new charges filed
            pre = pre[: more.start()]
    if trig.type is DevelopmentType.DIPLOMATIC_ACTION:
        return False
    if trig.type is DevelopmentType.CHARGED and _DUE_IN_COURT.search(pre):
        return False  # "due in court charged with murder": the court date is ahead, the charge not
    if trig.type is not DevelopmentType.CHARGED and _FACED_AND.search(whole):
        return True  # "could face a steep fine and a prison sentence": the second thing faced
        # (charges faced are weighed as the charges they are, above)
    done = _ACHIEVED_TO.search(pre)  # "the first of 38 to be jailed": what ahead says is done
    return bool(_UNREALISED.search(pre[: done.start()] if done else pre))


def _tells_no_news(trig: C.Trigger, word: str, text: str, m: re.Match[str]) -> bool:
    """Wording that tells no development of the trigger's type (see below): a trial or appeal
    ahead or a day set for one, a captive that was, a sentence cut, a move to a colony, those
    held asked to be freed, custody or detention as a state, a detention appealed against."""
    before = text[max(0, m.start() - 60) : m.start()]
    after = text[m.end() : m.end() + 20]
    kind = trig.type
    return bool(
        (
            kind in (DevelopmentType.TRIAL, DevelopmentType.APPEAL)
            and trig.id != "app.decided"  # ("before their convictions were overturned": done)
            and _AWAITING.search(before)
        )
        or (kind in _SCHEDULED_KINDS and _SCHEDULED_AFTER.match(text, m.end()))
        or (word == "taken" and _TO_COLONY.match(text, m.end()))
        or (word == "detained" and _FREE_THOSE.search(before))
        or (trig.id == "det.custody" and word == "captive" and _FORMER.search(before))
        or (kind is DevelopmentType.SENTENCED and word == "sentence" and _CUT_FROM.search(before))
        or (kind is DevelopmentType.HEARING and _IN_STATE.search(before) and _SINCE.match(after))
        or (word == "detention" and _TOPIC_OF.search(before))
        or (
            kind is DevelopmentType.DETAINED
            and (
                _APPEAL_AGAINST.search(before)
                or (word == "detention" and _DETENTION_APPEALED.search(before))
            )
            and not re.match(r"\s+of\b", after)
        )
    )


# "held for two months pending trial", "awaiting trial": the trial is ahead.
_AWAITING = re.compile(
    r"\b(?:pending|awaiting|await|awaits|ahead\s+of|before)\s+(?:(?:his|her|their|the|a)\s+)?$",
    re.I,
)
# "The verdict in the case of X is set for May 8", "appeal hearing set for June 20": a day
# ahead (read after a trigger by `_tells_no_news`).
_SCHEDULED_KINDS = frozenset(
    {
        DevelopmentType.VERDICT,
        DevelopmentType.TRIAL,
        DevelopmentType.HEARING,
        DevelopmentType.SENTENCED,
        DevelopmentType.APPEAL,
    }
)
_SCHEDULED_AFTER = re.compile(
    r"(?:(?!\band\b)[^.;:,]){0,60}?(?:\b(?:is|are|was|were|has\s+been|had\s+been)\s+(?:now\s+)?)?"
    r"\b(?:set|scheduled|slated|due|expected)\s+(?:for|on)\b",
    re.I,
)
# "X has been taken to a penal colony": moved, not arrested.
_TO_COLONY = re.compile(
    r"\s+to\s+(?:a\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?(?:penal\s+colony|prison\s+camp|labou?r\s+camp)",
    re.I,
)
# "urged Iran to release all those detained": those held, not an arrest.
_FREE_THOSE = re.compile(
    r"\b(?:release|free|freeing|releasing)\s+(?:all\s+)?(?:those|the\s+people|people|others)\s+$",
    re.I,
)
# "Former Venezuela captive X sues": who someone was.
_FORMER = re.compile(r"\b(?:former|ex-)\s*(?:[\w.'’-]+\s+){0,2}$", re.I)
# "Appeals court cuts two years from X's sentence": an old sentence shortened.
_CUT_FROM = re.compile(
    r"\b(?:cut(?:s|ting)?|reduc(?:es|ed|ing)|commut(?:es|ed|ing)|shorten(?:s|ed|ing)|"
    r"trim(?:s|med|ming)?)\b[^.;:]{0,50}$",
    re.I,
)
# "X, in pretrial detention since his arrest": a state, not a hearing.
_IN_STATE = re.compile(r"\b(?:in|remains?\s+in|still\s+in|kept\s+in)\s+$", re.I)
_SINCE = re.compile(r"\s+since\b", re.I)
# "loses appeal against his pre-trial detention", "appeal against Anna Lindqvist's arrest": a
# court step about a detention under way (but "appeal against the arrest of X" may be a plea:
# see `_tells_no_news`) ...
_APPEALED = r"\b(?:appeals?|appealed|appealing|challenges?|challenged|challenging)\s+"
_ITS_HOLDING = (
    r"(?:(?:the|a|an|his|her|their|its)\s+)?"
    r"(?:(?!(?:for|of|after|before|and|but|as|when|since|following|over|on)\b)[\w'’.-]+\s+){0,3}?$"
)
_APPEAL_AGAINST = re.compile(_APPEALED + r"against\s+" + _ITS_HOLDING, re.I)
# ... and so are "a challenge to her detention", "appealed his detention" (not "challenges his
# arrest": an arrest challenged is often the day's news).
_DETENTION_APPEALED = re.compile(_APPEALED + r"(?:to\s+)?" + _ITS_HOLDING, re.I)
# "Envoy confronts Russian diplomat on X Detention", "concern over the detention of": the
# detention as what others speak of, a state.
_TOPIC_OF = re.compile(
    r"\b(?:over|on|about|regarding|concerning)\s+(?:(?:the|his|her|their)\s+)?"
    r"(?:[\w'’.-]+\s+){0,3}$",
    re.I,
)
_MORE_CHARGES_FACED = re.compile(
    r"\b(?:faces?|facing)\s+(?:an?\s+|\d+\s+|\w+\s+)?(?:new|fresh|further|additional|more)\s+"
    r"(?:[\w-]+\s+){0,3}$",
    re.I,
)


def _sentence_cues(text: str, sent: Sentence, first_body: int, n_units: int) -> list[str]:
    """Where the sentence stands in the item, and who and what it speaks of."""
    out = [f"units={min(n_units, 3)}"]
    if sent.headline:
        out.append("hl")
    elif sent.index == first_body:
        out.append("first")
    else:
        out.append("body")
    named = (("question", C.QUESTION), ("family", C.FAMILY), ("official", C.OFFICIAL))
    out += [name for name, pattern in (*named, ("state", C.STATES)) if pattern.search(text)]
    return out


def _targets(
    m: re.Match[str],
    mentions: Sequence[Mention],
    doc_cases: Sequence[str],
    kind: DevelopmentType,
    kin_cases: frozenset[str] = frozenset(),
    kin_of_cases: frozenset[str] = frozenset(),
) -> list[tuple[str, list[str]]]:
    """The cases a trigger may be about, each with its relation features (`kin_cases`: cases
    the item itself calls someone's relative, whose news a relative's headline is;
    `kin_of_cases`: cases it names as the one whose relative it speaks of)."""
    if not mentions:
        # A descriptor beside the trigger ("over journalist detained in China", "the Kremlin
        # critic was jailed") is how a sentence that names nobody speaks of the item's case ...
        text = m.string
        kin = _relatives_news(text, m, kind)
        kin_feats = []
        if kin is not None and not set(doc_cases) <= kin_cases:
            if (
                not _PUBLIC_ROLE.search(kin.group(0))
                or _HELD_DESCRIBED.search(kin.group(0))
                or not kin_of_cases.isdisjoint(doc_cases)
            ):
                return []  # ... but not its relative's: "Brother of jailed dual national
                # arrested" (unless the case is the relative: "Iran Sentences Former
                # President's Daughter")
            # The relative of one known for a public role (not held, never called the case)
            # is the item's case: "Son of Spanish actors arrested" above "YouTube chef X
            # confessed", "Colombian president's son charged".
            kin_feats.append("kin_subject")
        if _BUT_NOT_DESCRIBED.match(text, m.end()):
            return []  # ... nor what leaves it out: "amnesty frees thousands, but not journalists"
        if _MANY_DESCRIBED.search(text, max(0, m.start() - 70), m.start()):
            return []  # ... nor many of its kind: "nearly all Kremlin critics have been jailed"
        if _MANY_AFTER.match(text, m.end()) or _MANY_BEFORE.search(text, 0, m.start()):
            return []  # ... nor a crowd: "the release of all suspects detained over the blast"
        desc = [
            f"doc_desc_{side}"
            for side, span in (
                ("before", text[max(0, m.start() - 40) : m.start()]),
                ("after", text[m.end() : m.end() + 50]),
            )
            if C.DESCRIPTOR.search(span)
        ]
        return [(c, ["rel=doc", *desc, *kin_feats]) for c in doc_cases]
    outside = False  # the trigger's clause names no case: the cases are named elsewhere
    if kind is not DevelopmentType.DIPLOMATIC_ACTION:
        lo, hi = O.own_clause(m.string, m, mentions)
        inside = [x for x in mentions if lo <= x.start and x.end <= hi]
        if not inside and O.SOMEONE_CLAUSE.search(m.string, max(lo, m.start() - 60), m.start()):
            return []  # "X was freed, a week after a fellow teacher was jailed": someone new
        outside = not inside and (lo, hi) != (0, len(m.string))
        if inside:
            # "Russia frees X, keeps Y in jail", "X was jailed, while Y walked free": each
            # clause's news is its own case's (a government may raise all in one breath)
            mentions = inside
    clause_mentions = mentions  # (who opens the sentence, whatever the trigger tells of)
    if kind is not DevelopmentType.DIPLOMATIC_ACTION:
        mentions = _appositive_owners(m, mentions) or mentions
    by_case: dict[str, Mention] = {}
    for x in mentions:
        for c in x.cases:
            best = by_case.get(c)
            if best is None or _distance(x, m) < _distance(best, m):
                by_case[c] = x
    nearest = min(_distance(x, m) for x in mentions)
    out = []
    for case, x in by_case.items():
        if O.EXCLUDED_BEFORE.search(m.string, max(0, x.start - 30), x.start):
            continue  # "raises jailed Americans with Lavrov, but not X": X left out
        if x.kind in ("surname", "name") and _ANOTHER_OF_NAME.search(
            m.string, max(0, x.start - 20), x.start
        ):
            continue  # "Another Dubrovskaya detained": a namesake
        if x.kind == "group" and _PART_OF_GROUP.search(m.string, max(0, x.start - 30), x.start):
            continue  # "X, the first of the Mashhad Four to go home": one member, named
        if _ALSO_CALLED.search(m.string, max(0, x.start - 30), x.start):
            continue  # "a shopkeeper also called Kian Rostami": a namesake
        if x.end <= m.start() and _swap_counterpart(m.string, x.end, m.start()):
            continue  # "X freed in exchange for an Afghan convicted in the US": the other side
        if _kin_acts(x, m, kind) and not (
            kind is DevelopmentType.DIPLOMATIC_ACTION
            and x.start >= m.end()
            and _ACTOR_BEFORE.search(m.string, max(0, m.start() - 45), m.start())
        ):
            # "arrests son of drug lord X", "X's son was arrested": a relative's news (but a
            # government meeting "the wife of X" acts in X's case)
            continue
        if O.governed_after(x, m) and O.tells_of_another(m.string, m, mentions):
            continue  # "John Smith was jailed, the latest in cases including that of X"
        gap = _distance(x, m)
        side = "before" if x.end <= m.start() else "after" if x.start >= m.end() else "inside"
        words = len(_words_between(x, m))
        feats = [
            "rel=sent",
            *(["outside_clause"] if outside else []),
            f"side={side}",
            f"dist={_bucket(words, (1, 3, 6, 12))}",
            f"mk={x.kind}",
            f"nsent={min(len({c for y in mentions for c in y.cases}), 3)}",
        ]
        if gap == nearest:
            feats.append("nearest")
        if side == "after" and any(
            y.end <= m.start() and case not in y.cases and _distance(y, m) < gap for y in mentions
        ):
            # "Reed, who was freed in April, urged work toward freeing Griner": another case,
            # nearer and before the trigger, is what it is said of
            feats.append("other_case_before")
        lo, hi = (x.end, m.start()) if x.end <= m.start() else (m.end(), x.start)
        others = [
            n
            for n in _CAP.finditer(m.string)
            if not any(y.start < n.end() and n.start() < y.end for y in mentions)
        ]
        if any(lo <= n.start() and n.end() <= hi for n in others):
            feats.append("other_between")
        if any(_span_distance(n.start(), n.end(), m) < gap for n in others):
            feats.append("other_nearer")
        if m.string[x.end : x.end + 2] in ("'s", "’s"):
            feats.append("possessor")
        if x.start >= m.end() and _BY_BETWEEN.match(m.string[m.end() : x.start]):
            feats.append("agent")  # "killed by X", "a man shot by X": X did it
        if side == "after" and _as_victim(x, m.string):
            feats.append("victim")  # "charged in the death of X": another's arrest or trial
        if (
            _MODIFIER_AFTER.match(m.string[x.end :])
            or m.string[: x.start].lower().endswith(("pro-", "anti-"))
            or (side == "after" and _PLOT_AFTER.match(m.string[x.end :]))
        ):
            feats.append("modifier")  # "the X protests", "pro-X journalist": others' news
        if C.GOVERNED_BEFORE.search(m.string[max(0, x.start - 30) : x.start]):
            feats.append("governed")
        if _in_anothers_appositive(x, m, clause_mentions):
            feats.append("in_appositive")
        if x.start < 3 or m.string[: x.start].rstrip().endswith((",", ":", "-", "—")):
            feats.append("clause_start")
        if side == "before" and ": " in m.string[x.end : m.start()]:
            feats.append("topic")  # "X: Father and son sentenced ...": the item's topic
        out.append((case, feats))
    return out


_KIN = (
    r"(?:sons?|daughters?|wife|husband|mother|father|parents?|brothers?|sisters?|children|"
    r"nephews?|nieces?|cousins?|uncles?|aunts?|grandsons?|granddaughters?|girlfriend|boyfriend|"
    r"fianc[ée]e?|partners?|"
    r"widow|co-?defendants?|associates?|aides?|accomplices?)"
)
# A case the item calls someone's relative: "Faezeh Rafsanjani, daughter of former president".
_KIN_APPOSED = re.compile(r",?\s+(?:the\s+)?(?:[\w'’-]+\s+)?" + _KIN + r"\s+of\b", re.I)


def _told_with_kin(view: ArticleView) -> frozenset[str]:
    """Cases the item names beside a relation, other than as someone's relative set off after
    the name: the one whose relative it speaks of ("X's son", "the son of X"), or a relative
    named after the word ("her father X", of the daughter a headline is about)."""
    return frozenset(
        case
        for sent, mentions in zip(view.sentences, view.mentions, strict=True)
        for x in mentions
        if _KIN_AFTER.match(sent.text[x.end :])
        or _KIN_BEFORE_OF.search(sent.text[max(0, x.start - 60) : x.start])
        or _KIN_JUST_BEFORE.search(sent.text[max(0, x.start - 30) : x.start])
        for case in x.cases
    )


_KIN_JUST_BEFORE = re.compile(r"\b" + _KIN + r",?\s+$", re.I)


def _told_as_kin(view: ArticleView) -> frozenset[str]:
    """Cases the item names as someone's relative, with the relation just after the name."""
    return frozenset(
        case
        for sent, mentions in zip(view.sentences, view.mentions, strict=True)
        for x in mentions
        if _KIN_APPOSED.match(sent.text, x.end)
        for case in x.cases
    )


_KIN_AFTER = re.compile(r"^(?:'s|’s)['’\"”]?\s+(?:[\w-]+\s+)?" + _KIN + r"\b", re.I)
_KIN_BEFORE_OF = re.compile(
    r"\b" + _KIN + r"\s+of\s+(?!(?:two|three|four|five|six|seven|\d+)\b)(?:\W*[\w-]+\W+){0,5}?\W*$",
    re.I,
)
# Who works for or with the case: what happens to them is theirs ("a lawyer for X was
# arrested", "an adviser to X freed", "X's spokesman detained"), but what they do in the
# case is the case's ("X's lawyers filed an appeal"), so only a person's own fate counts.
_ASSOCIATE = (
    r"(?:lawyers?|attorneys?|advis[eo]rs?|spokes(?:man|men|woman|women|person|people)|"
    r"staff(?:ers?)?|colleagues?|assistants?|secretary|bodyguards?|drivers?|employees?|"
    r"cellmates?|co-?workers?|friends?|"
    r"allies|ally|supporters?|followers?|deputy|deputies|aides?|associates?)"
)
_ASSOCIATE_AFTER = re.compile(r"^(?:'s|’s)['’\"”]?\s+(?:[\w-]+\s+){0,2}" + _ASSOCIATE + r"\b", re.I)
_ASSOCIATE_BEFORE = re.compile(
    r"\b" + _ASSOCIATE + r"\s+(?:of|for|to)\s+(?!(?:two|three|four|five|six|seven|\d+)\b)"
    r"(?:\W*[\w-]+\W+){0,5}?\W*$",
    re.I,
)
# A sentence about a relative or associate of someone described: "Brother of jailed dual
# national arrested", "Lawyer for detained reporter held".
# (the one described after "of" is the case, so no name follows: not "The husband of former
# minister Maria Soto", who may be the case)
_DESCRIBED_AFTER = r"\s+(?:[\w'’-]+\s+){0,3}?(?:" + C.DESCRIPTOR_WORDS + r")s?\b(?!\s+(?-i:[A-Z]))"
# ... or told through a possessive: "His brother Emre was questioned and released", "Her
# husband, Reza Ameli, was also detained", "Kazakh activist's husband questioned".
_POSSESSED = (
    r"(?:(?:his|her|their)|(?:[\w.'’-]+\s+){0,3}?(?:"
    + C.DESCRIPTOR_WORDS
    + r"|(?:\w+-)?(?:"
    + C.DEMONYMS
    + r"))['’]s)\s+(?:[\w-]+\s+)?"
)
_NAME_APPOSED = r"(?:\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2}|\s*,[^,]{1,40},)?"


def _relation_patterns(
    noun: str, prepositions: str
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The four ways a sentence tells of a relative (or an associate) of someone described,
    built alike for both: as its subject after "of" ("Brother of jailed dual national") or a
    possessive ("His brother Emre"), as the one acted on ("jails wife of journalist",
    "re-arrests researcher's lawyer"), and after a possessive pronoun naming the case ("Her
    husband, Reza Ameli,")."""
    of_phrase = (
        r"(?:(?:the|a|an)\s+)?(?:[\w-]+\s+)?"
        + noun
        + r"\s+(?:"
        + prepositions
        + r")"
        + _DESCRIBED_AFTER
    )
    possessed = _POSSESSED + noun + r"\b"
    return (
        re.compile(r"\W*" + of_phrase, re.I),
        re.compile(r"\W*" + possessed + _NAME_APPOSED, re.I),
        re.compile(r"\s+(?:" + of_phrase + r"|" + possessed + r")", re.I),
        re.compile(r"\s+(?:[\w-]+\s+)?" + noun + r"\b" + _NAME_APPOSED, re.I),
    )


_KIN_OPENING, _KIN_POSSESSED_OPENING, _KIN_OBJECT, _KIN_AFTER_PRONOUN = _relation_patterns(
    _KIN, "of|to"
)
(
    _ASSOCIATE_OPENING,
    _ASSOCIATE_POSSESSED_OPENING,
    _ASSOCIATE_OBJECT,
    _ASSOCIATE_AFTER_PRONOUN,
) = _relation_patterns(_ASSOCIATE, "of|for|to")


def _relatives_news(text: str, m: re.Match[str], kind: DevelopmentType) -> re.Match[str] | None:
    """The relative (or, for a person's own fate, associate) of the one it describes that a
    sentence naming no case tells the trigger of, if any: as its subject, with no speech or
    pronoun between that hands the news back ("His wife says he was moved" is the case's),
    or as the one the trigger acts on."""
    own_fate = kind in _OWN_FATE
    for opening in (_KIN_OPENING, _KIN_POSSESSED_OPENING) + (
        (_ASSOCIATE_OPENING, _ASSOCIATE_POSSESSED_OPENING) if own_fate else ()
    ):
        kin = opening.match(text)
        if kin and kin.end() <= m.start():
            gap = text[kin.end() : m.start()]
            if len(_words(gap)) <= 6 and not _SPEECH.search(gap) and not _BACK_TO_CASE.search(gap):
                return kin
    return _KIN_OBJECT.match(text, m.end()) or (
        _ASSOCIATE_OBJECT.match(text, m.end()) if own_fate else None
    )


# Roles that make one's relatives news: "son of Spanish actors", "president's son", "partner
# of Tory peer's son" (not roles the held have: activist, journalist, opposition leader).
_PUBLIC_ROLE = re.compile(
    r"\b(?:actors?|actress(?:es)?|president|prime minister|(?:first\s+)?ministers?|peers?|lord|"
    r"billionaires?|tycoons?|moguls?|magnates?|stars?|singers?|celebrit(?:y|ies)|footballers?|"
    r"senators?|lawmakers?|governors?|mayors?|kings?|queens?|princes?|princess|royals?|"
    r"rulers?|presidents|chairman|ceo)\b",
    re.I,
)
# The one a relative is told of is held or harmed, as the item's case is: "Brother of jailed
# dual national", "wife of detained activist", "mother of hostage".
_HELD_DESCRIBED = re.compile(
    r"\b(?:jailed|detained|imprisoned|incarcerated|arrested|held|captured|kidnapped|abducted|"
    r"missing|disappeared|murdered|slain|killed|dead|late|executed|convicted|accused|"
    r"condemned|(?:detainee|prisoner|hostage|captive|victim|inmate)s?)\b",
    re.I,
)


_OWN_FATE = frozenset(
    {
        DevelopmentType.DETAINED,
        DevelopmentType.CHARGED,
        DevelopmentType.VERDICT,
        DevelopmentType.SENTENCED,
        DevelopmentType.RELEASED,
        DevelopmentType.DIED,
        DevelopmentType.BAIL,
    }
)
_SPEECH = re.compile(
    r"\b(?:says?|said|tells?|told|vows?|vowed|calls?|called|urges?|urged|asks?|asked|"
    r"fears?|feared|hopes?|hoped|learn(?:s|ed|t)|thinks?|believes?)\b|:",
    re.I,
)
# A pronoun between the relative and the news points back to the case: "X's husband welcomed
# her release", "X's wife says he was moved".
_BACK_TO_CASE = re.compile(r"\b(?:he|she|him|her|his|hers)\b", re.I)


# A relative joined to someone before: "Atiq Ahmed, brother shot dead", "politician and his
# brother killed".
_WITH_ANOTHER_BEFORE = re.compile(
    r"(?:\b(?-i:[A-Z])[\w'’.-]*|\b(?:" + C.DESCRIPTOR_WORDS + r"))(?:,|\s+and|\s+&)\s+"
    r"(?:(?:his|her|their)\s+)?$",
    re.I,
)


def _kin_died(pre: str, whole: str) -> bool:
    """ "His wife and son were found dead": a relative died, unless speech or a pronoun after
    the relative points back to the case ("X's brother says he was executed"), or the relative
    is joined to someone before (`whole`: the words before, across the clause break)."""
    told_after = _KIN_WHO.search(whole)
    if told_after:
        return not _SPEECH.search(told_after.group(0))
    kin = _KIN_BEFORE.search(pre)
    if kin is None or _WITH_ANOTHER_BEFORE.search(whole, 0, len(whole) - len(pre) + kin.start()):
        return False  # ("X, brother shot dead", "ex-MP and his brother killed": both died)
    tail = pre[kin.start() :]
    return not _SPEECH.search(tail) and not _BACK_TO_CASE.search(tail)


def _kin_span(x: Mention, text: str, kind: DevelopmentType) -> tuple[int, int] | None:
    """Where a mention names a relative or associate of the case ("X's son", "the son of X",
    and for a person's own fate "a lawyer for X"), the span of that phrase; LABELING counts a
    relative as another person."""
    own_fate = kind in _OWN_FATE
    after = _KIN_AFTER.match(text[x.end :]) or (
        _ASSOCIATE_AFTER.match(text[x.end :]) if own_fate else None
    )
    if after is None and text[x.start : x.end].lower() in ("his", "her", "their"):
        # "Her husband, Reza Ameli, was also detained", "His lawyer was arrested"
        after = _KIN_AFTER_PRONOUN.match(text, x.end) or (
            _ASSOCIATE_AFTER_PRONOUN.match(text, x.end) if own_fate else None
        )
        if after is not None:
            return x.start, after.end()
    if after is not None:
        return x.start, x.end + after.end()
    window = text[max(0, x.start - 60) : x.start]
    before = _KIN_BEFORE_OF.search(window) or (
        _ASSOCIATE_BEFORE.search(window) if own_fate else None
    )
    if before is None or window.rstrip().endswith(","):
        return None  # (a name after a comma is the relative's own: "a lawyer for X, Y,")
    return x.start - len(window) + before.start(), x.end


_RELEASE_WORD = re.compile(
    r"\b(?:free[sd]?|releas(?:e|es|ed)|pardon(?:s|ed)?|amnesty|swap(?:s|ped)?)\b", re.I
)
# Words that count many.
_MANY = r"all|many|most|several|dozens|scores|hundreds|thousands|numerous"
# Many described, not the one: "nearly all of the Kremlin's critics have been jailed", "dozens
# of journalists were arrested" (a count or "all" before a plural descriptor just before).
_MANY_DESCRIBED = re.compile(
    r"\b(?:" + _MANY + r"|countless|other|fellow)\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?"
    r"(?:" + C.DESCRIPTOR_WORDS + r")s\s+(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
# A crowd a trigger tells of, whoever they are: "the release of all suspects", "hundreds of
# protesters arrested", "all suspects detained".
_CROWD = (
    r"(?:" + _MANY + r")\s+(?:of\s+)?"
    r"(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+)?[\w'’-]+s"
)
_MANY_AFTER = re.compile(r"\s+of\s+" + _CROWD + r"\b", re.I)
_MANY_BEFORE = re.compile(r"\b" + _CROWD + r"\s+$", re.I)
_BUT_NOT_DESCRIBED = re.compile(
    r"[^.;:]{0,60}?,?\s+(?:but\s+not|except(?:\s+for)?|excluding)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:" + C.DESCRIPTOR_WORDS + r"|dual\s+nationals?|foreigners?)s?\b",
    re.I,
)
_ALSO_CALLED = re.compile(
    r"\b(?:also|likewise|similarly)\s+(?:called|named)\s+$|\bnamesake,?\s+$", re.I
)
# The other side of a swap, between the case and the trigger: "X was freed in exchange for
# an Afghan convicted of drug trafficking", "swapped for a Russian arms dealer sentenced to
# 25 years", "released in return for two soldiers held since April" (the words before the
# trigger hold no verb: "in exchange for Y, who was convicted" is left to the rest). A
# release comes first: "passed secrets in exchange for money" is a bribe, not a swap.
_SWAP_COUNTERPART = re.compile(
    r"\b(?:in\s+(?:exchange|return)\s+for|(?:swapped|traded|exchanged)\s+for|"
    r"(?:swap|exchange)\s+for)\s+(?:the\s+(?:release|freedom|return)\s+of\s+)?"
    r"(?:(?!(?:who|whom|which|that|was|were|is|are|has|have|had|and|but|after|before)\b)"
    r"[\w'’.-]+\s+){1,7}$",
    re.I,
)
# What makes it a swap: a release told before the phrase ("frees X in return for ...").
_RELEASE_TOLD = re.compile(
    r"\b(?:free[sd]?|freeing|releas\w*|set\s+free|walk\w*\s+free|returned|handed\s+over|"
    r"let\s+go)\b",
    re.I,
)
_SWAPPED = re.compile(r"(?:swapped|traded|exchanged)\b", re.I)


def _swap_counterpart(text: str, start: int, end: int) -> bool:
    """Whether the words between a case (ending at `start`) and a trigger (at `end`) end in
    the other side of a swap the sentence tells: "swapped for", or a release before it."""
    side = _SWAP_COUNTERPART.search(text, start, end)
    return side is not None and (
        _SWAPPED.match(side.group(0)) is not None
        or _RELEASE_TOLD.search(text, 0, side.start()) is not None
    )


_PART_OF_GROUP = re.compile(
    r"\b(?:first|last|second|third|one|two|three|another|member|members|rest|remaining|others?|"
    r"latest|youngest|oldest|eldest)\s+of\s+$",
    re.I,
)
_ANOTHER_OF_NAME = re.compile(r"\b(?:another|a\s+second|a\s+different)\s+$", re.I)
_SPEAKER_AFTER = re.compile(
    r"\s*,?\s*(?:(?-i:[A-Z])[\w'’-]+\s*,\s*)?(?:said|says|told|tells|added|wrote)\b", re.I
)
_CLAUSE_OPENER = re.compile(
    r"\b(?:after|before|when|as|since|because|while|until|following|where|who|that)\b", re.I
)
_WITH_THE_CASE = re.compile(
    r"\s+(?:alongside|along\s+with|together\s+with|with)\s+(?:him|her|them)\b", re.I
)
# (an appositive after the name is the name's: "the colleagues of X, the journalist arrested")
_RELATIVE_AFTER_NAME = re.compile(r"^\s*,\s*(?:who|whom|the|a|an)\b", re.I)
# ... that closes before the trigger's verb: ", a citizen who was charged over his tweets, was"
_APPOSITIVE_CLOSED = re.compile(r"\s*,[^,;]{1,120},(?=\s*(?:[\w'’-]+\s+){0,3}$)")


def _kin_acts(x: Mention, m: re.Match[str], kind: DevelopmentType) -> bool:
    """Whether the trigger happens to the relative a mention names, not to the case: "arrests
    son of drug lord X", "X's son was arrested". "X's wife says he was jailed" is still X's news:
    speech between leaves it to X."""
    span = _kin_span(x, m.string, kind)
    if span is None or _WITH_THE_CASE.match(m.string, m.end()):
        return False  # ("Her colleague, detained alongside her": both)
    if m.start() >= span[1]:
        gap = m.string[span[1] : m.start()]
        if _RELATIVE_AFTER_NAME.match(gap):
            closed = _APPOSITIVE_CLOSED.match(gap)
            if closed is None:
                return False  # "the sister of X, who was kidnapped in 2012": the clause is X's
            gap = gap[closed.end() :]  # "The son of X, a citizen who ..., was detained": his
    elif m.end() <= span[0]:
        gap = m.string[m.end() : span[0]]
        if len(_words(gap)) > 4 or _SPEAKER_AFTER.match(m.string, span[1]):
            return False  # the relative as the one acted on comes right after the verb (not
            # as the one who tells it: "..., X's son, Erik, told reporters")
    else:
        return False
    # (room for a second verb: "Her husband was briefly detained and released"; but not for a
    # clause of its own: "Supporters of X rally after a court sentenced the mayor")
    return (
        len(_words(gap)) <= 8
        and not _CLAUSE_OPENER.search(gap)
        and not _SPEECH.search(gap)
        and not _BACK_TO_CASE.search(gap)
    )


# A participle or relative clause set off after a name tells of that name (and of the names
# listed with it) alone: "They include X, detained in Moscow last month, and A, B and C, held in
# Venezuela since June", "Y, detained on Saturday, brings to 20 the Westerners held, among them
# Z, arrested in May".
_APPOSED_OPENING = re.compile(
    r"(?:,\s+\d{1,3})?,\s+(?:who\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+)?"
    r"(?:(?:also|later|then|first|both|all|each|briefly|reportedly|allegedly)\s+)?$",
    re.I,
)
_LISTED_WITH = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:[\w'’.-]+\s+){0,3}?", re.I)


def _appositive_owners(m: re.Match[str], mentions: Sequence[Mention]) -> list[Mention]:
    """The names a participle or relative clause set off after them tells of (see above);
    none where the trigger is not set off so."""
    text = m.string
    before = [x for x in mentions if x.end <= m.start()]
    if not before:
        return []
    last = max(before, key=lambda x: x.end)
    if not _APPOSED_OPENING.fullmatch(text, last.end, m.start()):
        return []
    owners = [last]
    for x in sorted(before, key=lambda x: x.end, reverse=True)[1:]:
        if not _LISTED_WITH.fullmatch(text, x.end, owners[-1].start):
            break
        owners.append(x)
    return owners


def _distance(x: Mention, m: re.Match[str]) -> int:
    return _span_distance(x.start, x.end, m)


def _span_distance(start: int, end: int, m: re.Match[str]) -> int:
    if end <= m.start():
        return m.start() - end
    if start >= m.end():
        return start - m.end()
    return 0


def _words_between(x: Mention, m: re.Match[str]) -> list[str]:
    text = m.string
    if x.end <= m.start():
        return _words(text[x.end : m.start()])
    if x.start >= m.end():
        return _words(text[m.end() : x.start])
    return []


# A name that modifies a noun of other people or things: "the Mahsa Amini protests", "X
# supporters", "the X government".
_MODIFIER_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:protests?|protesters|movement|era|supporters|all(?:y|ies)|loyalists|aides?|"
    r"government|administration|regime|party|camp|foundation|campaigners?|followers|"
    r"associates?|backers|sympathi[sz]ers)\b|"
    r"^-(?:era|led|backed|linked|allied|aligned|appointed)\b",
    re.I,
)
# ... and a plot or an escape told after the trigger by the name: "arrested for roles in Ghosn
# smuggling plot", "sentence over Carlos Ghosn escape" (but "X's escape ends with her arrest").
_PLOT_AFTER = re.compile(r"^\s+(?:[\w-]+\s+)?(?:plot|escape)\b", re.I)
# The case as the one others harmed or helped: "charged with murder in the death of X",
# "convicted of killing X", "arrested over X's death" (not "X's death sentence"), "convicted of
# helping X escape", "sentences man who threatened X", "charged with tipping off X".
_VICTIM_BEFORE = re.compile(
    r"\b(?:(?:deaths?|killings?|murders?|slaying|assassination|manslaughter|shooting|beating|"
    r"rape)\s+of|kill|killing|killed|murder|murdering|murdered|assassinate|assassinating|"
    r"assassinated|shooting|shot|harm|"
    r"stabbing|stabbed|beating|raping|raped|"
    r"help(?:ing|ed)?|aid(?:ing|ed)|assist(?:ing|ed)|smuggl(?:e|ing|ed)|shelter(?:ing|ed)|"
    r"harbou?r(?:ing|ed)|hid(?:ing)?|threaten(?:ing|ed)?|tipp(?:ing|ed) off|defraud(?:ing|ed)|"
    r"brib(?:ing|ed)|insult(?:ing|ed)|attack(?:ing|ed)?|"
    # the one the accused worked for or with: "charged over his ties to X", "spying for X"
    r"work(?:ing|ed)?\s+(?:with|for)|spy(?:ing)?\s+for|conspir(?:ing|ed)\s+with|"
    r"lobby(?:ing)?\s+for|on\s+behalf\s+of|ties\s+to|links\s+to)"
    r"\s+(?:to\s+\w+\s+)?(?:the\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,4}$",
    re.I,
)
# (not "X's death sentence", "X's murder trial": the case's own)
_NOT_ITS_OWN = (
    r"(?![\s-]+(?:sentences?|penalty|row|convictions?|trial|case|charges?|verdict|appeal))"
)
_VICTIM_AFTER = re.compile(
    # "X's death", "Tyre Nichols' murder" (a name ending in s takes the apostrophe alone) ...
    r"^(?:'s|’s|'|’)\s+(?:[\w-]+\s+)?(?:death|killing|slaying|assassination|murder|beating)\b"
    + _NOT_ITS_OWN
    + r"|"
    # ... or the name as the death's modifier: "guilty in Elijah McClain death" (not "murder":
    # "the X murder trial" is the accused's)
    r"^\s+(?:death|slaying|assassination)\b" + _NOT_ITS_OWN,
    re.I,
)


# "killed by X", "killed by her boyfriend, former Paralympic athlete X"
# A sentence opening with a name and its appositive: "Win Htein, a senior figure in X's party,"
_LEAD_NAME = re.compile(
    r"^\W*((?-i:[A-Z][\w'’.-]+)(?:\s+(?:(?:al|el|bin|ibn)-)?(?-i:[A-Z])[\w'’.-]+){1,3}),\s"
)


# What parts a name that opens a list from the next: its age and a conjunction.
_LISTED = re.compile(r"(?:\d{1,3},\s*)?(?:(?:and|&)\s+)?")


def _in_anothers_appositive(x: Mention, m: re.Match[str], mentions: Sequence[Mention]) -> bool:
    """Whether the mention sits in the appositive of another name that opens the sentence and
    the trigger is that name's verb: "Win Htein, a senior figure in X's party, was taken by
    police", "Sadiq al-Mahdi, who was toppled by X, died Thursday"."""
    text = m.string
    lead = _LEAD_NAME.match(text)
    if lead is None or not lead.end() <= x.start < x.end <= m.start():
        return False
    if any(y.start < lead.end(1) and lead.start(1) < y.end for y in mentions):
        return False  # the case opens the sentence
    if _INCLUDING.match(text, lead.end(1)):
        return False  # "Four Americans, including X, arrested": one of them
    if _LISTED.fullmatch(text, lead.end(), x.start) and not text.startswith(("'s", "’s"), x.end):
        return False  # "Y, 33, and X, 41, were detained": a list, not an appositive
    close = text.rfind(", ", x.end, m.start())
    return close >= 0 and len(_words(text[close : m.start()])) <= 3


def _as_victim(x: Mention, text: str) -> bool:
    """Whether a mention names the case as the one others harmed or helped ("charged in the
    death of X", "jailed for helping X escape")."""
    return bool(
        _VICTIM_BEFORE.search(text[max(0, x.start - 60) : x.start])
        or _VICTIM_AFTER.match(text[x.end :])
    )


_BY_BETWEEN = re.compile(r"^\s+by\s+(?:[\w'’-]+,?\s+){0,7}$", re.I)
_OF_BETWEEN = re.compile(r"^\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_POSSESSIVE_BETWEEN = re.compile(r"^(?:'s|’s)\s+(?:[\w-]+\s+)?$")


def _nominal(text: str, m: re.Match[str], mentions: Sequence[Mention]) -> list[str]:
    """A noun whose owner is the case: "the death of X", "X's arrest", "X's release"."""
    out = []
    if any(x.start >= m.end() and _OF_BETWEEN.match(text[m.end() : x.start]) for x in mentions):
        out.append("of_person")
    if any(
        x.end <= m.start() and _POSSESSIVE_BETWEEN.match(text[x.end : m.start()]) for x in mentions
    ):
        out.append("person_s")
    return out


@dataclass(frozen=True)
class _Around:
    """A trigger's surroundings: its word, the text before it (all, and within its clause)
    and after it, and the whole sentence."""

    word: str
    start: int  # the trigger's offset in the sentence
    upper: bool  # the trigger starts with a capital
    capital: bool  # ... and does not start the sentence
    pre: str
    clause: str
    post: str
    sentence: str


# "arrested on fraud charges": the charges come with the arrest.
_HELD_ON = re.compile(
    r"\b(?:arrest\w*|detain\w*|held|jailed|remanded|indicted|extradited)\s+on\s+"
    r"(?:[\w$.,-]+\s+){0,4}$",
    re.I,
)


# A noun some verb makes news of: "repeated its call for", "renewed their appeal".
_RENEWED = re.compile(
    r"\b(?:repeat(?:s|ed)?|renew(?:s|ed)?|reiterat(?:es|ed)|issu(?:es|ed)|made|makes|echo(?:es|ed)|"
    r"stepp(?:ed)?\s+up|step(?:s)?\s+up)\s+(?:its|their|his|her|the)\s+(?:\w+\s+)?$",
    re.I,
)
# (a former office-holder stays one: "former President X condemned" is no government acting)
_ROLE_ONCE_HELD = re.compile(
    r"\bformer(?=[\s-]+(?!(?:[\w-]+\s+)?(?:president|prime|minister|premier|chancellor|"
    r"officials?|ambassador|diplomat|envoy|secretary|senator|governor|mayor|leader|head)\b)\w)",
    re.I,
)
# The subject counted among those the trigger tells of.
_ONE_OF = re.compile(
    r"\b(?:was|is|were|are|as|became|becomes)\s+(?:among|one\s+of)\s+(?:the\s+)?"
    r"(?:[\w,'’-]+\s+){1,4}?$",
    re.I,
)
# What a verb "charge" charges its object with ("charges WSJ reporter X with spying").
# (not "charged along with three others")
_CHARGE_WITH = re.compile(r"\s+(?:(?!along\b|together\b)[\w'’.-]+\s+){1,6}?with\b", re.I)


_CUE_TESTS: tuple[tuple[str, Callable[[_Around], object]], ...] = (
    ("pre_neg", lambda a: C.NEGATION.search(a.clause)),
    ("pre_modal", lambda a: C.MODAL.search(a.clause)),
    ("pre_demand", lambda a: C.DEMAND.search(a.clause)),
    # ("The former general was found guilty": a role once held, not a time long past)
    ("pre_bg", lambda a: C.BACKGROUND.search(_ROLE_ONCE_HELD.sub(" ", a.clause))),
    ("pre_perfect", lambda a: C.PERFECT.search(a.clause)),
    ("pre_relcl", lambda a: C.RELATIVE_BEFORE.search(a.clause)),
    # (a verb in -ing after "is" or "been" is progressive and active: "has been holding rallies")
    ("passive", lambda a: C.PASSIVE.search(a.clause) and not a.word.split()[0].endswith("ing")),
    ("progressive", lambda a: C.PASSIVE.search(a.clause) and a.word.split()[0].endswith("ing")),
    # (a noun some verb makes news of is none: "repeated its call for", "renewed their appeal")
    ("nominal", lambda a: C.NOMINAL_BEFORE.search(a.clause) and not _RENEWED.search(a.clause)),
    ("of_after", lambda a: C.OF_AFTER.match(a.post)),
    ("term_after", lambda a: C.TERM.search(a.post[:40])),
    ("term_before", lambda a: C.TERM.search(a.pre[-30:])),
    ("post_modal", lambda a: C.MODAL.search(a.post[:25])),
    ("serving", lambda a: C.SERVING.search(a.clause[-30:])),
    ("remains_held", lambda a: C.REMAINS_HELD.search(a.sentence)),
    ("sought", lambda a: C.SOUGHT.search(a.clause)),
    ("prevented", lambda a: C.PREVENTED.search(a.clause)),
    ("threat_after", lambda a: C.THREAT_AFTER.match(a.post)),
    # "Detained U.S. Soldier Travis King": a state, not news.
    ("attributive", lambda a: a.upper and C.NAME_AFTER.match(a.post)),
    # "convicted arms dealer X": who he is, and so a verdict of some earlier day.
    ("convicted_who", lambda a: _convicted_who(a.word, a.pre, a.post)),
    # "arrested on $1 billion fraud charges": the arrest brings the charges
    ("held_on", lambda a: a.word.startswith("charge") and _HELD_ON.search(a.clause)),
    # "X was one of 64 protesters held", "is among nine children released": the case too
    ("one_of", lambda a: _ONE_OF.search(a.clause)),
    # "US charges think tank head with being Chinese agent": the verb, with what it charges
    ("charge_with", lambda a: a.word.startswith("charge") and _CHARGE_WITH.match(a.post)),
    (
        "actor_before",
        lambda a: C.OFFICIAL.search(a.clause[-35:]) or C.STATES.search(a.clause[-35:]),
    ),
    # "X must be freed, says Biden": the government speaks after its words
    (
        "actor_after",
        lambda a: (
            (a.word in _SAYS and _ACTOR_AFTER.match(a.post))
            or _QUOTED_FOR_GOVERNMENT.match(a.sentence, a.start + len(a.word))
        ),
    ),
    (
        "gov_subject",
        lambda a: (
            _GOV_SUBJECT.search(a.clause)
            or _GOV_SUBJECT.search(_reported(a.clause))
            or _coordinated_gov(a.sentence, a.start)
        ),
    ),
    ("gov_meets", lambda a: _meets_government(a.word, a.post)),
    ("last_predicate", lambda a: _last_predicate(a.sentence[a.start + len(a.word) :])),
    ("family_before", lambda a: C.FAMILY.search(a.clause[-35:])),
    (
        "descriptor",
        lambda a: C.DESCRIPTOR.search(a.clause[-35:]) or C.DESCRIPTOR.search(a.post[:30]),
    ),
    ("thing_after", lambda a: C.RELEASED_THING.match(a.post)),
    ("to_custody_form", lambda a: C.TO_CUSTODY_FORM.match(a.post)),
    ("name_after", lambda a: C.NAME_AFTER.match(a.post)),
    ("others_before", lambda a: C.OTHERS.search(a.clause)),
    # ... or as the sentence's subject further back: "Two men accused of helping X flee ...
    # were arrested".
    ("others_subject", lambda a: C.OTHERS.search(a.sentence[: a.start])),
    ("others_after", lambda a: C.OTHERS.search(a.post[:60]) or C.PEOPLE_AFTER.match(a.post)),
    # "an American imprisoned in Russia": who they are.
    (
        "appositive",
        lambda a: C.DESCRIPTOR.search(a.clause[-22:]) and not C.PASSIVE.search(a.clause),
    ),
    ("capital", lambda a: a.capital),  # headline case, or part of a name
    ("name_before", lambda a: _CAP.search(a.pre[-25:])),
    ("gerund", lambda a: a.word.endswith("ing")),
    ("past", lambda a: a.word.endswith("ed")),
    ("infinitive", lambda a: re.search(r"\bto\s+$", a.clause)),
)


# The trigger as the sentence's last predicate: nothing but place, time or cause after it
# ("US musician detained in Russia on drug charges"), unlike a description followed by the
# sentence's own verb ("an American detained in Russia, says he ...").
_TAIL_ONLY = re.compile(
    r"^(?:\s+(?:in|on|for|over|at|after|by|near|from|with|amid|during|under|since|as)\b"
    r"[^.;:!?]*)?[.!?]?\s*$",
    re.I,
)
_TAIL_VERB = re.compile(
    r"\b(?:says?|said|is|are|was|were|has|have|had|will|would|calls?|urges?|begins?|began|"
    r"ends?|tells?|told|asks?|fears?|speaks?|hopes?|seeks?|faces?|dies|died|gets?|got|wins?|"
    r"loses?|lost|returns?|who|which|that|when)\b",
    re.I,
)


def _last_predicate(post: str) -> bool:
    """Whether nothing but prepositional phrases follow the trigger to the sentence's end."""
    return bool(_TAIL_ONLY.match(post)) and not _TAIL_VERB.search(post)


def _clause_before(text: str, m: re.Match[str]) -> str:
    """The words before the trigger within its clause (cut at the last clause break)."""
    pre = text[max(0, m.start() - _WINDOW) : m.start()]
    cut = max(pre.rfind(", "), pre.rfind("; "), pre.rfind(" - "), pre.rfind(": "))
    return pre[cut + 1 :] if cut >= 0 else pre


def _local_cues(text: str, m: re.Match[str], clause: str) -> list[str]:
    """Tense, aspect, negation, modality and demand cues in the words around the trigger
    (`clause`: the words before it in its clause, `_clause_before`)."""
    pre = text[max(0, m.start() - _WINDOW) : m.start()]
    around = _Around(
        m.group(0).lower(),
        m.start(),
        m.group(0)[:1].isupper(),
        m.group(0)[:1].isupper() and m.start() > 0,
        pre,
        clause,
        text[m.end() : m.end() + _WINDOW],
        text,
    )
    return [name for name, test in _CUE_TESTS if test(around)]


def _convicted_who(word: str, pre: str, post: str) -> bool:
    """ "convicted arms dealer X", "the convicted rapist": an earlier verdict told as who someone
    is (but "a court convicted journalist X" is the verdict itself)."""
    return (
        word == "convicted"
        and not _AUXILIARY_BEFORE.search(pre)
        and not re.search(r"\b(?:court|jury|jurors|judges?|tribunal)\s+(?:\w+\s+)?$", pre, re.I)
        and bool(_ATTRIBUTIVE.match(post))
    )


def _lexical(
    masked: str, text: str, m: re.Match[str], mentions: Sequence[Mention], kind: DevelopmentType
) -> list[str]:
    """The word before and after the trigger, names masked, numbers folded."""
    shift_ = sum(6 - (x.end - x.start) for x in mentions if x.end <= m.start())
    start = m.start() + shift_
    end = m.end() + shift_
    before = [_token(w) for w in _words(masked[max(0, start - 40) : start])]
    after = [_token(w) for w in _words(masked[end : end + 40])]
    out: list[str] = []
    if before:
        out.append(f"p1={before[-1]}")
    if len(before) > 1:
        out.append(f"p2={before[-2]}")
    if after:
        out.append(f"n1={after[0]}")
    if len(after) > 1:
        out.append(f"n12={after[0]}_{after[1]}")
    return out


def _date(
    kind: DevelopmentType,
    text: str,
    m: re.Match[str],
    dates: Sequence[DateMention],
    sent: Sentence,
    local: Sequence[str],
    pub: dt.date | None,
    previous: PartialDate | None,
) -> tuple[PartialDate | None, str]:
    """The date this trigger reports, and a feature saying how it was found."""
    if kind is DevelopmentType.DETAINED:
        began = _began(text, m, dates, local, pub)
        if began is not None:
            return began, "date=began"
    since = _since_event(text, m, dates, pub)
    if since is not None:
        return since, "date=offset"
    usable = [d for d in dates if d.date is not None and not d.future and _dates_event(text, d, m)]
    if kind is DevelopmentType.DIPLOMATIC_ACTION:
        # "troubled by the sentence handed to X on May 25": the sentence's day, not the words'
        usable = [
            d
            for d in usable
            if not (d.start > m.end() and _ACT_BETWEEN.search(text, m.end(), d.start))
        ]
    if any(d.end <= m.start() for d in usable) and _news_now(kind, text, m):
        # a present perfect takes no day told before it: "Alleged incident happened on
        # Wednesday night [no stop] X and Y have turned themselves in to police"
        usable = [d for d in usable if d.start >= m.end()]
    earlier = [d for d in usable if _first_verbs(text, d, m)]
    if earlier and len(earlier) < len(usable):
        usable = [d for d in usable if d not in earlier]  # "detained on 28 December and charged
        # on 30 December": the trigger's own date, not the first verb's
    later = [
        d
        for d in dates
        if d.offset_days is not None and d.offset_unit and d.start >= m.end() and d.date is None
    ]
    if earlier and later and len(earlier) == len(usable) and earlier[-1].date is not None:
        # "detained on November 20 and charged the next day": counted from the first verb's day
        off = later[0]
        moved = shift(earlier[-1].date, off.offset_days or 0, off.offset_unit or "day")
        return moved, "date=offset"
    if usable:
        best = min(usable, key=lambda d: abs(d.start - m.start()))
        assert best.date is not None
        if pub is not None and best.date.year < pub.year - 1:
            return best.date, "date=old"
        return best.date, "date=explicit"
    for off in (d for d in dates if d.offset_days is not None and d.offset_unit):
        base = previous
        if base is not None:
            return shift(base, off.offset_days or 0, off.offset_unit or "day"), "date=offset"
    if _apposed_participle(text, m):
        return None, "date=relative"  # "X, convicted in Bali of killing her mother, pleads
        # guilty in US": who X is, told between commas before the news
    had = re.search(r"\bhad\s+(?:\w+ly\s+)?been\b", text[max(0, m.start() - 30) : m.start()])
    if "convicted_who" in local and not sent.headline:
        return None, "date=who"  # "convicted arms dealer X": some earlier day
    background = bool(had) or any(c in local for c in ("pre_bg", "nominal"))
    if (
        background
        and not sent.headline
        and not _news_now(kind, text, m)
        and not _court_decided(text, m)
    ):
        return None, "date=background"
    if background and (had or _IN_RELATIVE.search(text, max(0, m.start() - 40), m.start())):
        # (a headline's background is mostly its news, "after arrest, X ...", but not in a
        # relative clause: "X, who was freed after four years, launches charity"; the main
        # verb after one is: "Dissident Who Was Removed From Flight Is Pardoned")
        return None, "date=relative"
    if pub is None:
        return None, "date=none"
    return PartialDate.of(pub), "date=pub"


_IN_RELATIVE = re.compile(r"\b(?:who|which)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
_NAME_COMMA_BEFORE = re.compile(r"(?-i:[A-Z])[\w'’.-]*,\s+$")
_MAIN_VERB_AFTER = re.compile(r"^[^,;:.!?]{0,100},\s+(?:[\w'’-]+ly\s+)?[A-Za-z]+(?:s|ed)\b")


def _apposed_participle(text: str, m: re.Match[str]) -> bool:
    """Whether the trigger is a participle set off by commas after a name, the sentence's news
    coming after it: "X, convicted in Bali of killing her mother, pleads guilty"."""
    return (
        m.group(0).lower().endswith("ed")
        and _NAME_COMMA_BEFORE.search(text, max(0, m.start() - 40), m.start()) is not None
        and _MAIN_VERB_AFTER.match(text[m.end() : m.end() + 140]) is not None
    )


# A development told in the present perfect as the sentence's own news: "X has been sentenced
# by a Moscow court to 25 years", "Former leader has been convicted of corruption", "a court
# has ordered his release": today's news, whatever background words stand beside it (not in
# a relative clause, "X, who has been sentenced to nine years, ...", nor in someone's words
# about himself, "says he has been unjustly detained", nor a state, "has been held").
_HAS_NOW = (
    r"\b(?:has|have)\s+(?:(?:now|just|also|already|reportedly|officially|formally|finally|"
    r"recently)\s+)?"
)
_PERFECT_NOW = re.compile(
    # (and contracted before "been": "now says he's been freed")
    r"(?:" + _HAS_NOW + r"(?:been\s+)?|(?<=\w)['’](?:s|ve)\s+(?:just\s+|now\s+)?been\s+)$",
    re.I,
)
# ... or a court's act on the event's noun, in the present perfect: "A court has rejected X's
# appeal against his detention", "has granted her bail", "has upheld the sentence".
_COURT_ACTED_NOW = re.compile(
    _HAS_NOW + r"(?:rejected|dismissed|upheld|granted|overturned|quashed|denied|approved|"
    r"accepted|allowed|refused|thrown\s+out|turned\s+down|struck\s+down)\s+"
    r"(?:[\w'’.-]+\s+){0,6}?$",
    re.I,
)
# A court's decision in the simple past is the sentence's own news, not background: "The court
# denied his appeal" (but "after a court denied his appeal" is background, and a day told
# before it stays its day: "On March 3, a court rejected X's appeal").
_COURT_ACTED = re.compile(
    r"\b(?:court|judges?|tribunal|panel)\s+(?:\w+\s+){0,2}?(?:rejected|dismissed|denied|upheld|"
    r"granted|refused|turned\s+down|threw\s+out)\s+(?:[\w'’.-]+\s+){0,4}?$",
    re.I,
)
# ... or joined to one: "has been arrested in the CAR and handed over to the court", "has given
# her a suspended sentence after convicting her" (a gerund after "after" only).
_PERFECT_JOINED = re.compile(
    r"\b(?:has|have)\s+(?:(?:now|just|also|already|reportedly|officially|formally|finally)\s+)?"
    r"(?:been\s+)?\w+(?:ed|en)\b[^.;:]{0,100}?(?:(?P<and>\band\s+(?:then\s+)?)|\bafter\s+)$",
    re.I,
)
_OWN_WORDS = re.compile(
    r"\b(?:says?|said|claims?|claimed|insists?|insisted|told)\s+(?:that\s+)?"
    r"(?:he|she|they|it)\s+(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
_HELD_STATE = re.compile(
    r"(?:held|jailed|imprisoned|detained|in custody|behind bars|serving)$", re.I
)


# ... or a nominal event the sentence says is happening: "The trial of X opens in The Hague",
# "the trial has begun for singer X", "a hearing in the case was held on" (but "the arrest of X
# has thrown a spotlight on": the arrest is background to other news).
_NOMINAL_HAPPENS = re.compile(
    r"(?:\s+(?:of|against|for|in)\b[^.;:,]{0,80}?)?\s+(?:(?:has|have)\s+)?(?:opens?|opened|"
    r"begins?|began|begun|starts?|started|resumes?|resumed|gets?\s+under\s?way|got\s+under\s?way|"
    r"is\s+under\s?way|took\s+place|takes\s+place)\b",
    re.I,
)


def _news_now(kind: DevelopmentType, text: str, m: re.Match[str]) -> bool:
    """Whether the trigger is the sentence's own news though background words stand near it:
    a present perfect, or a nominal event said to be happening (see above)."""
    if kind in (DevelopmentType.TRIAL, DevelopmentType.HEARING) and _NOMINAL_HAPPENS.match(
        text, m.end()
    ):
        return not _IN_RELATIVE.search(text, max(0, m.start() - 40), m.start())
    pre = text[max(0, m.start() - 60) : m.start()]
    return (
        (
            _PERFECT_NOW.search(pre) is not None
            or _COURT_ACTED_NOW.search(text, max(0, m.start() - 100), m.start()) is not None
            or _joined_to_perfect(text, m)
        )
        and not _IN_RELATIVE.search(pre[-40:])
        and not re.search(r"\b(?:who|which|that)\s+(?:has|have)\b", pre[-30:], re.I)
        and not _OWN_WORDS.search(pre)
        and not (kind is DevelopmentType.DETAINED and _HELD_STATE.search(m.group(0)))
    )


def _court_decided(text: str, m: re.Match[str]) -> bool:
    """Whether a court's simple-past decision governs the trigger ("the court denied his
    appeal"), with no background word before it."""
    pre = text[max(0, m.start() - 60) : m.start()]
    return _COURT_ACTED.search(pre) is not None and not C.BACKGROUND.search(pre)


def _joined_to_perfect(text: str, m: re.Match[str]) -> bool:
    """Whether the trigger follows "and", or is a gerund after "after", joined to a present
    perfect (searched only when the nearer forms did not match)."""
    joined = _PERFECT_JOINED.search(text, max(0, m.start() - 140), m.start())
    return joined is not None and bool(joined.group("and") or m.group(0).endswith("ing"))


_OTHER_CLAUSE = re.compile(r"[,;:]\s|\s[-–—]\s|\b(?:who|which|that|when|where|while)\b")
# A date that names another event: "over 2019 protests", "the Jan. 6 committee", "the
# October 7 attacks", "the January 8 'coup'", "the 1988 Lockerbie plane bombing" (up to two
# words between, none of them a function word that would start a new phrase).
_NOUN_DATE = re.compile(
    r"^(?:'s|’s)|^\s*['‘\"“]?"
    r"(?:(?!(?:after|before|during|over|amid|for|by|in|on|at|and|or|but|the|a|an|of|to|from|"
    r"with|as|when|while|where|who|which|that)\b)[\w'’-]+\s+){0,2}"
    r"(?:protests?|elections?|coup|war|invasion|uprising|olympics|games|summit|prize|laureate|"
    r"winner|campaign|committee|panel|commission|attacks?|riots?|rioters?|insurrection|massacre|"
    r"bombings?|genocide|shootings?|crash|hijacking|murders?|killings?|crimes?|heist|robbery|"
    r"raid|plot|scandal|incident|disappearance|fire|explosion|assaults?|rapes?|fraud|stabbing|"
    r"offen[cs]es?|charges|counts|cases?|probe|investigation|defendants)\b",
    re.I,
)
_GERUND_CLAUSE = re.compile(r"\b(?:after|before|for|by|over)\s+\w+ing\b", re.I)
_DATE_OF_OTHER = re.compile(
    # "charged with the 2017 m...", "jailed for the 2019 attack": after "with the" or "for
    # the", a year is the crime's, whatever the noun (but "arrested in the 2019 crackdown";
    # and "on the evening of 23 May" is the day's own time)
    r"\b(?:over|from|during)\s+(?:the\s+)?$|\b(?:with|for)\s+the\s+$|"
    r"(?<!morning\s)(?<!evening\s)(?<!night\s)(?<!afternoon\s)(?<!hours\s)(?<!weekend\s)"
    r"\bof\s+(?:the\s+)?$",
    re.I,
)


def _dates_event(text: str, d: DateMention, m: re.Match[str]) -> bool:
    """Whether a date in the sentence dates this trigger: in its clause, not a noun's date
    ("over 2019 protests", "last year's laureate", "the 1994 genocide")."""
    if d.end <= m.start() and re.fullmatch(r"(?:['’]s)?\s*", text[d.end : m.start()]):
        return True  # the date is the trigger's own: "the April 17 arrest of X", "Thursday's
        # sentencing of"
    if _set_apart_before(text, d, m):
        return False
    during = d.start > m.end() and _DURING_THE.search(text, max(0, d.start - 12), d.start)
    if _of_another(text, d) and not during:
        return False  # (but "detained during the August 2020 protests": in their time)
    if (
        d.end <= m.start()
        and _NOMINAL_EVENT.fullmatch(m.group(0))
        and _REACTION_BETWEEN.search(text, d.end, m.start())
    ):
        return False  # "on Friday condemned the sentence handed to X a day earlier": the
        # condemnation's day
    if (
        re.fullmatch(r"(?:19|20)\d\d", d.text.strip())
        and d.end < m.start()
        and re.match(r"^\s+[a-z]{3,}\s", text[d.end : m.start()] + " ")
    ):
        return False  # "over the 2020 vigil": the vigil's year
    lo, hi = (d.end, m.start()) if d.end <= m.start() else (m.end(), d.start)
    if d.start > m.end() and _GERUND_CLAUSE.search(text[lo:hi]):
        return False  # "sentenced after pleading guilty to organising a protest last year"
    if d.start > m.end() and _EVENT_BEFORE_DATE.search(text, lo, hi):
        return False  # "the third such visit since his detention in March": the detention's
    if _acts_year(text, d, m):
        return False  # "convicted of murder for shooting a protester in 2020": the crime's
    if _crimes_date(text, d, m):
        return False  # "charged in the fatal stabbing of a boy on Oct. 14", "convicted in
        # reporter's murder 35 years ago": the crime's day
    if (
        d.end <= m.start()
        and _AUXILIARIES_ONLY.fullmatch(text, d.end, m.start())
        and _CRIME_THEN_DATE.search(text, max(0, d.start - 50), d.start)
    ):
        return False  # "The man convicted of killing X in 1996 is sentenced": the killing's
    # An appositive name, noun phrase or participle between commas does not end the clause
    # ("arrested its founder, X, on", "The trial of X, a journalist from Melitopol, opened on
    # Monday", "raised the case of X, detained since 2021, in talks on Saturday").
    between = re.sub(r",\s+(?:[A-Z][\w'.-]*\s*){1,4},", " ", text[lo:hi])
    between = re.sub(r",\s+(?:an?|the|\d{1,3}|who|[a-z]+ed)\s[^,;:()]{0,80},", " ", between)
    if d.start > m.end():
        # ... nor does a comma before the phrase that holds the date ("arrested, in London on
        # ..."), nor a phrase set off by commas just before it ("detained X, editor of the
        # weekly Y, on Thursday", "sentenced X, 34, on Friday").
        between = re.sub(r",\s+(?=(?:in|on|at)\b[^,;:]*$)", " ", between)
        between = re.sub(r",[^,;:()]{1,80},\s*$", " ", between)
        if _CAPTION_DATE.match(text, d.start) and re.search(r",\s+on\s+$", text[: d.start]):
            # A photo caption's closing day dates its scene, past the place's commas ("attends
            # a hearing in Melekhovo, Vladimir region, Russia, on June 19, 2023.")
            between = between.replace(",", " ")
    elif _FRONTED.fullmatch(text, 0, d.start):
        # A date that opens the sentence dates its main verb: "On Sunday, the court sentenced".
        between = re.sub(r"^\s*,", " ", between)
    elif _HAVING.fullmatch(between):
        # A participle hangs on the clause the date closes: "is released on Oct. 27, 2022,
        # having been granted bail".
        between = " "
    return not _OTHER_CLAUSE.search(between)


_HAVING = re.compile(r",\s+having\s+(?:been\s+)?(?:[a-z]+\s+){0,2}", re.I)


def _set_apart_before(text: str, d: DateMention, m: re.Match[str]) -> bool:
    """Whether a date before the trigger closes another clause: a subordinate one ("raped a
    jogger in 1989 before their convictions were overturned") or a description set off by
    commas ("X, the man who set off the bomb in 1992, has been released")."""
    return d.end <= m.start() and bool(
        _SUBORDINATE_NEXT.match(text, d.end)
        or (
            _APPOSITIVE_CLOSES.fullmatch(text, d.end, m.start())
            and _APPOSITIVE_OPENS.search(text, max(0, d.start - 120), d.start)
        )
    )


# A description set off by commas between a name and its verb: it opens after the name's comma
# with an article or a relative, and closes with a comma just before the verb's auxiliary.
_APPOSITIVE_OPENS = re.compile(
    r",\s+(?:(?:an?|the)\s+[^,;:]*\b(?:who|that|which)\b|who|which)[^,;:]*$"
)
_APPOSITIVE_CLOSES = re.compile(
    r"[^,;:]{0,30},\s+(?:(?:has|have|had|was|were|is|are|been|being|be)\s+)*", re.I
)
# A conjunction that opens the next clause: the date before it closes its own.
_SUBORDINATE_NEXT = re.compile(r"\s+(?:before|after|until|till|when|since|once)\b", re.I)
# A full day with its year that closes a sentence, as photo captions end.
_CAPTION_DATE = re.compile(
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}),?\s+(?:19|20)\d\d\s*(?:[.(]|$)"
)
# A crime told as an act between a trigger and a year: the year is the act's ("accused of
# sexually assaulting two women between 2007 and 2016", "incidents dating back to 2014", "a
# mob attack at the station in 2019"); not a charge's name ("convicted of embezzlement and
# bribery in 2018" is the conviction's year), nor a day ("sentenced for fraud on 3 May 2023").
_CRIME_BETWEEN = re.compile(
    r"\b(?:kill(?:ing|ed)|shoot(?:ing)|shot|murdering|attacks?|attack(?:ed|ing)|assaulting|"
    r"bomb(?:ing|ings|ed)|raping|abusing|incidents?|massacres?|stabb(?:ed|ing)|"
    r"strangl(?:ed|ing)|plotting|help(?:ing|ed)|escap(?:e|ed|ing)|explosions?|blasts?)\b",
    re.I,
)


def _acts_year(text: str, d: DateMention, m: re.Match[str]) -> bool:
    """Whether a year after the trigger follows a crime told as an act, whose year it is."""
    return (
        d.start > m.end()
        and _CRIME_BETWEEN.search(text, m.end(), d.start) is not None
        and re.search(r"\b(?:19|20)\d\d\b", d.text) is not None
        and (d.date is None or d.date.precision is not Precision.DAY)
    )


# ... or the crime told just before the date that stands before the trigger.
_CRIME_THEN_DATE = re.compile(_CRIME_BETWEEN.pattern + r"[^,;:]*$", re.I)
_AUXILIARIES_ONLY = re.compile(r"\s+(?:(?:is|was|were|are|has|have|had|been|being)\s+){0,3}")


# The crime a trigger is "in" or "over", told as a noun: a date after it is the crime's (but
# "jailed for life for the murder of X in June 2011" is, as often, the sentence's).
_CRIME_NOUN_BETWEEN = re.compile(
    r"\b(?:in|over)\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,3}?(?:murders?|killings?|"
    r"stabbings?|shootings?|wounding|rapes?|assaults?|robber(?:y|ies)|bombings?|kidnapping|"
    r"abduction|arson|massacre)\b",
    re.I,
)


def _before_a_perfect(
    kind: DevelopmentType, text: str, m: re.Match[str], dates: Sequence[DateMention]
) -> set[PartialDate]:
    """The days told before a trigger in the present perfect, which dates none of them."""
    before = {d.date for d in dates if d.date and d.end <= m.start()}
    return before if before and _news_now(kind, text, m) else set()


def _on_a_day_ahead(text: str, m: re.Match[str], dates: Sequence[DateMention]) -> bool:
    """Whether the trigger's clause puts it "on" a day that lies after publication."""
    return any(
        d.future
        and d.date is None
        and d.start >= m.end()
        and _ON_THAT_DAY.fullmatch(text, m.end(), d.start) is not None
        for d in dates
    )


# (not across another clause: "jailed for 10 years and is due for release on Jan. 5, 2033",
# "a term that ends on June 1, 2030")
_ON_THAT_DAY = re.compile(
    r"(?:(?!\b(?:and|but|that|which|who|whose|due|until|ends?|expires?)\b)[^,;.]){0,50}?\bon\s+",
    re.I,
)


def _crimes_date(text: str, d: DateMention, m: re.Match[str]) -> bool:
    """Whether a date after the trigger follows the crime the trigger is "in" or "over" (a
    photo caption's closing day is the scene's, not the crime's)."""
    return (
        d.start > m.end()
        and _CRIME_NOUN_BETWEEN.search(text, m.end(), d.start) is not None
        and not (_CAPTION_DATE.match(text, d.start) and re.search(r",\s+on\s+$", text[: d.start]))
    )


def _first_verbs(text: str, d: DateMention, m: re.Match[str]) -> bool:
    """Whether a date before the trigger belongs to a verb coordinated before it ("detained on
    28 December and charged"), not to a sentence it opens ("On Monday, police arrested X and
    charged him")."""
    return (
        d.end <= m.start()
        and _AND_NEXT_VERB.search(text, d.end, m.start()) is not None
        and not _FRONTED.fullmatch(text, 0, d.start)
    )


_DURING_THE = re.compile(r"\bduring\s+(?:the\s+)?$", re.I)
_NOMINAL_EVENT = re.compile(
    r"(?:sentence|sentencing|arrest|detention|trial|verdict|conviction|execution|release|"
    r"jailing|imprisonment|expulsion|deportation|extradition)",
    re.I,
)
# A verb of response between a date and a nominal event makes the date the response's.
_REACTION_BETWEEN = re.compile(
    r"\b(?:condemn|criticis|criticiz|denounc|welcom|deplor|slam|protest|decr[iy]|hail|prais|"
    r"mark|said|says)\w*\b",
    re.I,
)
_AND_NEXT_VERB = re.compile(
    r"\band\s+(?:(?:was|were|is|are|has|have|had|been|then|later|subsequently|also|formally|"
    r"eventually)\s+)*$",
    re.I,
)
_FRONTED = re.compile(r"\W*(?:(?:late|early|earlier|later)\s+)?(?:on|in|by|at)?\s*", re.I)
_EVENT_BEFORE_DATE = re.compile(
    r"\b(?:since|after|before|following|until)\s+(?:(?:his|her|their|its|the)\s+)?"
    r"(?:[\w-]+\s+)?(?:detention|arrest|release|trial|conviction|sentencing|kidnapping|"
    r"abduction|capture|return|extradition|death|disappearance|election)\s+$",
    re.I,
)
_SINCE_NOUN = re.compile(
    r"^\s*(?:since|after|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:\w+'s\s+|his\s+|her\s+|their\s+)?$|"
    # ... or told as a clause: "four months after he and his wife were arrested"
    r"^\s*(?:since|after)\s+(?:[\w'’-]+\s+){1,5}?(?:was|were|had\s+been|has\s+been|have\s+been|"
    r"got)\s+(?:\w+ed\s+and\s+)?$|"
    # ... or as a participle or a pronoun's verb: "18 months after being arrested", "days
    # after he pleaded guilty"
    r"^\s*(?:since|after)\s+(?:being|having\s+been|(?:he|she|they)(?:\s+had)?)\s+$",
    re.I,
)
# What makes a length of time a term served or given: "jailed for", "sentenced to", "serving".
_TERM_BEFORE = re.compile(
    r"\b(?:for|to|serv(?:e|es|ed|ing)|gets?|got|given|receiv(?:e|es|ed|ing)|fac(?:e|es|ed|ing))"
    r"\s+(?:another\s+|more\s+than\s+|nearly\s+|almost\s+|about\s+|up\s+to\s+|over\s+)?$",
    re.I,
)
# A span told without a number: "weeks after being sentenced", "days after she was arrested",
# "days after the arrest of X" (not a time held: "held for months after being captured").
_VAGUE_AFTER = re.compile(
    r"(?<!\bfor\s)(?<!\bwithin\s)\b(hours|days|weeks|months)\s+(?:after|since)\s+"
    r"(?:being|having\s+been|(?:he|she|they)(?:\s+(?:was|were|had|had\s+been))?|"
    r"(?:the|his|her|their|[\w-]+['’]s)(?:\s+[\w-]+)?)\s+$",
    re.I,
)
# How far back each such span reaches, in days, and to what precision it dates.
_VAGUE_SPAN = {
    "hours": (0, "month"),
    "days": (3, "month"),
    "weeks": (21, "year"),
    "months": (90, "year"),
}
_ORDINALS = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth".split()
    )
}
_ANNIVERSARY = re.compile(
    r"\b(?:(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)"
    r"|(?:\w+|\d+)[- ]years?)\s+)?anniversary\s+of\s+(?:the\s+)?",
    re.I,
)


def _since_event(
    text: str, m: re.Match[str], dates: Sequence[DateMention], pub: dt.date | None
) -> PartialDate | None:
    """ "40 days since X's death", "a year after her arrest", "the anniversary of X's death":
    the event lies that long before publication."""
    if pub is None:
        return None
    for d in dates:
        between = text[d.end : m.start()]
        if d.text.lower().endswith(("since", "after")):
            between = f" since {between}"
        if (
            d.offset_days
            and d.end <= m.start()
            and _SINCE_NOUN.match(between)
            # a term, not a span back: "jailed for 10 years after he was convicted"
            and not _TERM_BEFORE.search(text, max(0, d.start - 40), d.start)
        ):
            unit = d.offset_unit or "day"
            moved = shift(PartialDate.of(pub), -d.offset_days, "day")
            if unit in ("year", "month"):
                return PartialDate(moved.year, moved.month)
            return moved
    vague = _VAGUE_AFTER.search(text, max(0, m.start() - 40), m.start())
    if vague is not None:
        back, precision = _VAGUE_SPAN[vague.group(1).lower()]
        then = pub - dt.timedelta(days=back)
        return PartialDate(then.year, then.month if precision == "month" else None)
    ann = None
    for a in _ANNIVERSARY.finditer(text, 0, m.start()):
        ann = a
    if ann is not None and m.start() - ann.end() < 30:
        which = (ann.group(1) or "first").lower()
        head = re.split(r"[- ]", which)[0]
        years = _ORDINALS.get(which) or number(head)
        if which[0].isdigit():
            years = int(re.sub(r"\D.*", "", which))
        return PartialDate(pub.year - years, pub.month)
    return None


_OFFSET_BEFORE_NOUN = re.compile(r"^\s*(?:his|her|their|the)\s*$", re.I)


def _began(
    text: str,
    m: re.Match[str],
    dates: Sequence[DateMention],
    local: Sequence[str],
    pub: dt.date | None,
) -> PartialDate | None:
    """When a detention began: "held since April 2022", "detained for 600 days", "a week after
    his detention" (counted back from publication)."""
    for d in dates:
        if d.began is None or not _dates_event(text, d, m):
            continue  # (another clause's beginning: "X, held since 2015, and Y, detained in 2018")
        if (
            d.text.lower().startswith(("since", "from"))
            or MILESTONE.match(d.text)
            or "pre_perfect" in local
            or ("being" in text[max(0, m.start() - 12) : m.start()].lower())
        ):
            return d.began
    for d in dates:
        # "imprisoned since his return to Georgia in 2021", "held since her arrest in May"
        if (
            d.date is not None
            and d.start >= m.end()
            and _SINCE_EVENT.match(text[m.end() : d.start])
        ):
            return d.date
    if pub is not None:
        for d in dates:
            if (
                d.offset_days
                and d.end <= m.start()
                and _OFFSET_BEFORE_NOUN.match(text[d.end : m.start()])
            ):
                return shift(PartialDate.of(pub), -d.offset_days, "day")
    return None


_SINCE_EVENT = re.compile(
    r"\s+since\s+(?:his|her|their|the)\s+(?:[\w'’-]+\s+){1,5}?(?:(?:in|on)\s+)?$", re.I
)


_ACQUIT = re.compile(r"\b(?:acquit|clear(?:s|ed)\b|not guilty|exonerat)", re.I)
_APPEAL_OUTCOMES = (
    (re.compile(r"\b(?:reject|dismiss|upheld|uphold|denied|lost|loses)", re.I), "upheld"),
    (re.compile(r"\b(?:overturn|quash|won|wins)", re.I), "overturned"),
    (re.compile(r"\b(?:reduc|commut)", re.I), "reduced"),
)


def _outcome(kind: DevelopmentType, text: str) -> str | None:
    if kind is DevelopmentType.VERDICT:
        return "acquitted" if _ACQUIT.search(text) else "guilty"
    if kind is DevelopmentType.APPEAL:
        for pattern, outcome in _APPEAL_OUTCOMES:
            if pattern.search(text):
                return outcome
        return "filed"
    return None


def _detail(kind: DevelopmentType, text: str) -> str | None:
    if kind is not DevelopmentType.SENTENCED:
        return None
    if re.search(r"\bto death\b|\bdeath (?:sentence|penalty)\b", text, re.I):
        return "death"
    term = C.TERM.search(text)
    return term.group(0).lower() if term else None
