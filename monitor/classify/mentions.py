"""Find which cases a sentence speaks of: names, aliases, surnames, groups, plurals, pronouns.

All names go into one Aho-Corasick automaton, so finding them costs one pass
over the text whatever the number of configured cases; hits are kept only
on whole words (CJK aliases match anywhere, as CJK text has no spaces).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources

import ahocorasick

from monitor.classify.cues import DEMONYMS, DESCRIPTOR
from monitor.classify.text import Sentence
from monitor.domain.cases import CaseBook

_EAST_ASIAN_ORDER = {"CN", "TW", "HK", "MO", "KR", "KP", "VN", "SG"}
# The commonest Chinese, Korean and Vietnamese surnames as news romanises them: a name that
# opens with one, of someone held in East Asia, puts the surname first whatever the passport
# ("Cheng Lei", "Yang Hengjun", Australians held by China: "Yang, who was arrested ...").
_EAST_ASIAN_SURNAMES = frozenset(
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng "
    "liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye "
    "cheng wei su lu ding ren shen yao jin fu zhong dai cui tan lai lam chan wong leung cheung "
    "ho tse chow chau kwok yip gui ai xi bao qin shi fan fang kong mao meng qian qiu xiong yan "
    "kim lee park choi jung kang cho yoon jang lim oh seo shin kwon hwang ahn "
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ngo duong ly".split()
)
# Words the news writes in lower case (`monitor classifier words`, from the news corpus).
WORDS = "common_words.txt"


@functools.cache
def common_words() -> frozenset[str]:
    """The packaged list of common lower-case words (empty if it is not there)."""
    try:
        text = resources.files("monitor.classify").joinpath(WORDS).read_text("utf-8")
    except OSError:
        return frozenset()
    return frozenset(text.split())


# An honorific or a title before a surname: "Mr. Spavor", "President Bazoum", "ex-PM Khan".
_HONORIFIC_BEFORE = re.compile(
    r"(?:\b(?:mr|ms|mrs|miss|dr|prof|sir|madam|president|ex-president|premier|pm|ex-pm|"
    r"chancellor|minister|senator|sen|rep|governor|gov|mayor|general|gen|colonel|col|captain|"
    r"capt|lieutenant|lt|sergeant|sgt|private|pvt|cardinal|archbishop|bishop|pope|imam|"
    r"ayatollah|sheikh|rabbi|pastor|rev|judge|justice|ambassador|envoy)\.?\s+)$",
    re.I,
)
_FEMALE = re.compile(r"\b(?:ms|mrs|miss|madam)\.?\s+$", re.I)
_MALE = re.compile(r"\b(?:mr|sir)\.?\s+$", re.I)
# Latin letters with diacritics, Latin-1 to Extended Additional (folded by `_fold_table`) ...
_LATIN_DIACRITICS = (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))
# ... and with them the plain ones: "Ömer" or "Léa" is a given name as "Peter" is.
_LATIN = [chr(c) for c in (*range(0x41, 0xC0), *_LATIN_DIACRITICS)]
_UPPER = "".join(c for c in _LATIN if c.isupper())
_LOWER = "".join(c for c in _LATIN if c.islower())
_CAPITALISED_BEFORE = re.compile(rf"\b([{_UPPER}][{_LOWER}]+)\s+$")
_CAPITALISED_AFTER = re.compile(rf"^\s+([{_UPPER}][{_LOWER}]+)\b")
# "James and [Sandra] Helm": a given name joined to another's, before the surname they share.
_GIVEN_AND_BEFORE = re.compile(
    rf"\b([{_UPPER}][{_LOWER}]+)\s+(?:and|&)\s+(?:[{_UPPER}][{_LOWER}]+\s+)?$"
)
# "her daughter Natalie", "whose grandmother Yocheved": a relative by given name.
_KIN_GIVEN = re.compile(
    r"\b(?:wife|husband|son|daughter|mother|father|brother|sister|grand(?:mother|father|son|"
    r"daughter)|aunt|uncle|niece|nephew|cousin)(?:,)?\s+"
    rf"([{_UPPER}][{_LOWER}]+)\b"
)
_PLURAL = re.compile(
    r"\b(?:(?:(?:the|both|these|those)\s+)?(?:two|three|four|five|six|seven|eight|[2-9])\s+"
    r"(?:(?:canadian|american|british|australian|foreign|detained|jailed)\s+)*"
    r"(?:men|women|canadians|americans|britons|australians|detainees|citizens|nationals|"
    r"prisoners|hostages|individuals|people|journalists|reporters|activists|brothers|sisters|"
    r"students|tourists|workers|soldiers)"
    r"|the\s+pair|both\s+men|both\s+women|the\s+men|the\s+detainees|the\s+(?:couple|duo)|"
    # two of a family: "Father and son sentenced", "the husband and wife"
    r"(?:a\s+|the\s+)?(?:father|mother)\s+and\s+(?:son|daughter)|"
    r"(?:a\s+|the\s+)?husband\s+and\s+wife)\b",
    re.I,
)
# A headline's bare plural nationality ("Iran frees Americans in a swap") stands for a group
# the same or the next sentences name, and for nothing else.
_BARE_PLURAL = re.compile(r"\b(?:" + DEMONYMS + r")s\b|\bbritons\b", re.I)
_ANAPHOR = re.compile(
    r"\b(?:that|the|this|his|her) (?:ruling|verdict|sentencing|retrial|death sentence|"
    r"conviction|acquittal)\b",
    re.I,
)
_JOINER = re.compile(
    r"(?:'s)?\s*(?:,|and|&|, and)\s*"
    r"(?:(?:[Mm]r|[Mm]s|[Mm]rs|[Dd]r)\.?\s+|(?:[a-z][\w-]*\s+){0,3})"
)
_THEY = re.compile(r"\b(?:they|them|their)\b", re.I)
_HE = re.compile(r"\b(?:he|him|his)\b", re.I)
_SHE = re.compile(r"\b(?:she|her|hers)\b", re.I)
_NOT_NAME_WORDS = {
    "the",
    "a",
    "an",
    "and",
    "or",
    "of",
    "in",
    "on",
    "for",
    "with",
    "by",
    "to",
    "as",
    "at",
    "canadian",
    "canadians",
    "chinese",
    "american",
    "british",
    "australian",
    "former",
    "detained",
    "jailed",
    "executive",
    "president",
    "prime",
    "minister",
    "ambassador",
    "businessman",
    "diplomat",
    "citizen",
    "citizens",
    "huawei",
    "when",
    "while",
    "after",
    "but",
    "both",
    "said",
    "says",
    "free",
    "release",
    "releasing",
    "freed",
    # words that open a headline or a question, never a given name: "How Benzema ...",
    # "Watch: Fox ...", "Gunman Tarrant ..."
    "how",
    "what",
    "why",
    "who",
    "where",
    "which",
    "watch",
    "inside",
    "meet",
    "exclusive",
    "analysis",
    "opinion",
    "explainer",
    "gunman",
    "prominent",
}


def _is_cjk(text: str) -> bool:
    return any(unicodedata.east_asian_width(ch) in ("W", "F") for ch in text)


def _fold_table() -> dict[int, str]:
    """Latin letters with diacritics to their base letter, one character for one, and the
    apostrophes to one: "İmamoğlu", "Nguyễn", "Mas’ud" match "Imamoglu", "Nguyen", "Mas'ud"."""
    table = {cp: unicodedata.normalize("NFD", chr(cp))[0] for cp in _LATIN_DIACRITICS}
    table = {cp: base for cp, base in table.items() if base.isascii() and base.isalpha()}
    # Letters that are no base letter plus a mark, and the apostrophes news writes.
    table.update({ord(k): v for k, v in zip("ØøĐđŁłıİ", "OoDdLliI", strict=True)})
    table.update(dict.fromkeys(map(ord, "’‘ʼ`"), "'"))
    table.update(dict.fromkeys(map(ord, "\u2010\u2011"), "-"))  # hyphens news writes
    return table


_FOLD = _fold_table()
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _base_letter(m: re.Match[str]) -> str:
    return _FOLD.get(ord(m.group()), m.group())


def _fold(text: str) -> str:
    """Lower case without diacritics, a hyphen as a space ("al-Hathloul", "Al Hathloul"), as
    long as the text (hits are offsets into the text). Only the few non-ASCII characters are
    looked up: a table over every character costs a tenth of a long article's classification."""
    folded = text if text.isascii() else _NON_ASCII.sub(_base_letter, text)
    return folded.lower().replace("-", " ")


