"""Article → developments: the classifier's entry point.

Sentence by sentence: find the cases spoken of, the triggers of each
development type, drop what is negated, hypothetical or habitual, bind each
trigger to the cases on its side of the clause, and date it (its clause,
then its sentence, then anchors such as "days after X's arrest" or "nine
days later", then the publication day for news, else unknown). Last, the
reports of one development within the article are merged.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from monitor.classify import rules as R
from monitor.classify.candidates import ArticleView, candidates
from monitor.classify.dates import DateMention, find_dates, shift, usable_publication
from monitor.classify.decide import decide
from monitor.classify.mentions import Mention, MentionIndex, find_mentions, names_unread
from monitor.classify.model import Model, shipped
from monitor.classify.text import Sentence, sentences
from monitor.domain.articles import Article
from monitor.domain.cases import CaseBook
from monitor.domain.dates import PartialDate, compatible
from monitor.domain.developments import RECURRING, Development, DevelopmentType, report_order
from monitor.domain.recording import same_window

RULES_VERSION = "rules-2027.01.26"


@dataclass(frozen=True)
class Candidate:
    """A development found in one sentence, before the article-level merge."""

    case: str
    type: DevelopmentType
    date: PartialDate | None
    date_source: str  # explicit | anchor | inherited | default | none
    evidence: str
    confidence: float
    rule: str
    outcome: str | None
    detail: str | None
    sentence: int
    anchor: str | None = None  # case whose detention dates this one


def _clauses(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    bounds = [0]
    intro = R.SUBORDINATE_START.match(text)
    if intro:
        comma = text.find(", ")
        if comma > 0 and len(text[:comma].split()) <= 8:
            bounds.append(comma + 1)
    for m in R.CLAUSE_BREAK.finditer(text):
        if m.start() == 0:
            continue
        # ", and Michael Spavor": a conjoined name continues the clause.
        if m.group(0).startswith(",") and text[m.end() : m.end() + 4].lower() == "and ":
            nxt = [x for x in mentions if 0 <= x.start - m.end() <= 12]
            if nxt and re.match(r"^\s*(?:,|\)|$|\.)", text[nxt[0].end :]):
                continue
        bounds.append(m.start())
    bounds = [*sorted(set(bounds)), len(text)]
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a]


def _clause_of(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in clauses:
        if a <= pos < b:
            return a, b
    return clauses[-1]


def _bind(
    rule: R.Rule, m: re.Match[str], clause: tuple[int, int], mentions: Sequence[Mention], text: str
) -> list[Mention]:
    if rule.type is DevelopmentType.DIPLOMATIC_ACTION:
        return list(mentions)  # a government raises a case anywhere in its sentence
    inside = [x for x in mentions if clause[0] <= x.start < clause[1]]
    if not inside and re.match(r"^\W*(?:who|whose)\b", text[clause[0] : clause[1]], re.I):
        antecedent = [x for x in mentions if x.end <= clause[0]]
        inside = antecedent[-1:]
    if rule.side in ("after", "any"):
        inside = _not_past_a_comma(inside, m, text)
    if rule.side == "after":
        return [x for x in inside if x.start >= m.end()]
    if rule.side == "before":
        return [x for x in inside if x.end <= m.start()]
    if rule.side == "possessive":
        before = [x for x in inside if x.end <= m.start() + 2]
        if not before:
            return []
        nearest = before[-1]
        if m.group(0).startswith("'") and m.start() - nearest.end > 1:
            return []
        group = [nearest]
        for x in reversed(before[:-1]):
            gap = text[x.end : group[0].start]
            if len(gap) <= 12 and re.search(r"\band\b|,|&", gap):
                group.insert(0, x)
            else:
                break
        return group
    return inside


def _not_past_a_comma(inside: list[Mention], m: re.Match[str], text: str) -> list[Mention]:
    """The cases after a trigger only if the first follows it with no comma between: "freed X, Y
    and Z" frees all three, but "... before being released in April in a swap, called for work
    toward freeing Griner" is another verb's object."""
    after = [x for x in inside if x.start >= m.end()]
    if after and "," in text[m.end() : after[0].start]:
        return [x for x in inside if x not in after]
    return inside


