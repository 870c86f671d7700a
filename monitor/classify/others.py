"""Who else a sentence speaks of: people the news names or describes who are no configured
case, and where one clause's news ends and another's begins.

A development told of "Laurent Vasseur", of "another American", of "a French tourist" (in an
item about a Swede) or in a clause that names another case is not the item's case's; the
candidates module asks these questions of each trigger (`monitor.classify.candidates`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from monitor.classify import cues as C
from monitor.classify.mentions import Mention, common_words, title_case

# A person the news names: two or three capitalised words, none a word the news writes in
# lower case, a title, a state or a place.
_NAME_TOKEN = r"(?-i:[A-Z])[a-zà-ÿ'’]+(?:-(?-i:[A-Z])[a-zà-ÿ'’]+)?"
PERSON_NAME = re.compile(rf"(?<![\w'’-])({_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,2}})(?![\w'’-])")
# ... or one word with an age set off after it: "Smart, 19, disappeared" (a common word as a
# name, which an age shows to be someone's).
AGED_NAME = re.compile(rf"(?<![\w'’-])({_NAME_TOKEN})(?=,\s+\d{{1,3}},\s)")
_NOT_A_PERSON = re.compile(
    r"\b(?:the|a|an|this|that|its|his|her|their|president|prime|minister|judge|court|supreme|"
    r"high|police|ministry|department|house|senate|congress|parliament|state|kremlin|white|"
    r"justice|federal|national|international|united|european|human|rights|amnesty|watch|"
    r"republic|party|university|news|press|times|post|journal|airport|prison|jail|"
    r"mr|mrs|ms|dr|sir|lord|lady|former|ex|new|north|south|east|west|general|sgt|pvt|rep|sen|"
    r"gov|mayor|king|queen|prince|princess|saint|st|los|las|san|santa|tel|abu|buenos|rio|"
    r"sao|são|port|fort|mount|lake|cape|hong|kong|sri|costa|el|la|le|" + C.DEMONYMS + r"|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    r"june|july|august|september|october|november|december)\b",
    re.I,
)
# What makes a name not the one the news happens to: the one harmed, owned or of a case.
_NAME_GOVERNED = re.compile(
    r"\b(?:of|for|in|by|with|against|to|from|killing|killed|murder|murdered|death)\s+"
    r"(?:[\w'’.-]+\s+){0,3}$",
    re.I,
)
_NAME_OWNED = re.compile(
    r"\s*(?:['’]s?\b|\s+(?:case|killing|murder|attack|shooting|death|trial|family))", re.I
)
_SUBJECT_GAP = re.compile(
    r"(?:\s*,[^,]{0,80},)?\s+(?:(?:was|were|is|has been|had been|have been|is being|was being|"
    r"has|had|also|reportedly|allegedly)\s+){0,3}"
)
_COORDINATED_PASSIVE = re.compile(
    r"\s+(?:was|were)\s+(?:\w+ly\s+)?\w+ed\b[^.;,]{0,80}?\band\s+(?:later\s+|then\s+|also\s+)?",
    re.I,
)
_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|been|being)\b", re.I)
_NO_OBJECT_AFTER = re.compile(
    r"\s*(?:$|[,.;:!?)]|(?:in|on|at|for|over|after|by|from|with|as|amid|following|again|to|"
    r"today|yesterday|early|late|last|this)\b)",
    re.I,
)
_OBJECT_GAP = re.compile(r"\s+(?:(?:[a-z-]+|(?-i:[A-Z])[a-z]+(?:-(?-i:[A-Z])[a-z]+)?)\s+){0,3}")


def person_name(text: str, start: int, end: int, governed: bool = False) -> bool:
    """Whether text[start:end] reads as a person's name the item writes (not a place, a body,
    the one harmed, unless `governed` is what is asked; in a title-case headline every word is
    capitalised, so none is told)."""
    name = text[start:end]
    words = common_words()
    return (
        not title_case(text)
        and not C.DESCRIPTOR.search(name)
        and not _NOT_A_PERSON.search(name)
        and not any(w.lower().strip("'’") in words for w in name.split())
        and (governed or not _NAME_GOVERNED.search(text, max(0, start - 40), start))
        and not _NAME_OWNED.match(text, end)
    )


def _other_person_at(text: str, m: re.Match[str], mentions: Sequence[Mention] = ()) -> bool:
    """Whether a named person who is no configured case (none of `mentions`) is the trigger's
    subject ("John Smith was arrested") or, in the present, its object ("Iran frees John
    Smith")."""
    for n in AGED_NAME.finditer(text, 0, m.start()):
        if (
            not any(x.start < n.end() and n.start() < x.end for x in mentions)
            and not title_case(text)
            and not _NOT_A_PERSON.fullmatch(n.group(1))
            and _patient(text, n.end(), m)
        ):
            return True
    for n in PERSON_NAME.finditer(text):
        if any(x.start < n.end() and n.start() < x.end for x in mentions):
            continue  # a case's own name
        first = n.group(1).split()[0]
        if n.group(1).count(" ") == 2 and (
            C.DESCRIPTOR.fullmatch(first) or _NOT_A_PERSON.fullmatch(first)
        ):
            n = PERSON_NAME.match(text, n.start() + len(first) + 1) or n  # "Activist Boris Tamm"
        if n.end() <= m.start():
            if _patient(text, n.end(), m) and person_name(text, n.start(), n.end()):
                return True
        elif (
            n.start() >= m.end()
            and (
                not m.group(0).lower().endswith("ed")
                or _ACTIVE_PAST_BEFORE.search(text, max(0, m.start() - 30), m.start())
            )
            and _OBJECT_GAP.fullmatch(text, m.end(), n.start())
            and person_name(text, n.start(), n.end())
        ) or (
            n.start() >= m.end()
            and _LISTED_AFTER.fullmatch(text, m.end(), n.start())
            and person_name(text, n.start(), n.end())
        ):
            return True
    return False


def _patient(text: str, end: int, m: re.Match[str]) -> bool:
    """Whether the name ending at `end` is the one the trigger happens to: "John Smith was
    freed", "John Smith freed in swap", not "John Smith freed him"; "John Smith was detained at
    a protest and released"."""
    gap = _SUBJECT_GAP.fullmatch(text, end, m.start())
    return (
        gap is not None
        and (
            _PASSIVE_AUX.search(gap.group(0)) is not None
            or _NO_OBJECT_AFTER.match(text, m.end()) is not None
        )
    ) or _COORDINATED_PASSIVE.fullmatch(text, end, m.start()) is not None


# A past verb after its subject, not a passive: "The government released journalist X".
_ACTIVE_PAST_BEFORE = re.compile(
    r"\b(?:government|authorities|junta|police|court|regime|officials|it|they|the\s+\w+)\s+"
    r"(?:\w+ly\s+)?$",
    re.I,
)
# The ones the news tells of, listed after it: "Those freed on Friday included X", "Among
# those released were X".
_LISTED_AFTER = re.compile(
    r"[^.;:]{0,40}?\b(?:included|includes|include|were|are|was|is)\s+(?:[\w'’-]+\s+){0,2}?", re.I
)


# Someone like the case but not the case: "arrests another American teacher", "a second
# French citizen detained".
_ANOTHER = (
    r"(?:another|(?:a\s+)?(?:second|third|fourth|fifth)|a\s+new|fellow)\s+(?:[\w'’-]+\s+){0,3}?(?:"
    + C.DESCRIPTOR_WORDS
    + r")s?\b"
)
_ANOTHER_ONE = re.compile(r"\s+(?:of\s+)?" + _ANOTHER, re.I)
ANOTHER_WORD = re.compile(r"\b(?:another|second|third|fourth|fifth|new|fellow)\b", re.I)
# ... or a namesake: "Another Lindqvist detained".
_ANOTHER_NAMED_BEFORE = re.compile(
    r"\b(?:another|a\s+second)\s+(?-i:[A-Z])[\w'’-]+\s+(?:(?:was|is|has\s+been)\s+)?$", re.I
)
_ANOTHER_ONE_BEFORE = re.compile(r"\b" + _ANOTHER + r",?\s+(?:[\w'’-]+\s+){0,2}$", re.I)


def tells_of_another(text: str, m: re.Match[str], mentions: Sequence[Mention]) -> bool:
    """Whether the trigger's news is of someone the sentence names or describes who is no
    configured case (a case named only after it, as a preposition's object, is no matter:
    "in a case like that of X")."""
    lo, hi = own_clause(text, m, mentions)
    if any(not governed_after(x, m) for x in mentions if lo <= x.start and x.end <= hi):
        return False  # a case named in its clause as the one it may happen to
    if mentions and (_SWAP_WORD.search(m.group(0)) or _ALONG_WITH.search(text, m.end())):
        return False  # "swaps X for the case", "frees X along with the case": both sides
    another = (
        _ANOTHER_ONE.match(text, m.end(), m.end() + 50)
        or _ANOTHER_ONE_BEFORE.search(text, max(0, m.start() - 50), m.start())
        or _ANOTHER_NAMED_BEFORE.search(text, max(0, m.start() - 40), m.start())
    )
    return bool(another) or _other_person_at(text, m, mentions)


_SWAP_WORD = re.compile(r"swap|exchang|trad", re.I)
_ALONG_WITH = re.compile(r"\b(?:along\s+with|together\s+with|alongside|as\s+well\s+as)\b", re.I)


def governed_after(x: Mention, m: re.Match[str]) -> bool:
    """Whether a case is named after the trigger as the object of a preposition: "in a case
    like that of X", "including X"."""
    before = m.string[max(0, x.start - 30) : x.start]
    return x.start >= m.end() and bool(
        C.GOVERNED_BEFORE.search(before) or _AFTER_SOMEONE.search(before)
    )


# A case named as the time of another's news, or left out: "months after X", "but not X".
_AFTER_SOMEONE = re.compile(
    r"\b(?:after|before|since|unlike|besides|but\s+not|except)\s+(?:[\w'’-]+\s+){0,2}$", re.I
)
# A namesake told apart: "He is not related to jailed unionist X".
_UNRELATED = r"\b(?:(?:not|no)\s+(?:related|relation)\s+(?:to|of)|unrelated\s+to)"
UNRELATED_BEFORE = re.compile(_UNRELATED + r"\s+(?:[\w'’-]+\s+){0,4}$", re.I)
EXCLUDED_BEFORE = re.compile(
    r"(?:\bbut\s+not|,\s*not|\bexcept(?:\s+for)?|\bexcluding|\bother\s+than|\bapart\s+from|"
    + _UNRELATED
    + r")\s+(?:[\w'’-]+\s+){0,3}$",
    re.I,
)


OF_NAME = re.compile(r"\s+of\s+(" + _NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + r"){1,2})")


_NATIONAL_DESCRIBED = re.compile(  # (one person: a plural may mix nations)
    r"(?<![\w.])((?:[A-Za-z]\.){2,}|[A-Za-z]+(?:-[A-Za-z]+)?)\s+(?:(?-i:[a-z-]+)\s+){0,2}?(?:"
    + C.DESCRIPTOR_WORDS
    + r")\b(?!s)",
    re.I,
)


def of_other_nations(
    text: str, m: re.Match[str], citizenship: Sequence[str], holder: str, item: str
) -> bool:
    """Whether the descriptor beside the trigger gives a nationality that is none of the case's
    (its citizenship or its holder's), in an item that writes the case's own nationality
    elsewhere: "Iran frees French tourist; Swedish aid worker still held" (a case's listed
    citizenship may be short of one, so an item that never writes it proves nothing)."""
    own = {*citizenship, holder} - {""}
    if not any((state := C.HOLDERS.get(code)) and state.search(item) for code in citizenship):
        return False
    lo, hi = own_clause(text, m, ())
    foreign = False
    for d in _NATIONAL_DESCRIBED.finditer(text, max(lo, m.start() - 50), min(hi, m.end() + 50)):
        parts = d.group(1).split("-")  # "British-Iranian": either may be the case's
        codes = {
            code for part in parts for code, state in C.HOLDERS.items() if state.fullmatch(part)
        }
        if len(parts) > 1:
            codes -= {holder}  # ("Austrian-Iranian" held by Iran: the Austrian one)
            mine = codes & {*citizenship}
        else:
            mine = codes & own
        if mine:
            return False  # "U.S. aid worker and French journalist freed": the case is one
        foreign = foreign or bool(codes)
    return foreign


# Where one clause ends and another, with news of its own, begins: "; ", "while", "whereas",
# "but", a headline's comma before a verb ("frees X, keeps Y"), and "as" or "and" before a
# name with its own verb ("sentences X as Y is moved", "X was freed and Y was charged",
# "X was hanged hours before Y was freed").
_CONTRAST_BREAK = re.compile(
    r";\s|,?\s+(?:while|whereas|but)\s+|,\s+(?=(?:keeps|holds|frees|releases|jails|sentences|"
    r"arrests|detains|charges|executes|moves|transfers|convicts|acquits|leaves)\b)",
    re.I,
)
_NAMED_CLAUSE = re.compile(
    r"\s+(?P<word>as|and|before|after|when|until|since)\s+(?=(?:[\w'’.-]+\s+){0,3}?"
    r"(?:is|was|are|were|has|had|gets|got|faces|"
    r"remains)\b)",
    re.I,
)


# A clause about someone new: "... after a fellow teacher was jailed", "as an aide was held".
SOMEONE_CLAUSE = re.compile(
    r"\b(?:after|before|when|as|while|and|but|since|until)\s+(?:a|an|another)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:" + C.DESCRIPTOR_WORDS + r")s?\s+"
    r"(?:(?:was|were|is|are|has|had|been|got|gets)\s+(?:\w+\s+)?)?$",
    re.I,
)
_SOMEONE_BREAK = re.compile(
    r"\s(?:after|before|when|as|while|and|but|since|until)\s+(?=(?:a|an|another)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:" + C.DESCRIPTOR_WORDS + r")s?\s+"
    r"(?:was|were|is|are|has|had|been|got|gets)\b)",
    re.I,
)
_PREDICATED = re.compile(r"\b(?:was|were|is|are|has|have|had|been|\w+ed)\b", re.I)


def own_clause(text: str, m: re.Match[str], mentions: Sequence[Mention]) -> tuple[int, int]:
    """The span of the clause the trigger stands in, cut at a break that opens news of its own
    (`_CONTRAST_BREAK`), or at "as"/"and" when a case's name and its own verb follow."""
    cuts = _clause_cuts(text, tuple((x.start, x.end) for x in mentions))
    lo = max((c for c in cuts if c < m.start()), default=0)
    hi = min((c for c in cuts if c >= m.end()), default=len(text))
    return lo, hi


@functools.lru_cache(maxsize=256)
def _clause_cuts(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
    """Where a sentence's clauses break, given where its cases are named (`spans`): the same for
    every trigger of the sentence, so worked out once."""
    cuts = [b.start() for b in _CONTRAST_BREAK.finditer(text)]
    cuts += [b.start() for b in _SOMEONE_BREAK.finditer(text)]
    for b in _NAMED_CLAUSE.finditer(text):
        if not any(0 <= start - b.end() <= 2 for start, _ in spans):
            continue
        before = [end for _, end in spans if end <= b.start()]
        if b.group("word").lower() == "and" and not (
            before and _PREDICATED.search(text, before[-1], b.start())
        ):
            continue  # "the release of X and Y was welcomed": one subject, not two clauses
        cuts.append(b.start())
    return tuple(cuts)