_PARTICLES = frozenset(
    "van von der den de del della di da das dos du la le ter ten bin ibn".split()
)
# Lower-case words a personal name may hold besides its particles: "Todd and Julie Chrisley",
# "Puigdemont i Casamajó", "Saridewi binte Djamani", "Ortega y Gasset", "al Maktoum".
_ARABIC_ARTICLES = "al el ad ar as ash at az an ud ul".split()
_NAME_WORDS = _PARTICLES | frozenset(["and", "i", "y", "e", "bint", "binte", *_ARABIC_ARTICLES])


def _personal(tokens: Sequence[str]) -> bool:
    """Whether a configured name reads as a person's (or a pair's) name, not a description
    ("Mintz Group staff in Beijing", "Thai hostages held by Hamas"): a description gives no
    surname, or "Beijing" and "Hamas" would name the case."""
    return not any(
        (word := t.strip("(),.'’\"")).isalpha() and word.islower() and word not in _NAME_WORDS
        for t in tokens
    )


# States whose names are given with two surnames, the first the one used alone.
_TWO_SURNAMES = frozenset("ES PT MX GT HN SV NI CR PA CU DO VE CO EC PE BO CL AR UY PY BR".split())
_ARTICLE_PREFIX = re.compile(rf"^(?:{'|'.join(_ARABIC_ARTICLES)}) (\w{{3,}})$")
_PAIR = re.compile(r"\s(?:and|&)\s")