def _cancelled(rule: R.Rule, pre: str, clause_text: str) -> bool:
    if R.NEGATION.search(pre) and rule.outcome != "acquitted":
        return True
    if rule.type is not DevelopmentType.DIPLOMATIC_ACTION and R.MODALITY.search(pre):
        return True
    if rule.type is DevelopmentType.RELEASED and (
        R.RELEASE_SOUGHT.search(pre) or R.THING_RELEASED.search(pre)
    ):
        return True
    return bool(R.HABITUAL.search(clause_text))


def _detail(kind: DevelopmentType, clause_text: str) -> tuple[str | None, str | None]:
    if kind is DevelopmentType.SENTENCED:
        m = R.SENTENCE_DETAIL.search(clause_text)
        if not m:
            return None, None
        if m.group("n"):
            return None, f"{m.group('n').lower()} {m.group('unit').lower()}s"
        return None, "death" if "death" in m.group(0).lower() else "life"
    if kind is DevelopmentType.APPEAL:
        for pattern, outcome in R.APPEAL_OUTCOME:
            if pattern.search(clause_text):
                return outcome, None
        return "filed", None
    return None, None


def _closest(dates: Sequence[DateMention], pos: int) -> DateMention | None:
    usable = [d for d in dates if d.date is not None]
    return min(usable, key=lambda d: abs(d.start - pos)) if usable else None


class Classifier:
    """Classifies articles against one CaseBook (its automaton is built once)."""

    def __init__(self, book: CaseBook, model: Model | None = None) -> None:
        self.book = book
        self.index = MentionIndex(book)
        self.model = model or shipped()

    @property
    def version(self) -> str:
        """Rules and model together: what every recorded event names as its classifier."""
        return classifier_version(self.model)

    def __call__(self, article: Article, book: CaseBook | None = None) -> list[Development]:
        if book is not None and book is not self.book and book != self.book:
            return Classifier(book, self.model)(article)
        return classify_with(self.index, article, self.model)


def classifier_version(model: Model | None = None) -> str:
    """What every recorded event names as its classifier: the rules' and the model's versions."""
    return f"{RULES_VERSION}+{(model or shipped()).version}"


def __getattr__(name: str) -> str:
    # `CLASSIFIER_VERSION` as it was: computed on first use, not at import (it reads the model).
    if name == "CLASSIFIER_VERSION":
        return classifier_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def classify(article: Article, book: CaseBook) -> list[Development]:
    """Developments in one article (builds the case index; reuse a Classifier for batches)."""
    return classify_with(MentionIndex(book), article)


def classify_with(
    index: MentionIndex, article: Article, model: Model | None = None
) -> list[Development]:
    """Developments in one article: candidates proposed, scored by the model, merged."""
    view = article_view(index, article)
    if view is None:
        return []
    return decide(candidates(view), view.rule_developments, model or shipped())


def article_view(index: MentionIndex, article: Article) -> ArticleView | None:
    """Sentences, mentions and the precise rules' findings, or None if no case is named."""
    sents = sentences(article.title, article.text)
    if not sents:
        return None
    per_sentence = find_mentions(index, sents)
    if not any(per_sentence):
        return None
    pub = usable_publication(article.published_date)
    named = {c for per in per_sentence for m in per for c in m.cases}
    cases = [case for key in named if (case := index.book.case(key))]
    return ArticleView(
        sents,
        per_sentence,
        pub,
        rule_developments(sents, per_sentence, pub),
        {case.key: case.held_by for case in cases if case.held_by},
        {case.key: case.citizenship for case in cases if case.citizenship},
    )


