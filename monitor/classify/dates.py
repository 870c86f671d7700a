"""Date expressions in news text, resolved against the publication date.

A small resolver of our own: the libraries get the forms news relies on
wrong (dateparser misses "in late March" and "last June" and reads "may" and
"1,019 days" as dates; dateutil turns "last Saturday" into next Saturday).
Every form resolves to the past of the publication day (news reports what
happened), with the precision the words support.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from monitor.domain.dates import PartialDate

_MONTHS = {
    name: i
    for i in range(1, 13)
    for name in (calendar.month_name[i].lower(), calendar.month_abbr[i].lower())
}
_MONTHS["sept"] = 9
_MONTH_RE = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_BOUNDS = {"since", "until", "from", "throughout"}
_WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a few": 3,
    "several": 3,
    "few": 3,
    "a couple of": 2,
    "couple of": 2,
}
_NUM = (
    r"(?P<n>\d{1,3}(?:,\d{3})*|a couple of|a few|several|an?|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve)"
)

_DAY_FIRST = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r"(?:,?\s+(?P<year>\d{4}))?\b"
)
_MONTH_DAY = re.compile(
    r"\b" + _MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?\d{3}\b)"
    r"(?:,?\s+(?P<year>\d{4}))?"
)
_MONTH_ONLY = re.compile(
    r"\b(?:(?P<mod>early|mid|late|last|this|next|the end of|the start of|the beginning of|"
    r"the middle of|in|since|until|by|during|from)[\s-]+)?"
    + _MONTH_RE
    + r"(?:,?\s+(?P<year>\d{4})|\s+(?P<rel>last|this) year)?\b"
)
_YEAR = re.compile(
    r"\b(?:(?P<mod>in|since|by|during|of|early|late|mid|until|from|throughout|the end of)\s+)"
    r"(?:(?:early|late|mid)[\s-]+)?(?P<year>(?:19|20)\d{2})\b(?!s|\s*-\s*\d)"
)
_WEEKDAY = re.compile(
    r"\b(?:(?P<mod>last|this|next|on|past)\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)\b"
)
_DEICTIC = re.compile(
    r"\b(?P<word>yesterday|today|tonight|this morning|this afternoon|this evening|last night|"
    r"earlier today)\b",
    re.I,
)
_PERIOD = re.compile(
    r"\b(?P<mod>earlier|later|late|early)?\s*(?:in\s+)?"
    r"(?P<which>this|last|past|the previous|the same|(?<=in )the)\s+(?P<unit>week|month|year)\b",
    re.I,
)
_AGO = re.compile(
    r"\b" + _NUM + r"\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|earlier|before)\b", re.I
)
# "before" that names what it is before: an event or a clause ("two days before the vote",
# "a week before he was arrested"), not the time of writing.
_BEFORE_SOMETHING = re.compile(r"\s+(?![,.;:])\S")
_LATER = re.compile(
    r"\b" + _NUM + r"\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>later|after|since)\b", re.I
)
_NEXT_DAY = re.compile(r"\bthe\s+(?:following|next)\s+day\b", re.I)
# A day a court puts something off to, holds someone until or has set: "remanded her in custody
# to June 27", "adjourned the case against X to November 12", "until December 20", "set for
# Oct. 25", "detention extended through at least July 2", "keep him in detention until late
# August".
_DEFERRED_TO = re.compile(
    r"(?:(?:\b(?:adjourn|postpon|remand|extend|defer|push|moved|set|prolong|renew)\w*\b[^.;:]{0,50}?"
    r"\b(?:to|till|until|through)|\buntil)(?:\s+at\s+least)?|"
    r"\b(?:set|scheduled|slated|due|expected)\s+(?:for|on))\s+(?:(?:early|mid|late)[\s-]+)?$",
    re.I,
)
# Days of the year news names rather than numbers: "re-arrested on New Year's Eve".
_HOLIDAYS = {
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "boxing day": (12, 26),
}
_HOLIDAY = re.compile(
    r"\b(?P<name>New Year['’]s Eve|New Year['’]s Day|Christmas Eve|Christmas Day|Boxing Day)"
    r"(?:,?\s+(?:in\s+)?(?P<year>\d{4}))?\b",
    re.I,
)
# "his 2021 arrest", "the 2018 detention": a year standing before the event's noun.
_YEAR_BEFORE_NOUN = re.compile(
    r"(?:'s|\b(?:his|her|their|its|the))\s+(?P<year>(?:19|20)\d{2})\s+(?=[a-z])"
)
_BARE_YEAR = re.compile(
    r"(?<![\d$£€.,/-])\b(?P<year>(?:19|20)\d{2})\b(?![\d%/-]|\s*(?:people|persons|km|miles))"
)
# Verbs of a milestone of time held: "marks 1,000 days behind bars", "nears 3 years in detention"
# (shared with the trigger that proposes it, `cues`, and the reading of its date, `candidates`).
MILESTONE_VERBS = r"marks?|marking|marked|reach(?:es|ed|ing)?|nears?|nearing|neared"
MILESTONE = re.compile(rf"(?:{MILESTONE_VERBS})\b", re.I)
# Words that make a length approximate: "for nearly two years", "marks more than 500 days"
# (shared with the triggers of time held, `cues`).
ABOUT = r"about|around|more than|nearly|almost|over|some"
# "held for 600 days", "detained there for three months": a state's length, back from publication.
_DURATION = re.compile(
    rf"\b(?:for|(?P<milestone>{MILESTONE_VERBS}))\s+"
    r"(?:(?:" + ABOUT + r"|his|her)\s+)?" + _NUM + r"\s+(?P<unit>day|week|month|year)s?\b"
    # (a milestone is time held: "marks 1,000 days behind bars", "nears 3 years in detention")
    r"(?(milestone)(?=\s+(?:in|behind|of)\b))",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    """A date expression in a sentence.

    `date` is set for expressions that resolve on their own; `offset_days` (and
    `offset_unit`) mark "N days later", which needs an earlier date as anchor.
    """

    start: int
    end: int
    date: PartialDate | None
    offset_days: int | None = None
    offset_unit: str | None = None
    future: bool = False
    text: str = ""
    # Where a period began: "since April 2022", "for 600 days" (a detention's start).
    began: PartialDate | None = None


def _month_year(month: int, pub: dt.date, strictly_before: bool = False) -> int:
    """The year of the most recent `month` at or before the publication month."""
    if month < pub.month or (month == pub.month and not strictly_before):
        return pub.year
    return pub.year - 1


def _day_year(month: int, day: int, pub: dt.date) -> int:
    """The year of the most recent month/day not after the publication day (+1 for time zones)."""
    try:
        candidate = dt.date(pub.year, month, day)
    except ValueError:
        return pub.year - 1
    return pub.year if candidate <= pub + dt.timedelta(days=1) else pub.year - 1


# A day a few days after publication, its year unwritten, lies ahead, not a year back.
_AHEAD_DAYS = range(2, 11)


def _days_ahead(month: int, day: int, pub: dt.date) -> bool:
    """Whether month/day falls a few days after publication (in its year or the next)."""
    for year in (pub.year, pub.year + 1):  # ("Jan. 3" in a December item)
        try:
            if (dt.date(year, month, day) - pub).days in _AHEAD_DAYS:
                return True
        except ValueError:
            continue
    return False


def _safe(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


# Publication days a relative date can be resolved against: a feed's "0001-01-01" would put
# "last week" before the calendar's first day, and no item of news was written before 1900.
_FIRST_PUBLISHED = dt.date(1900, 1, 1)
_LAST_PUBLISHED = dt.date(2999, 12, 31)
# How far a count reaches from the publication day and still dates an event: "12,000 years
# ago" and "for 1,000,000 days" date nothing a case went through (and leave the calendar).
_REACH_DAYS = 200 * 366
# A written date this far past the publication day is ahead of it, not a time zone away.
_ZONES = dt.timedelta(days=1)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def usable_publication(pub: dt.date | None) -> dt.date | None:
    """The publication day, if relative dates can be resolved against it; else None."""
    return pub if pub is not None and _FIRST_PUBLISHED <= pub <= _LAST_PUBLISHED else None


def _in_reach(n: int, unit: str) -> bool:
    return n * _UNIT_DAYS[unit] <= _REACH_DAYS


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


# Cheap first looks: every pattern below needs a digit, a capitalised month, or one of a few
# lower-case words; a substring test is far cheaper than a case-insensitive alternation, and
# most sentences pass few of them.
_DIGIT = re.compile(r"\d")
_MONTH_PREFIXES = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_UNITS = ("day", "week", "month", "year")
_TIMES_OF_DAY = ("day", "night", "morning", "afternoon", "evening")


def find_dates(text: str, pub: dt.date | None) -> list[DateMention]:
    """Every date expression in `text`, resolved against `pub` where it needs to be."""
    pub = usable_publication(pub)
    lower = text.lower()
    has_digit = _DIGIT.search(text) is not None
    has_month = any(m in text for m in _MONTH_PREFIXES)
    has_unit = any(u in lower for u in _UNITS)  # "Monday" and "today" too
    has_time = any(w in lower for w in _TIMES_OF_DAY) or "Eve" in text
    if not (has_digit or has_month or has_unit or has_time):
        return []
    found: list[DateMention] = []
    spans: list[tuple[int, int]] = []

    def add(m: re.Match[str], date: PartialDate | None, **kw: object) -> None:
        if _overlaps(spans, m.start(), m.end()):
            return
        spans.append((m.start(), m.end()))
        if date is not None and pub is not None and date.first_day() > pub + _ZONES:
            date, kw = None, {**kw, "future": True}  # "arrested in 2025", written in 2024
        found.append(DateMention(m.start(), m.end(), date, text=m.group(0), **kw))  # type: ignore[arg-type]

    for pattern in (_DAY_FIRST, _MONTH_DAY) if has_month else ():
        for m in pattern.finditer(text):
            month = _MONTHS[m.group("month").lower().rstrip(".")]
            day = int(m.group("day"))
            if m.group("month") == "May" and not m.group("year") and day > 31:
                continue
            if m.group("year"):
                year = int(m.group("year"))
            elif pub is not None:
                if _days_ahead(month, day, pub):
                    add(m, None, future=True)  # "goes on trial on Feb. 3", four days on
                    continue
                year = _day_year(month, day, pub)
            else:
                continue
            bound = re.search(
                r"\b(?:since|until|from)\s+$", text[max(0, m.start() - 8) : m.start()]
            )
            if _DEFERRED_TO.search(text, max(0, m.start() - 70), m.start()):
                add(m, None, future=True)  # "adjourned the case to November 12": ahead
            elif bound:
                add(m, None, began=_safe(year, month, day))
            else:
                add(m, _safe(year, month, day))
    for m in _HOLIDAY.finditer(text) if ("Eve" in text or "Day" in text) else ():
        month, day = _HOLIDAYS[m.group("name").lower().replace("’", "'")]
        if m.group("year"):
            add(m, _safe(int(m.group("year")), month, day))
        elif pub is not None:
            add(m, _safe(_day_year(month, day, pub), month, day))
    for m in _MONTH_ONLY.finditer(text) if has_month else ():
        name, mod = m.group("month"), (m.group("mod") or "").lower()
        if name in ("May", "Mar") and not (mod or m.group("year")):
            continue  # "May" the verb, "Mar" the verb
        if _overlaps(spans, m.start("month"), m.end()):
            continue
        month = _MONTHS[name.lower().rstrip(".")]
        if mod in _BOUNDS:
            # "since January" bounds a period; it dates no event, but says when it began.
            began = None
            if mod in ("since", "from"):
                if m.group("year"):
                    began = _safe(int(m.group("year")), month)
                elif pub is not None:
                    began = _safe(_month_year(month, pub), month)
            add(m, None, began=began)
            continue
        if _DEFERRED_TO.search(text, max(0, m.start() - 70), m.start("month")):
            add(m, None, future=True)  # "keep him in detention until late August": ahead
        elif m.group("year"):
            add(m, _safe(int(m.group("year")), month))
        elif m.group("rel") and pub is not None:  # "in June last year"
            add(m, _safe(pub.year - (m.group("rel").lower() == "last"), month))
        elif pub is not None:
            if mod == "next":
                add(m, None, future=True)
                continue
            add(m, _safe(_month_year(month, pub, strictly_before=mod == "last"), month))
    for m in _YEAR.finditer(text) if has_digit else ():
        if not _overlaps(spans, m.start("year"), m.end("year")):
            mod = (m.group("mod") or "").lower()
            if mod in _BOUNDS:
                began = _safe(int(m.group("year"))) if mod in ("since", "from") else None
                add(m, None, began=began)
            else:
                add(m, _safe(int(m.group("year"))))
    for m in _YEAR_BEFORE_NOUN.finditer(text) if has_digit else ():
        add(m, _safe(int(m.group("year"))))
    for m in _BARE_YEAR.finditer(text) if has_digit else ():
        # "Just before Thanksgiving 2017": a year standing alone, within living memory of the
        # publication and not after it (a count such as "2000 people" is usually neither).
        year = int(m.group("year"))
        if pub is None or pub.year - 40 <= year <= pub.year:
            add(m, _safe(year))
    if pub is None:
        return sorted(found, key=lambda d: d.start)
    for m in _WEEKDAY.finditer(text) if has_unit else ():
        mod = (m.group("mod") or "").lower()
        target = _WEEKDAYS[m.group("weekday").lower()]
        if mod == "next":
            add(m, None, future=True)
            continue
        back = (pub.weekday() - target) % 7
        if back == 0 and mod in ("last", "past"):
            back = 7
        add(m, PartialDate.of(pub - dt.timedelta(days=back)))
    for m in _DEICTIC.finditer(text) if has_time else ():
        word = m.group("word").lower()
        delta = 1 if word in ("yesterday", "last night") else 0
        add(m, PartialDate.of(pub - dt.timedelta(days=delta)))
    for m in _PERIOD.finditer(text) if has_unit else ():
        which, unit = m.group("which").lower(), m.group("unit").lower()
        if which == "the" and not m.group("mod"):
            continue  # "in the week before his arrest": no date (but "earlier in the week" is)
        back = which in ("last", "past", "the previous")
        if unit == "year":
            add(m, PartialDate(pub.year - back))
        elif unit == "month":
            first = pub.replace(day=1)
            month_day = first - dt.timedelta(days=1) if back else first
            add(m, PartialDate(month_day.year, month_day.month))
        else:
            week_day = pub - dt.timedelta(days=7 if back else 0)
            add(m, PartialDate(week_day.year, week_day.month))
    for m in _AGO.finditer(text) if has_unit else ():
        if m.group("dir").lower() == "before" and _BEFORE_SOMETHING.match(text, m.end()):
            continue  # "convicted a year before the World Cup": before that, not before today
        n = number(m.group("n"))
        unit = m.group("unit").lower()
        if not _in_reach(n, unit):
            continue
        if unit == "day":
            add(m, PartialDate.of(pub - dt.timedelta(days=n)))
        elif unit in ("week", "month"):
            then = pub - dt.timedelta(days=n * (7 if unit == "week" else 30))
            add(m, PartialDate(then.year, then.month))
        else:
            add(m, PartialDate(pub.year - n))
    for m in _LATER.finditer(text) if has_unit else ():
        n, unit = number(m.group("n")), m.group("unit").lower()
        if _in_reach(n, unit):
            add(m, None, offset_days=_UNIT_DAYS[unit] * n, offset_unit=unit)
    for m in _NEXT_DAY.finditer(text) if has_unit else ():
        add(m, None, offset_days=1, offset_unit="day")
    for m in _DURATION.finditer(text) if has_unit else ():
        n, unit = number(m.group("n")), m.group("unit").lower()
        if _in_reach(n, unit):
            then = pub - dt.timedelta(days=n * _UNIT_DAYS[unit])
            add(m, None, began=PartialDate(then.year))
    return sorted(found, key=lambda d: d.start)


def number(text: str) -> int:
    """A count written in digits or words ("600", "three", "a"); 1 where it is neither."""
    text = text.lower()
    digits = text.replace(",", "")
    return int(digits) if digits.isdigit() else _NUMBERS.get(text, 1)


def shift(anchor: PartialDate, days: int, unit: str) -> PartialDate:
    """`anchor` moved forward by an offset, at no finer precision than either allows."""
    moved = anchor.first_day() + dt.timedelta(days=days)
    if unit == "day" and anchor.day is not None:
        return PartialDate.of(moved)
    if unit in ("day", "week", "month") and anchor.month is not None:
        return PartialDate(moved.year, moved.month)
    return PartialDate(moved.year)