@dataclass(frozen=True)
class Mention:
    """Cases a span of a sentence refers to, and how the span was recognised."""

    cases: tuple[str, ...]
    start: int
    end: int
    kind: str  # name | surname | group | plural | pronoun


# Words of a name that the cue and date patterns would read as words of their own: modal
# verbs ("Can Dündar", "Will Young") and months ("Jan Kuciak", "June Chen", "April Jones").
_WORD_IN_NAME = re.compile(
    r"\b(?:can|could|may|might|must|shall|should|will|would|"
    r"jan|feb|mar|apr|april|jun|june|jul|july|aug|august|sep|sept|oct|nov|dec)\b",
    re.I,
)


def names_unread(text: str, mentions: Sequence[Mention]) -> str:
    """The sentence with each such word inside a case's name turned to X and x (same length,
    same offsets), for the patterns that read the words around a trigger and the dates:
    "Can Dündar was arrested" holds no "can", "Jan Kowalski was detained" no January ("Will X
    be freed?" still asks, and "since May" is still a month)."""
    chars = list(text)
    for m in mentions:
        if m.kind in ("name", "surname"):
            for word in _WORD_IN_NAME.finditer(text, m.start, m.end):
                if (word.start(), word.end()) == (m.start, m.end):
                    continue  # a surname that is the word alone may be the word: "Turkey Can Free"
                for i in range(word.start(), word.end()):
                    chars[i] = "X" if chars[i].isupper() else "x"
    return "".join(chars)


# An automaton hit: start, end, the folded words, and (kind, cases) of what they name.
_Hit = tuple[int, int, str, tuple[tuple[str, tuple[str, ...]], ...]]