def rule_developments(
    sents: Sequence[Sentence], per_sentence: Sequence[Sequence[Mention]], pub: dt.date | None
) -> list[Development]:
    """What the precise rules find: each a proposal the model weighs, with its date."""
    consular_context = any(R.CONSULAR_CONTEXT.search(s.text) for s in sents)
    candidates: list[Candidate] = []
    last_date_by_para: dict[int, PartialDate] = {}
    for i, (sent, mentions) in enumerate(zip(sents, per_sentence, strict=True)):
        # Dates matter where a case is named, and just before ("... nine days later").
        needed = mentions or (i + 1 < len(sents) and per_sentence[i + 1])
        if not needed:
            continue
        cue_text = names_unread(sent.text, mentions)  # what the dates and cancelling cues read
        dates = find_dates(cue_text, pub)
        if mentions:
            ctx = _Context(
                sent,
                mentions,
                cue_text,
                dates,
                pub,
                last_date_by_para.get(sent.paragraph),
                candidates,
            )
            candidates.extend(_sentence_candidates(ctx, consular_context))
        dated = [d.date for d in dates if d.date is not None]
        if dated:
            last_date_by_para[sent.paragraph] = dated[-1]
    return _merge(_resolve_anchors(candidates))


@dataclass(frozen=True)
class _Context:
    """One sentence as the dating rules see it, with what the article said before it."""

    sent: Sentence
    mentions: Sequence[Mention]
    cue_text: str  # the sentence with the words of its names that read as others blanked
    dates: Sequence[DateMention]
    pub: dt.date | None
    previous_date: PartialDate | None
    earlier: Sequence[Candidate]


@dataclass(frozen=True)
class _Trigger:
    """One rule match, the clause it stands in, and whether it sits in reported speech."""

    rule: R.Rule
    match: re.Match[str]
    clause: tuple[int, int]
    clause_text: str
    dates: Sequence[DateMention]  # those usable for it (not the speech frame's)
    frame_dates: Sequence[PartialDate]
    reported: bool


def _sentence_candidates(ctx: _Context, consular_context: bool) -> list[Candidate]:
    text = ctx.sent.text
    clauses = _clauses(text, ctx.mentions)
    frame = R.SPEECH_FRAME.match(text)
    frame_end = frame.end("frame") if frame else 0
    out: list[Candidate] = []
    possible = R.rules_that_may_match(text.lower())
    # "upheld a death sentence" is an appeal decided, not a new sentence or verdict.
    appeal_spans = R.appeal_spans(text, possible)
    for rule in possible:
        if rule.type is DevelopmentType.CONSULAR_VISIT and not consular_context:
            continue
        for m in rule.pattern.finditer(text):
            if rule.type in (DevelopmentType.SENTENCED, DevelopmentType.VERDICT) and any(
                a <= m.start() < b for a, b in appeal_spans
            ):
                continue
            clause = _clause_of(clauses, m.start())
            bound = _bind(rule, m, clause, ctx.mentions, text)
            if not bound:
                continue
            clause_text = text[clause[0] : clause[1]]
            # The cues sit in the few words before the trigger; matching on a short tail
            # keeps the end-anchored patterns from scanning the whole sentence.
            pre = ctx.cue_text[max(clause[0], m.start() - 60) : m.start()]
            if _cancelled(rule, pre, clause_text):
                continue
            outcome, detail = _detail(rule.type, clause_text)
            reported = bool(frame_end) and m.start() >= frame_end
            trigger = _Trigger(
                rule,
                m,
                clause,
                clause_text,
                [d for d in ctx.dates if _dates_trigger(text, d, m, frame_end if reported else 0)],
                [d.date for d in ctx.dates if d.end <= frame_end and d.date],
                reported,
            )
            per_case = _respectively(trigger, bound)
            for case in dict.fromkeys(c for x in bound for c in x.cases):
                date: PartialDate | None
                if case in per_case:
                    date, source, anchor = per_case[case], "explicit", None
                else:
                    date, source, anchor = _date_for(ctx, trigger, case, out)
                out.append(
                    Candidate(
                        case,
                        rule.type,
                        date,
                        source,
                        text,
                        rule.confidence,
                        rule.id,
                        rule.outcome or outcome,
                        detail,
                        ctx.sent.index,
                        anchor,
                    )
                )
    return out


