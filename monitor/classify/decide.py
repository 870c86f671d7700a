"""The model disposes: score each (case, type) of an article and keep those it accepts.

An article reports a (case, type) when its best candidate scores at or above
the model's threshold. The developments kept carry the calibrated confidence
of that best candidate; where the precise rules dated several distinct
occurrences (two consular visits on two days, a sentence then a second one), each is kept.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from monitor.classify.candidates import Candidate
from monitor.classify.model import Model
from monitor.domain.dates import Precision
from monitor.domain.developments import Development, DevelopmentType, report_order

# A candidate too weak to report a development alone may still date one that is reported
# ("In January, Iran executed ..." below the headline that names the case). A fixed floor,
# not a share of the threshold: the threshold leans to precision for unseen people, and how
# plausible a dating sentence must be does not change with that.
_DATING_FLOOR = 0.11
_DATE_RANK = {"explicit": 4, "old": 4, "began": 4, "rule": 5, "offset": 3, "pub": 1}


def decide(
    cands: Sequence[Candidate], rule_developments: Sequence[Development], model: Model
) -> list[Development]:
    """The developments the model accepts, one per (case, type) unless rules dated several."""
    by_rule: dict[tuple[str, DevelopmentType], list[Development]] = defaultdict(list)
    for d in rule_developments:
        by_rule[(d.case, d.type)].append(d)
    accepted_by_key: dict[tuple[str, DevelopmentType], list[Candidate]] = defaultdict(list)
    best: dict[tuple[str, DevelopmentType], tuple[float, Candidate]] = {}
    for c in cands:
        raw = model.raw(c.features)
        key = (c.case, c.type)
        if raw >= min(_DATING_FLOOR, model.threshold):
            accepted_by_key[key].append(c)
        if key not in best or raw > best[key][0]:
            best[key] = (raw, c)
    out: list[Development] = []
    for key, (raw, top) in best.items():
        if raw < model.threshold:
            continue
        confidence = round(model.confidence(raw), 3)
        ruled = by_rule.get(key, [])
        if "L:bias" not in top.features:
            # A feed item: one occurrence per date that does not fit another (a sentence told
            # as "69 months" and "five years and nine months" on one day is one sentence).
            ruled = _distinct_dates(
                [
                    Development(
                        c.case, c.type, c.date, c.evidence, 0.0, c.trigger, c.outcome, c.detail
                    )
                    for c in accepted_by_key[key]
                    if "rule" in c.features and c.date is not None
                ]
            )
        if len({(d.date, d.detail) for d in ruled}) > 1:
            out.extend(
                Development(
                    d.case, d.type, d.date, d.evidence, confidence, d.rule, d.outcome, d.detail
                )
                for d in ruled
            )
            continue
        dated = _dated(_same_event(top, accepted_by_key[key])) or top
        out.append(
            Development(
                top.case,
                top.type,
                dated.date,
                top.evidence,
                confidence,
                top.trigger,
                top.outcome,
                top.detail,
            )
        )
    if not any("L:bias" in c.features for c in cands):
        out = _trial_within_verdict(out)  # a feed item; a long article tells the trial apart
    out.sort(key=report_order)
    return out


def _trial_within_verdict(found: list[Development]) -> list[Development]:
    """A trial told with its verdict is that verdict's (the contract's trial is one "concluded
    without a reported verdict"): "tried by a juvenile court and given a suspended sentence"
    reports a verdict, not a second development. A trial dated apart from every verdict and
    sentence of the case is its own."""
    outcomes: dict[str, list[str | None]] = defaultdict(list)
    for d in found:
        if d.type in (DevelopmentType.VERDICT, DevelopmentType.SENTENCED):
            outcomes[d.case].append(d.date.iso() if d.date else None)
    return [
        d
        for d in found
        if not (
            d.type is DevelopmentType.TRIAL
            and d.case in outcomes
            and any(
                d.date is None or o is None or _compatible(d.date.iso(), o)
                for o in outcomes[d.case]
            )
        )
    ]


def _distinct_dates(found: Sequence[Development]) -> list[Development]:
    """One development per group of compatible dates (equal, or one within the other)."""
    kept: list[Development] = []
    for d in found:
        assert d.date is not None
        if not any(k.date is not None and _compatible(k.date.iso(), d.date.iso()) for k in kept):
            kept.append(d)
    return kept


def _compatible(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


# A feed item's news is at most this old; a sentence dated a year before tells an earlier
# development (a charge reported months late keeps its own date).
_NEWS_DAYS = 365


def _same_event(top: Candidate, accepted: Sequence[Candidate]) -> list[Candidate]:
    """The accepted candidates that may date the top one. A feed item's news, told with no date
    of its own ("American charged with espionage in Russia"), is not dated by another sentence
    of an earlier year ("was convicted last year on a bribery charge") or a year older: that is
    an earlier development of the same type. (A long article's dates are the precise rules'; and a
    detention in a headline is most often a state, "Held in Iran", that the body dates.)"""
    if (
        top.dated_by != "pub"
        or top.date is None
        or top.type is DevelopmentType.DETAINED
        or "L:bias" in top.features
    ):
        return list(accepted)
    news = top.date.first_day() - dt.timedelta(days=_NEWS_DAYS)
    return [
        c
        for c in accepted
        if c.sentence == top.sentence
        or c.date is None
        or not (
            c.date.last_day() < news
            or (c.date.precision is Precision.YEAR and c.date.year < top.date.year)
        )
    ]


def _dated(accepted: Sequence[Candidate]) -> Candidate | None:
    """Among accepted candidates, the one whose date is best founded (explicit, then a rule's)."""
    if not accepted:
        return None
    return max(accepted, key=lambda c: _DATE_RANK.get(c.dated_by, 0))