@dataclass
class MentionIndex:
    """The automaton and lookups built once from a CaseBook."""

    book: CaseBook
    automaton: object = field(init=False)
    surname_owners: dict[str, set[str]] = field(init=False)
    # Given name -> (surname, case) of each configured name: "James and Sandra Helm", "her
    # daughter Natalie" name a case by its given name where its surname stands beside.
    by_given: dict[str, list[tuple[str, str]]] = field(init=False)
    # Surnames without their Arabic article ("Haddad" for "al-Haddad"): many people's names,
    # so they name the case only where the item names it in full.
    bare_surnames: frozenset[str] = field(init=False)
    # Cases that are two people under one name ("Todd and Julie Chrisley"): "two men", "the
    # couple" and "they" may stand for them as for two cases named together.
    pairs: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        names: dict[str, set[tuple[str, tuple[str, ...]]]] = defaultdict(set)
        surnames: dict[str, set[str]] = defaultdict(set)
        bare_surnames: set[str] = set()
        by_given: dict[str, list[tuple[str, str]]] = defaultdict(list)
        written: set[str] = set()  # surnames as some configured name writes them
        for case in self.book.cases:
            east_asian = bool(set(case.citizenship) & _EAST_ASIAN_ORDER) or (
                case.held_by in _EAST_ASIAN_ORDER
                and _fold((case.name.split() or [""])[0]) in _EAST_ASIAN_SURNAMES
            )
            for name in case.names():
                names[_fold(name)].add(("name", (case.key,)))
                tokens = name.split()
                if not _personal(tokens):
                    continue
                if len(tokens) == 2 and not _is_cjk(name):
                    names[_fold(f"{tokens[1]} {tokens[0]}")].add(("name", (case.key,)))
                if len(tokens) >= 2 and not _is_cjk(name) and len(tokens[-1].strip(".")) > 1:
                    # (an initial is no surname: "Keffe D")
                    surnames[_fold(tokens[-1])].add(case.key)
                    written.add(_fold(tokens[-1]))
                    if len(tokens) == 2 and not east_asian:
                        by_given[_fold(tokens[0])].append((_fold(tokens[-1]), case.key))
                    # "al-Hathloul" is "Hathloul" too: news often drops the Arabic article.
                    if bare := _ARTICLE_PREFIX.match(_fold(tokens[-1])):
                        surnames[bare.group(1)].add(case.key)
                        bare_surnames.add(bare.group(1))
                if len(tokens) >= 3 and not _is_cjk(name) and not east_asian:
                    # Two-word surnames: "Suu Kyi", "García Luna", "van der Sloot" by its end
                    # (not "Ka Yan": in East Asian order the given name comes last).
                    surnames[_fold(" ".join(tokens[-2:]))].add(case.key)
                    # A surname with its particles: "Van der Linde", "De la Cruz".
                    lead = next(
                        (i for i, t in enumerate(tokens[1:-1], 1) if t.lower() in _PARTICLES), None
                    )
                    if lead is not None:
                        surnames[_fold(" ".join(tokens[lead:]))].add(case.key)
                    # Spanish and Portuguese names carry two surnames, and the news calls
                    # someone by the first: "Ramírez" for "Carlos Eduardo Ramírez Peña".
                    if (
                        len(tokens) >= 4
                        and lead is None
                        and (set(case.citizenship) | {case.held_by}) & _TWO_SURNAMES
                    ):
                        surnames[_fold(tokens[-2])].add(case.key)
            first = case.name.split()
            if len(first) >= 2 and east_asian and _personal(first):
                surnames[_fold(first[0])].add(case.key)
        for group in self.book.groups:
            for alias in group.aliases:
                names[_fold(alias)].add(("group", tuple(group.members)))
        self.surname_owners = dict(surnames)
        self.by_given = dict(by_given)
        # ("Ghannouchi" is as written for "Rached Ghannouchi", though an alias has "al-")
        self.bare_surnames = frozenset(bare_surnames - written)
        for surname in surnames:
            if surname not in names:
                names[surname].add(("surname", ()))
        automaton = ahocorasick.Automaton()
        for text, kinds in names.items():
            automaton.add_word(text, (text, tuple(sorted(kinds))))
        if names:
            automaton.make_automaton()
        self.automaton = automaton
        self._empty = not names
        self.pairs = frozenset(
            case.key
            for case in self.book.cases
            if _PAIR.search(case.name) and _personal(case.name.split())
        )

    def raw_hits(self, text: str) -> list[_Hit]:
        """Whole-word hits, longest first where they overlap."""
        if self._empty:
            return []
        folded = _fold(text)
        hits = []
        for end, (word, kinds) in self.automaton.iter(folded):  # type: ignore[attr-defined]
            start = end - len(word) + 1
            if not _is_cjk(word):
                before = folded[start - 1] if start > 0 else " "
                after = folded[end + 1] if end + 1 < len(folded) else " "
                if before.isalnum() or after.isalnum():
                    continue
            hits.append((start, end + 1, word, kinds))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        kept: list[_Hit] = []
        for hit in hits:
            if kept and hit[0] < kept[-1][1]:
                continue
            kept.append(hit)
        if kept and self.by_given:
            kept = self._shared_surname_hits(text, kept)
        return kept

    def _shared_surname_hits(self, text: str, hits: list[_Hit]) -> list[_Hit]:
        """Given names that borrow a surname beside them: "James and Sandra Helm", "Rahul and
        Priyanka Gandhi" (the first given name and the shared surname), "Judith Raanan and her
        daughter Natalie", "whose grandmother Yocheved" (a relative's given name where the
        family's surname is in the sentence)."""
        hit_surnames = {h[2].split()[-1] for h in hits}
        extra = []
        for start, _, word, _ in hits:
            joined = _GIVEN_AND_BEFORE.search(text, max(0, start - 40), start)
            if joined:
                extra.extend(self._given_hits(joined, {word.split()[-1]}))
        for kin in _KIN_GIVEN.finditer(text):
            extra.extend(self._given_hits(kin, hit_surnames))
        if not extra:
            return hits
        taken = [(h[0], h[1]) for h in hits]
        for hit in extra:
            if all(hit[1] <= a or hit[0] >= b for a, b in taken):
                hits.append(hit)
                taken.append((hit[0], hit[1]))
        return sorted(hits, key=lambda h: h[0])

    def _given_hits(self, match: re.Match[str], surnames: set[str]) -> list[_Hit]:
        given = _fold(match.group(1))
        keys = tuple(
            sorted({key for surname, key in self.by_given.get(given, ()) if surname in surnames})
        )
        if not keys:
            return []
        return [(match.start(1), match.end(1), given, (("name", keys),))]


@dataclass
class Discourse:
    """What the article has said so far: named cases, genders, recent referents."""

    named: set[str] = field(default_factory=set)
    # (given name, surname) written in running text for someone else: "Andrew Tate and Tristan
    # Tate are escorted" makes "Charge Against Andrew Tate" in a title-case headline Andrew's.
    others: set[tuple[str, str]] = field(default_factory=set)
    gender: dict[str, str] = field(default_factory=dict)
    recent_single: list[tuple[int, str]] = field(default_factory=list)
    recent_plural: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)
    pairs: frozenset[str] = frozenset()

    def several(self, cases: tuple[str, ...]) -> bool:
        """Whether cases named together are more than one person."""
        return len(cases) >= 2 or (len(cases) == 1 and cases[0] in self.pairs)