def _dates_trigger(text: str, date: DateMention, trigger: re.Match[str], frame_end: int) -> bool:
    """Whether a date in the sentence may date this trigger: not the speech frame's date, not
    another event's, not the date of a "since ..." phrase that follows the trigger."""
    if date.end <= frame_end or _dates_other_event(text, date, trigger):
        return False
    return not (
        date.start >= trigger.end() and R.PHRASE_OPENER.search(text, trigger.end(), date.start)
    )


def _dates_other_event(text: str, date: DateMention, trigger: re.Match[str]) -> bool:
    """Whether `date` sits in a comma-set phrase with another event's verb and not the trigger
    (", two Canadians detained in China in December 2018, have been charged")."""
    a = text.rfind(",", 0, date.start) + 1
    b = text.find(",", date.end)
    b = len(text) if b < 0 else b
    if a <= trigger.start() < b or a < trigger.end() <= b:
        return False
    return any(
        not (trigger.start() <= v.start() < trigger.end())
        for v in R.OTHER_EVENT.finditer(text, a, b)
    )


def _respectively(trigger: _Trigger, bound: Sequence[Mention]) -> dict[str, PartialDate]:
    """ "visited A and B on Nov. 10 and Nov. 19, respectively": dates in mention order."""
    if "respectively" not in trigger.clause_text.lower():
        return {}
    a, b = trigger.clause
    in_clause = [d.date for d in trigger.dates if a <= d.start < b and d.date is not None]
    cases = [x.cases[0] for x in bound if len(x.cases) == 1]
    if len(in_clause) != len(cases) or not cases:
        return {}
    return dict(zip(cases, in_clause, strict=True))


def _date_for(
    ctx: _Context, trigger: _Trigger, case: str, this_sentence: Sequence[Candidate]
) -> tuple[PartialDate | None, str, str | None]:
    """The trigger's date for one case, how it was found, and an anchor case if deferred."""
    kind, pos, text = trigger.rule.type, trigger.match.start(), ctx.sent.text
    a, b = trigger.clause
    in_clause = [d for d in trigger.dates if a <= d.start < b]
    found = _dated(in_clause, ctx.dates, pos, ctx.previous_date)
    if found is not None:
        return found, "explicit", None
    if R.SIMULTANEOUS.match(trigger.clause_text):
        # "came to a conclusion on Friday when X was freed": the time the clause hangs on.
        before = [d for d in trigger.dates if d.end <= a and d.date is not None]
        if before:
            return before[-1].date, "explicit", None
    anchor = R.ANCHOR_AFTER.search(text)
    if anchor and kind is DevelopmentType.DETAINED:
        # "after X's arrest" names X before the noun, "after Canada detained X" after the verb.
        owners = [x for x in ctx.mentions if anchor.start("what") <= x.start < anchor.end() + 30]
        other = [c for x in owners for c in x.cases if c != case]
        if other:
            return None, "anchor", other[0]
    if R.PROCEEDING_REFERENCE.search(text):
        proceedings = (DevelopmentType.TRIAL, DevelopmentType.HEARING)
        for cand in reversed([*ctx.earlier, *this_sentence]):
            if cand.case == case and cand.type in proceedings and cand.date is not None:
                return cand.date, "inherited", None
    diplomatic = kind is DevelopmentType.DIPLOMATIC_ACTION
    # A government's statement is the news itself, even when reported with "had".
    background = not diplomatic and (
        bool(R.BACKGROUND.search(trigger.clause_text)) or trigger.reported
    )
    if background and not ctx.sent.headline:
        return None, "none", None
    # A subordinate clause ("following the release of X") does not borrow the main clause's date.
    if not R.SUBORDINATE_DATE.match(trigger.clause_text):
        found = _dated(trigger.dates, ctx.dates, pos, ctx.previous_date)
        if found is not None:
            return found, "explicit", None
    else:
        return None, "none", None
    if trigger.reported and diplomatic and trigger.frame_dates:
        return trigger.frame_dates[0], "explicit", None
    if ctx.pub is None:
        return None, "none", None
    return PartialDate.of(ctx.pub), "default", None