def find_mentions(index: MentionIndex, sentences: Sequence[Sentence]) -> list[list[Mention]]:
    """Mentions per sentence, resolving surnames, plurals and pronouns in reading order."""
    hits_per_sentence = [index.raw_hits(s.text) for s in sentences]
    if not any(hits_per_sentence):
        return [[] for _ in sentences]  # (no name: no plural or pronoun has an antecedent)
    discourse = Discourse(pairs=index.pairs)
    # A full name anywhere licenses its surname everywhere (headlines use surnames first).
    for sent, hits in zip(sentences, hits_per_sentence, strict=True):
        running = bool(hits) and not title_case(sent.text)  # (once a sentence, not a hit)
        for hit in hits:
            for kind, cases in hit[3]:
                if kind == "name" and not _written_as_a_word(sent.text, *hit[:3]):
                    discourse.named.update(cases)
            if running:
                _note_another(index, discourse, sent.text, hit)
    result: list[list[Mention]] = []
    # Resolving a hit reads only the names above, which the loop below does not change.
    resolved = [
        [m for h in hits if (m := _resolve_hit(index, discourse, s.text, *h)) is not None]
        for s, hits in zip(sentences, hits_per_sentence, strict=True)
    ]
    # Named sets in each sentence, for a headline's "two Canadians" named only below it.
    ahead = [
        [g for g in conjoined(s.text, named) if discourse.several(g)]
        for s, named in zip(sentences, resolved, strict=True)
    ]
    for sent, named in zip(sentences, resolved, strict=True):
        mentions = list(named)
        for mention in mentions:
            _note_gender(discourse, sent.text, mention)
        explicit = {c for m in mentions for c in m.cases}
        following = [g for later in ahead[sent.index + 1 : sent.index + 4] for g in later]
        mentions.extend(_references(discourse, sent, mentions, explicit, following))
        spoken = {c for m in mentions for c in m.cases}
        groups = [g for g in conjoined(sent.text, mentions) if discourse.several(g)]
        if len(spoken) == 1 and not groups:
            discourse.recent_single.append((sent.index, next(iter(spoken))))
        elif groups:
            discourse.recent_plural.append((sent.index, groups[-1]))
        mentions.sort(key=lambda m: m.start)
        result.append(mentions)
    return result


# "one of the Citgo 6", "two of the group": some members, not saying which.
_SUBSET_BEFORE = re.compile(
    r"\b(?:one|two|three|four|five|some|several|many|most|each|any|none|another)\s+of\s+"
    r"(?:the\s+)?['‘\"“]?$",
    re.I,
)


def _resolve_hit(
    index: MentionIndex,
    discourse: Discourse,
    text: str,
    start: int,
    end: int,
    word: str,
    kinds: tuple[tuple[str, tuple[str, ...]], ...],
) -> Mention | None:
    cases: set[str] = set()
    kind = "name"
    subset = _SUBSET_BEFORE.search(text, max(0, start - 30), start) is not None
    for k, members in kinds:
        if k == "name" or (k == "group" and not subset):
            cases.update(members)
            kind = k
    if cases:
        if kind == "name":
            cases = {c for c in cases if not _another_generation(text, end, index, c)}
            if not cases or _written_as_a_word(text, start, end, word):
                return None
        return Mention(tuple(sorted(cases)), start, end, kind)
    if not _surname_shaped(text, start, word):
        return None
    owners = index.surname_owners.get(word, set())
    named = owners & discourse.named
    if len(named) == 1:
        chosen = next(iter(named))
    elif (
        len(owners) == 1
        # "Law", "King", "Stone": a surname that is also a common word needs the full name,
        # and so does one that stands as a place or a time ("in Houston", "during Ramadan")
        and word not in common_words()
        and word not in index.bare_surnames
        and not _as_place(text, start, end)
        and (
            _standalone_surname(text, start, end)
            or _spelt_otherwise(text, start, index, owners)
            or _middle_name(text, start, _given_names(index, next(iter(owners))))
        )
    ):
        chosen = next(iter(owners))
    else:
        return None
    # "Meng Hongwei" or "John Kovrig": the surname of someone else. In a title-case headline
    # every word is capitalised, so a capitalised neighbour says nothing about a person the
    # item names in full: "Tennis Legend Becker Freed From Prison".
    title_named = (
        chosen in named and title_case(text) and not _named_another(discourse, text, start, word)
    )
    if not title_named and _other_given_name(text, start, end, index, chosen):
        return None
    return Mention((chosen,), start, end, "surname")


_AS_PLACE = re.compile(r"\b(?:in|at|near|outside|across|around|throughout|during)\s+$", re.I)
_PLACE_NOUN_AFTER = re.compile(
    r"\s+(?:police|airport|city|county|university|station|hospital|mayor|council|"
    r"authorities|residents|area|region|district|port|harbou?r)\b",
    re.I,
)
# ... but a person's matter after a preposition is the person's: "a verdict in X case".
_MATTER_AFTER = re.compile(
    r"(?:['’]s?\b|\s+(?:case|cases|trial|appeal|verdict|sentence|hearing|affair|saga|"
    r"scandal|probe|investigation|inquiry)\b)",
    re.I,
)


def _as_place(text: str, start: int, end: int) -> bool:
    """Whether a lone surname stands as a place or a time: "arrested in Houston", "Houston
    police", "during Ramadan" (not "a verdict in the Okafor case": his matter)."""
    if _PLACE_NOUN_AFTER.match(text, end):
        return True
    return bool(_AS_PLACE.search(text, max(0, start - 12), start)) and not _MATTER_AFTER.match(
        text, end
    )


# Surnames that are also English words a sentence opens with: "He" (He Jiankui), "May".
_FUNCTION_WORDS = frozenset("he she it we they his her him us an as so do no may will can".split())
_SENTENCE_OPENS = re.compile(r"(?:^|[.:;!?\"“‘'(—–-])\s*$")


def _surname_shaped(text: str, start: int, word: str) -> bool:
    """Whether a surname hit is written as a name: capitalised (unless the whole text is in one
    case), and, where it is also a word like "he", not the first word of its sentence."""
    parts = word.split()
    particled = len(parts) > 1 and parts[0] in _PARTICLES  # "Mr van der Linde"
    if (
        not text[start].isupper()
        and any(ch.islower() for ch in text)
        and not (particled and text[start + len(word) - len(parts[-1])].isupper())
    ):
        return False  # "after he was caught", "the rule of law": words, not surnames
    return word not in _FUNCTION_WORDS or not _SENTENCE_OPENS.search(text, 0, start)


_LONG_WORD = re.compile(r"\b[^\W\d_][\w'’-]{3,}")
# Words that some headline styles leave in lower case.
_MINOR_WORDS = frozenset(
    {"from", "with", "into", "over", "after", "amid", "about", "under", "than"}
)


def _written_as_a_word(text: str, start: int, end: int, word: str) -> bool:
    """Whether a one-word name that is also a common word (a comedian's stage name, "House")
    stands here as the word, not the name: written in lower case or in capitals ("under house
    arrest", "HOUSE ARREST"), opening a sentence it does not go on as a name ("House arrest
    extended for ..."), or inside a capitalised phrase ("90 Days House Arrest", "the White
    House") or a title-case headline, where capitals say nothing about a person."""
    if " " in word or word not in common_words():
        return False
    written = text[start:end]
    if not written[:1].isupper() or written.isupper():
        return True
    if _HONORIFIC_BEFORE.search(text[:start]):
        return False  # "Mr House was detained"
    if _SENTENCE_OPENS.search(text, 0, start):
        return not _GOES_ON_AS_A_NAME.match(text, end)
    before = _CAPITALISED_BEFORE.search(text[:start])
    return bool(
        title_case(text)
        or (before and not _describes(before.group(1)))  # (but "Comedian House")
        or _CAPITALISED_AFTER.match(text[end:])
    )


# What follows a name that opens a sentence: "House, a comedian, ...", "House's joke", "House
# was detained" (not "House arrest extended").
_GOES_ON_AS_A_NAME = re.compile(
    r"\s*[,(]|['’]s\b|\s+(?:was|is|has|had|said|says|told|tells|will|would|who|and)\b"
)


def title_case(text: str) -> bool:
    """Whether every longer word is capitalised, as in many outlets' headlines ("Tennis Legend
    Becker Freed From Prison"); a sentence ("X was arrested in Moscow") has lower-case words."""
    words = [w for w in _LONG_WORD.findall(text) if w.lower() not in _MINOR_WORDS]
    return len(words) >= 4 and all(w[0].isupper() for w in words)


def _standalone_surname(text: str, start: int, end: int) -> bool:
    """A surname with no capitalised neighbour (a given name would be one). In a title-case
    headline every word is capitalised, so only the word before can tell."""
    if _HONORIFIC_BEFORE.search(text[:start]):
        return True
    before = _CAPITALISED_BEFORE.search(text[:start])
    if before and not _describes(before.group(1)):
        return False
    return title_case(text) or not _CAPITALISED_AFTER.match(text[end:])


def _describes(word: str) -> bool:
    """A word that says what someone is, not who: "US National Almadi", "Reporter X",
    "Swedish-Iranian Djalali" (a nationality is no given name)."""
    return (
        word.lower() in _NOT_NAME_WORDS
        or DESCRIPTOR.fullmatch(word) is not None
        or _NATIONALITY.fullmatch(word) is not None
    )


_NATIONALITY = re.compile(
    rf"(?:{DEMONYMS}|european|african|asian|arab|kurdish|uyghur|uighur|tibetan|taiwanese|"
    r"singaporean|mongolian|kyrgyz|somali|congolese|cameroonian|tanzanian|zambian|ivorian|"
    r"jamaican|panamanian|slovak|croatian|bosnian|albanian|kosovar|moldovan|maltese)",
    re.I,
)


_DOUBLED = re.compile(r"(\w)\1")
_SILENT_H = re.compile(r"(?<=[bcdgkpst])h")
_VOWEL_CLASS = str.maketrans("oey", "uii")


@functools.lru_cache(maxsize=8192)
def _transliteration_key(word: str) -> str:
    """A name as its romanisations share it: "Murad"/"Morad", "Mohammad"/"Muhamad",
    "Yevgeny"/"Evgeny". What it drops (an h after a consonant, a doubled letter, o for u, e or
    y for i) is what romanisations of Persian, Arabic and Russian names disagree on."""
    folded = _SILENT_H.sub("", _fold(word).replace("'", ""))
    return _DOUBLED.sub(r"\1", folded.replace("ou", "u").translate(_VOWEL_CLASS))