def _dated(
    group: Sequence[DateMention],
    dates: Sequence[DateMention],
    pos: int,
    previous_date: PartialDate | None,
) -> PartialDate | None:
    """The date in `group` closest to the trigger, or an offset ("nine days later") resolved."""
    best = _closest(group, pos)
    if best is not None and best.date is not None:
        return best.date
    for off in (d for d in group if d.offset_days is not None and d.offset_unit):
        anchor = _closest([d for d in dates if d.start < off.start and d.date], off.start)
        base = anchor.date if anchor and anchor.date else previous_date
        if base is not None:
            return shift(base, off.offset_days or 0, off.offset_unit or "day")
    return None


def _resolve_anchors(candidates: list[Candidate]) -> list[Candidate]:
    """ "Days after X's arrest" takes the month of X's arrest as this article dates it."""
    detained: dict[str, list[PartialDate]] = defaultdict(list)
    for c in candidates:
        if c.type is DevelopmentType.DETAINED and c.date and c.date_source == "explicit":
            detained[c.case].append(c.date)
    out = []
    for c in candidates:
        if c.anchor is not None:
            dates = detained.get(c.anchor)
            if dates:
                finest = max(dates, key=lambda d: len(d.iso()))
                month = PartialDate(finest.year, finest.month) if finest.month else finest
                c = replace(c, date=month, date_source="explicit")
            else:
                c = replace(c, date=None, date_source="none")
        out.append(c)
    return out


_SOURCE_RANK = {"explicit": 3, "inherited": 2, "anchor": 2, "default": 1, "none": 0}


def _merge(candidates: list[Candidate]) -> list[Development]:
    """One development per (case, type, date window) in the article."""
    by_key: dict[tuple[str, DevelopmentType], list[Candidate]] = defaultdict(list)
    for c in candidates:
        by_key[(c.case, c.type)].append(c)
    result: list[Development] = []
    for (case, kind), group in by_key.items():
        has_explicit = any(c.date_source in ("explicit", "inherited") for c in group)
        if has_explicit:
            # A report dated only by default (or not at all) repeats a dated one.
            keep = [c for c in group if c.date_source in ("explicit", "inherited")]
            undated_detail = [
                c
                for c in group
                if c.date_source in ("none", "default")
                and c.detail
                and all(k.detail != c.detail for k in keep)
            ]
            group = keep + ([] if kind in RECURRING else undated_detail)
        merged: list[Candidate] = []
        for c in sorted(group, key=lambda c: (-len(c.date.iso()) if c.date else 0, c.sentence)):
            same = next(
                (
                    k
                    for k in merged
                    if same_window(kind, k.date, c.date)
                    and not (k.detail and c.detail and k.detail != c.detail)
                    and (k.date is None or c.date is None or compatible(k.date, c.date))
                ),
                None,
            )
            if same is None:
                merged.append(c)
            elif (
                c.confidence > same.confidence
                and _SOURCE_RANK[c.date_source] >= _SOURCE_RANK[same.date_source]
            ):
                merged[merged.index(same)] = replace(c, date=same.date or c.date)
        for c in merged:
            result.append(
                Development(
                    case,
                    kind,
                    c.date,
                    c.evidence,
                    _confidence(c, group),
                    c.rule,
                    c.outcome,
                    c.detail,
                )
            )
    result.sort(key=report_order)
    return result


def _confidence(c: Candidate, group: Sequence[Candidate]) -> float:
    support = sum(1 for g in group if g.date == c.date or g.date is None)
    bonus = min(0.1, 0.03 * (support - 1))
    penalty = {"explicit": 0.0, "inherited": 0.03, "anchor": 0.03, "default": 0.08, "none": 0.1}
    return round(max(0.05, min(0.99, c.confidence + bonus - penalty[c.date_source])), 2)