_INNER_VOWELS = re.compile(r"(?<=.)[aeiouy](?=.)")
_CLUSTERS = (("x", "ks"), ("q", "k"), ("ph", "f"), ("dj", "j"), ("-", ""), (" ", ""))


@functools.lru_cache(maxsize=8192)
def _skeleton(word: str) -> str:
    """A given name's consonants between its first and last letters, as romanisations keep
    them: "Mohammad"/"Muhammed"/"Mohamed", "Ahmad"/"Ahmed", "Alexei"/"Aleksei", "Abdallah"/
    "Abdullah", "Mohammad-Reza"/"Mohammadreza" (Arabic and Persian short vowels are written
    every way; a last vowel often tells another name: "Maria", "Mario")."""
    key = _transliteration_key(word)
    for a, b in _CLUSTERS:
        key = key.replace(a, b)
    return _INNER_VOWELS.sub("", key)


def _same_given(word: str, names: Sequence[str]) -> bool:
    """Whether a written given name is one of the case's own in another spelling, a short form
    ("Dan" for "Daniel", "Alex" for "Alexander") or a part of a joined one ("Reza" of
    "Mohammadreza")."""
    key = _skeleton(word)
    for name in names:
        own = _skeleton(name)
        short = min(len(word), len(name)) <= 4  # "Tim" is not "Tom": a short name's vowels tell
        if (
            (key == own and not short)
            or _transliteration_key(word) == _transliteration_key(name)
            # (a short form, not another's name with one more letter: "Paul" is not "Paula")
            or (
                len(key) >= 2
                and 3 <= len(word) <= 5
                and len(name) >= len(word) + 2
                and own.startswith(key)
            )
            or (len(key) >= 3 and key in own[1:])
            # one part of a hyphenated name: "Mohammad" of "Mohammad-Reza"
            or ("-" in name and any(key == _skeleton(part) for part in name.split("-")))
        ):
            return True
    return False


def _spelt_otherwise(text: str, start: int, index: MentionIndex, owners: set[str]) -> bool:
    """Whether the word before a surname is the case's given name in another transliteration:
    "Murad Tahbaz" for a case named "Morad Tahbaz"."""
    before = _CAPITALISED_BEFORE.search(text[:start])
    return before is not None and _same_given(
        before.group(1), _given_names(index, next(iter(owners)))
    )


_GENERATIONS = ("Jr", "Sr", "Jnr", "Snr", "II", "III", "IV")
_GENERATION_AFTER = re.compile(r",?\s+(" + "|".join(_GENERATIONS) + r")\b\.?")


def _another_generation(text: str, end: int, index: MentionIndex, case: str) -> bool:
    """Whether the name goes on with a generation other than the case's own: "Robert Smith Jr."
    is not the "Robert Smith III" the alias "Robert Smith" stands for (but a case named with no
    generation may be one: "Vladimir Kara-Murza, Jr.")."""
    suffix = _GENERATION_AFTER.match(text, end)
    definition = index.book.case(case)
    if suffix is None or definition is None:
        return False
    words = {t.strip(".,").lower() for n in definition.names() for t in n.split()}
    own = words & {g.lower() for g in _GENERATIONS}
    return bool(own) and suffix.group(1).lower() not in own


def _other_given_name(text: str, start: int, end: int, index: MentionIndex, case: str) -> bool:
    definition = index.book.case(case)
    names = definition.names() if definition else ()
    own = [t for n in names for t in n.split()]
    if _HONORIFIC_BEFORE.search(text[:start]):
        return False
    after = _CAPITALISED_AFTER.match(text[end:])
    for match in (_CAPITALISED_BEFORE.search(text[:start]), after):
        if match:
            word = _fold(match.group(1))
            # A capitalised neighbour that is not a sentence opener reads as a given name
            # (but in a title-case headline a word the news writes in lower case is a word:
            # "Navalny Back in Solitary Confinement").
            given = (
                not _same_given(word, own)
                and word not in _MINOR_WORDS
                and not _describes(word)
                # (a plural is no given name, "Iranians X", but "Boris" and "Carlos" are)
                and not (word.endswith("s") and (word in common_words() or _describes(word[:-1])))
                and not (match is after and word in common_words() and title_case(text))
            )
            if given and (match.start(1) > 0 or text[:start].strip()):
                if match is not after and _middle_name(text, start, _given_names(index, case)):
                    continue  # "Khamis Abdullah Abakar": the case's given name, then a middle one
                return True
    return False


def _middle_name(text: str, start: int, given_names: Sequence[str]) -> bool:
    """Whether the surname at `start` follows a capitalised word that follows one of the case's
    own given names: "Khamis Abdullah Abakar" for Khamis Abakar (a middle or a father's name)."""
    middle = _CAPITALISED_BEFORE.search(text[:start])
    given = _CAPITALISED_BEFORE.search(text[: middle.start(1)]) if middle else None
    return given is not None and _same_given(_fold(given.group(1)), given_names)


def _given_names(index: MentionIndex, case: str) -> list[str]:
    """The first word of each of the case's names of two words or more."""
    definition = index.book.case(case)
    names = definition.names() if definition else ()
    return [n.split()[0] for n in names if len(n.split()) > 1]


def _note_another(index: MentionIndex, discourse: Discourse, text: str, hit: _Hit) -> None:
    """Record a case's surname written in running text after another person's given name."""
    start, end, word, kinds = hit
    owners = index.surname_owners.get(word, set())
    if any(k == "name" for k, _ in kinds) or len(owners) != 1:
        return
    before = _CAPITALISED_BEFORE.search(text[:start])
    # (the text cut at the surname: only the word before may make it another's)
    if before and _other_given_name(text[:end], start, end, index, next(iter(owners))):
        discourse.others.add((_fold(before.group(1)), word))


def _named_another(discourse: Discourse, text: str, start: int, word: str) -> bool:
    """Whether the word before a surname is a given name the item writes for someone else."""
    before = _CAPITALISED_BEFORE.search(text[:start]) if discourse.others else None
    return before is not None and (_fold(before.group(1)), word) in discourse.others


def _note_gender(discourse: Discourse, text: str, mention: Mention) -> None:
    if len(mention.cases) != 1:
        return
    before = text[: mention.start]
    if _FEMALE.search(before):
        discourse.gender[mention.cases[0]] = "f"
    elif _MALE.search(before):
        discourse.gender[mention.cases[0]] = "m"


def conjoined(text: str, mentions: Sequence[Mention]) -> list[tuple[str, ...]]:
    """Case sets named together: "Kovrig and Spavor", "the two Michaels"."""
    groups: list[list[str]] = []
    previous: Mention | None = None
    for m in sorted(mentions, key=lambda x: x.start):
        gap = text[previous.end : m.start] if previous else ""
        # "Kovrig and Mr. Spavor", "Michael Kovrig and businessman Michael Spavor"
        joined = previous is not None and len(gap) <= 40 and _JOINER.fullmatch(gap)
        if joined and groups:
            groups[-1].extend(c for c in m.cases if c not in groups[-1])
        else:
            groups.append(list(m.cases))
        previous = m
    return [tuple(sorted(g)) for g in groups]


def _references(
    discourse: Discourse,
    sent: Sentence,
    mentions: list[Mention],
    explicit: set[str],
    following: Sequence[tuple[str, ...]] = (),
) -> list[Mention]:
    """Plural phrases and pronouns bound to the nearest fitting antecedent."""
    found: list[Mention] = []
    text = sent.text
    recent_plural = [
        cases for idx, cases in reversed(discourse.recent_plural) if sent.index - idx <= 4
    ]
    plurals = _PLURAL.finditer(text) if mentions or recent_plural or following else ()
    for m in plurals:
        if any(x.start <= m.start() < x.end for x in mentions):
            continue
        here = [
            g
            for g in conjoined(text, [x for x in mentions if x.end <= m.start()])
            if discourse.several(g)
        ]
        if here:
            found.append(Mention(here[-1], m.start(), m.end(), "plural"))
        elif recent_plural:
            found.append(Mention(recent_plural[0], m.start(), m.end(), "plural"))
        elif following:  # a lede's "two Canadians", named a sentence or two below
            found.append(Mention(following[0], m.start(), m.end(), "plural"))
    groups = [g for g in conjoined(text, mentions) if discourse.several(g)] if mentions else []
    if sent.headline and not found and (groups or following):  # (most headlines: neither)
        for m in _BARE_PLURAL.finditer(text):
            if not any(x.start <= m.start() < x.end for x in mentions):
                found.append(Mention((groups or following)[0], m.start(), m.end(), "plural"))
                break
    if explicit or found:
        return found
    recent_one = [case for idx, case in reversed(discourse.recent_single) if sent.index - idx <= 2]
    anaphor = _ANAPHOR.search(text)
    if anaphor and recent_one:
        found.append(Mention((recent_one[0],), anaphor.start(), anaphor.end(), "anaphor"))
        return found
    if recent_plural and discourse.recent_plural[-1][0] >= sent.index - 1:
        they = _THEY.search(text)
        if they:
            found.append(Mention(recent_plural[0], they.start(), they.end(), "pronoun"))
            return found
    if recent_one:
        case = recent_one[0]
        gender = discourse.gender.get(case)
        for pattern, g in ((_HE, "m"), (_SHE, "f")):
            hit = pattern.search(text)
            if hit and gender in (None, g) and hit.start() < 40:
                found.append(Mention((case,), hit.start(), hit.end(), "pronoun"))
                break
    return found
