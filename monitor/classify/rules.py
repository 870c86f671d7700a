"""Trigger rules: how news reports each development type, and the cues that cancel one.

A rule is a regular expression over one clause plus the side its subject or
object stands on: `after` (an active verb: "China detained Kovrig"),
`before` (a passive or a state: "Kovrig was released"), or `any`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import ahocorasick

from monitor.classify.cues import NOT_CONTRACTED
from monitor.domain.developments import DevelopmentType as T

_AUX = r"(?:was|were|been|being|is|are|be|had|has|have|got|get|gets)\s+(?:\w+ly\s+)?"
_NUMWORD = (
    r"(?:\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty-\w+|thirty)"
)


@dataclass(frozen=True)
class Rule:
    """One way news reports a development."""

    id: str
    type: T
    pattern: re.Pattern[str]
    side: str  # after | before | any
    confidence: float = 0.8
    outcome: str | None = None
    keys: tuple[str, ...] = ()


def _r(
    rule_id: str,
    kind: T,
    pattern: str,
    side: str,
    confidence: float = 0.8,
    outcome: str | None = None,
) -> Rule:
    return Rule(rule_id, kind, re.compile(pattern, re.I), side, confidence, outcome)


RULES: tuple[Rule, ...] = (
    # detained
    _r(
        "detained.passive",
        T.DETAINED,
        _AUX + r"(?:arrested|detained|abducted|kidnapped|seized|apprehended|taken into custody|"
        r"picked up|snatched|rounded up)\b(?!\s+(?:for|since)\b)",
        "before",
        0.85,
    ),
    _r(
        "detained.active",
        T.DETAINED,
        r"(?<!\bbeen )(?<!\bwas )(?<!\bwere )\b(?:arrested|detained|abducted|kidnapped|seized|"
        r"apprehended|arrests|detains|abducts)\b(?!\s+(?:by|in|on|at|for|since|under)\b)",
        "after",
        0.8,
    ),
    # "held on suspicion of spying", "held for questioning": how an arrest is told with "held"
    _r(
        "detained.suspicion",
        T.DETAINED,
        r"\b(?:held|detained|arrested)\s+(?:\w+\s+){0,2}?on suspicion of\b|"
        r"\bheld\s+for questioning\b",
        "before",
        0.8,
    ),
    # A detention told by when it began: "imprisoned in Iran since 2015", "behind bars since"
    _r(
        "detained.since",
        T.DETAINED,
        r"\b(?:imprisoned|jailed|incarcerated|detained|held|behind bars|"
        r"in (?:jail|prison|custody|detention))\s+(?:[\w'’-]+\s+){0,4}?since\b",
        "before",
        0.8,
    ),
    _r(
        "detained.noun_of",
        T.DETAINED,
        r"\b(?:the\s+)?(?:arrests?|detention|abduction)\s+of\b",
        "after",
        0.7,
    ),
    _r(
        "detained.possessive",
        T.DETAINED,
        r"(?:'s|\b(?:his|her|their))\s+(?:\w+\s+)?arrests?\b",
        "possessive",
        0.7,
    ),
    _r(
        "detained.missing",
        T.DETAINED,
        r"\b(?:disappeared|went missing|was disappeared)\b",
        "before",
        0.7,
    ),
    # charged
    _r(
        "charged.with",
        T.CHARGED,
        _AUX + r"(?:\w+ly\s+)?(?:formally\s+)?charged\b",
        "before",
        0.85,
    ),
    _r(
        "charged.active",
        T.CHARGED,
        r"\b(?:charged|charges|indicted|indicts)\b(?=\s+(?:\w+\s+){1,5}?(?:with|over)\b)",
        "after",
        0.8,
    ),
    _r(
        "charged.indicted",
        T.CHARGED,
        r"\b(?:formally arrested|prosecution (?:was )?approved|charges (?:were|was) "
        r"(?:laid|filed|brought)|(?:laid|filed|brought) charges against)\b",
        "any",
        0.75,
    ),
    # consular access and visits
    _r(
        "consular.visit",
        T.CONSULAR_VISIT,
        r"\b(?:consular (?:visit|access|meeting|call)s?|(?:paid|made|held) (?:a|an)\s+"
        r"(?:\w+\s+){0,2}visits?|video visits?|virtual visits?|visited)\b",
        "any",
        0.8,
    ),
    # hearings that are not the trial
    _r(
        "hearing.court",
        T.HEARING,
        r"\b(?:(?:bail|extradition|pre-trial|pretrial|court|custody|appeal|procedural|"
        r"sentencing) hearings?|appeared (?:in|before) (?:a |the )?(?:\w+ )?(?:court|judge|"
        r"magistrate)|court appearance)\b",
        "any",
        0.75,
    ),
    # trials
    _r(
        "trial.tried",
        T.TRIAL,
        r"\b(?:(?:went|goes|go|gone|stood|stand|stands) on trial|stood trial|"
        + _AUX
        + r"(?:re)?tried\b|retried|put on trial|trials? (?:\w+\s+){0,3}(?:was|were) held|"
        r"trials? (?:opened|began|started|concluded|ended|took place)|"
        r"(?:closed|secret|covert|closed-door|one-day|brief|show|sham)(?:,? (?:and )?"
        r"(?:\w+ ){0,2}\w+)? trials?)\b",
        "any",
        0.8,
    ),
    _r(
        "trial.of",
        T.TRIAL,
        r"\btrials?\s+(?:of|for|against)\s+(?:\S+\s+){1,6}?(?:opened|began|started|resumed|"
        r"got under way|(?:was|were) held|took place|ended|concluded)\b",
        "any",
        0.8,
    ),
    # verdicts
    _r(
        "verdict.guilty",
        T.VERDICT,
        r"\b(?:convicted|found guilty|pleaded guilty|pled guilty|guilty verdict|conviction of)\b",
        "any",
        0.85,
        outcome="guilty",
    ),
    _r(
        "verdict.found",
        T.VERDICT,
        r"\bfound\s+(?:\S+\s+){1,4}?guilty\b",
        "any",
        0.85,
        outcome="guilty",
    ),
    _r(
        "verdict.acquitted",
        T.VERDICT,
        r"\b(?:acquitted|found not guilty|cleared of (?:all )?(?:charges|wrongdoing))\b",
        "any",
        0.85,
        outcome="acquitted",
    ),
    # sentences
    _r(
        "sentenced.verb",
        T.SENTENCED,
        r"\b(?:sentenced|sentences|jailed for|jails|handed (?:down )?(?:a |an )?(?:\w+[- ]){0,2}"
        r"(?:prison |jail )?(?:term|sentence))\b",
        "any",
        0.85,
    ),
    _r(
        "sentenced.term",
        T.SENTENCED,
        r"\b" + _NUMWORD + r"[- ](?:year|month)s?(?:-long)?\s+(?:prison |jail )?(?:sentence|term)\b"
        r"|\bdeath sentence\b",
        "any",
        0.75,
    ),
    # appeals (legal only)
    _r(
        "appeal.filed",
        T.APPEAL,
        r"\b(?:appealed (?:the |his |her |their |against )|(?:filed|lodged|launched) (?:an |a )?"
        r"appeal|(?:lost|won) (?:his |her |their |an )?appeal)\b",
        "any",
        0.75,
        outcome="filed",
    ),
    _r(
        "appeal.decided",
        T.APPEAL,
        r"\b(?:appeals? (?:\w+ ){0,2}(?:was|were) (?:rejected|dismissed|denied|upheld|heard)|"
        r"(?:upheld|upholds|overturned|overturns|quashed|quashes|reduced|commuted) "
        r"(?:the |his |her |their |a |an )?"
        r"(?:\w+ )?(?:sentence|conviction|verdict|ruling))\b",
        "any",
        0.8,
    ),
    # bail and other release under conditions
    _r(
        "bail.bail",
        T.BAIL,
        r"\b(?:released on (?:\w+ )?bail|granted (?:\w+ )?bail|(?:out|free) on bail|"
        # "on bail", "on $1m bail", "on personal recognizance bail", "on a $500,000 bond"
        r"on (?:[\w$£€.,-]+ ){0,3}?(?:bail|bond)|on (?:his|her|their) own recognizance|"
        r"under house arrest|placed under house arrest|medical parole|residential surveillance|"
        r"released on parole)\b(?!\s+hearing)",
        "any",
        0.8,
    ),
    # transfers
    _r(
        "transferred.moved",
        T.TRANSFERRED,
        r"\b(?:transferred|moved) (?:\w+ ){0,3}to (?:a |an |another |the )?(?:\w+ ){0,2}"
        r"(?:prison|penal colony|colony|facility|jail|detention|camp|hospital|custody)\b",
        "any",
        0.75,
    ),
    # releases
    _r(
        "released.verb",
        T.RELEASED,
        r"\b(?:released|freed|set free|walked free|let go|pardoned)\b"
        r"(?!\s+(?:on\s+(?:[\w$£€.,-]+\s+){0,3}?(?:bail|bond|recognizance)|"
        r"on parole|a |an |the |his |her |its |their |new |details|data|figures|"
        r"statement|video|report)\b)",
        "any",
        0.8,
    ),
    _r(
        "released.returned",
        T.RELEASED,
        r"\b(?:returned (?:home|to (?:canada|china|the (?:u\.?s\.?|united states|uk)|britain|"
        r"australia|france|germany|japan|israel|america))|(?:were|was) sent (?:back )?(?:home|"
        r"back to)|allowed to (?:return|leave|go home|fly home)|arrived (?:back )?home|"
        r"landed (?:back )?(?:home|in (?:canada|calgary|toronto|vancouver|shenzhen))|"
        r"back (?:home|on (?:canadian|american|british) soil)|deported|expelled|"
        r"(?:prisoner|hostage) (?:swap|exchange)|exchanged|swapped)\b",
        "any",
        0.8,
    ),
    _r(
        "released.dropped",
        T.RELEASED,
        r"\b(?:charges? (?:\w+ ){0,2}(?:were|was) dropped|drop(?:ped|s)? (?:the |his |her |its )?"
        r"(?:\w+ )?(?:charges|extradition|case)|extradition (?:\w+ ){0,2}(?:was|were) dropped)\b",
        "any",
        0.75,
    ),
    _r(
        "released.noun",
        T.RELEASED,
        r"(?:\bthe\s+release\s+of\b|(?:'s|\b(?:his|her|their))\s+release\b)",
        "any",
        0.65,
    ),
    # deaths
    _r(
        "died.died",
        T.DIED,
        r"\b(?:died|executed|passed away|death in custody|was killed|were killed)\b",
        "any",
        0.8,
    ),
    # diplomatic action
    _r(
        "diplomatic.raise",
        T.DIPLOMATIC_ACTION,
        r"\b(?:raised|brought up|discussed|pressed (?:\w+ ){0,4}on) (?:\w+ ){0,3}(?:cases?|"
        r"issue|detentions?|plight|fate)\b|\b(?:raised|pressed)\b",
        "any",
        0.75,
    ),
    _r(
        "diplomatic.urge",
        T.DIPLOMATIC_ACTION,
        r"\b(?:urged|urging|called on|calling on|call on|calls on|called for|calling for|calls for|"
        r"demanded|demanding|pushed for|pressing for|pressed for|appealed for|asked)\b"
        r"(?:\W+\w+){0,10}?\W+(?:release|free|freedom|return|access|freeing)\b",
        "any",
        0.8,
    ),
    _r(
        "diplomatic.talks",
        T.DIPLOMATIC_ACTION,
        r"\b(?:holding|held|hold) (?:\w+ ){0,3}(?:talks|discussions|meetings|calls)\b"
        r"(?:\W+\w+){0,12}?\W+(?:release|free|freedom|return)\b|\baccused (?:beijing|china|moscow|"
        r"russia|iran|tehran|the chinese|the russian) (?:government )?of\b|\b(?:a |the )?letter "
        r"(?:\w+ ){0,6}urging\b",
        "any",
        0.7,
    ),
)

# Lower-case words without which a rule cannot match: a substring test per rule is far
# cheaper than its regular expression, and most sentences pass few of them.
_KEYS: dict[str, tuple[str, ...]] = {
    "detained.passive": (
        "arrest",
        "detain",
        "abduct",
        "kidnap",
        "seiz",
        "apprehend",
        "custody",
        "picked up",
        "snatch",
        "rounded up",
    ),
    "detained.active": ("arrest", "detain", "abduct", "kidnap", "seiz", "apprehend"),
    "detained.suspicion": ("suspicion", "questioning"),
    "detained.since": ("since",),
    "detained.noun_of": ("arrest", "detention", "abduction"),
    "detained.possessive": ("arrest",),
    "detained.missing": ("disappear", "missing"),
    "charged.with": ("charged",),
    "charged.active": ("charge", "indict"),
    "charged.indicted": ("formally arrested", "prosecution", "charges"),
    "consular.visit": ("visit", "consular"),
    "hearing.court": ("hearing", "appeared", "court appearance"),
    "trial.tried": ("trial", "tried"),
    "trial.of": ("trial",),
    "verdict.guilty": ("convict", "guilty"),
    "verdict.found": ("guilty",),
    "verdict.acquitted": ("acquit", "not guilty", "cleared"),
    "sentenced.verb": ("sentence", "jail", "handed"),
    "sentenced.term": ("year", "month", "death sentence"),
    "appeal.filed": ("appeal",),
    "appeal.decided": ("appeal", "upheld", "upholds", "overturn", "quash", "reduced", "commuted"),
    "bail.bail": ("bail", "house arrest", "parole", "residential surveillance"),
    "transferred.moved": ("transferred", "moved"),
    "released.verb": ("released", "freed", "set free", "walked free", "let go", "pardoned"),
    "released.returned": (
        "return",
        "sent",
        "allowed to",
        "arrived",
        "landed",
        "back",
        "deported",
        "expelled",
        "swap",
        "exchange",
    ),
    "released.dropped": ("drop",),
    "released.noun": ("release",),
    "died.died": ("died", "executed", "passed away", "death in custody", "killed"),
    "diplomatic.raise": ("raised", "brought up", "discussed", "pressed"),
    "diplomatic.urge": ("urg", "call", "demand", "push", "press", "appeal", "asked"),
    "diplomatic.talks": ("talks", "discussions", "meetings", "calls", "accused", "letter"),
}
RULES = tuple(replace(rule, keys=_KEYS[rule.id]) for rule in RULES)


def _key_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key in {k for keys in _KEYS.values() for k in keys}:
        automaton.add_word(key, key)
    automaton.make_automaton()
    return automaton


_KEY_AUTOMATON = _key_automaton()


def rules_that_may_match(lower_text: str) -> tuple[Rule, ...]:
    """The rules whose keys occur in `lower_text`, in RULES order: one pass over the text for
    all rules, where testing each rule's keys in turn costs a scan per key."""
    present = {key for _, key in _KEY_AUTOMATON.iter(lower_text)}
    return tuple(r for r in RULES if not present.isdisjoint(r.keys))


def appeal_spans(text: str, rules: Sequence[Rule] | None = None) -> list[tuple[int, int]]:
    """Where the appeal rules match in `text` (of `rules`, by default those that may): a
    verdict or sentence inside one is an appeal's decision ("upheld a death sentence")."""
    possible = rules_that_may_match(text.lower()) if rules is None else rules
    return [m.span() for r in possible if r.type is T.APPEAL for m in r.pattern.finditer(text)]


# Cues that make a clause something other than a reported development.
NEGATION = re.compile(
    r"(?:\b(?:not|never|no|denied|denies|deny|without|refused to|yet to|failed to)\b|"
    + NOT_CONTRACTED
    + r")(?:\W+\w+){0,3}\W*$",
    re.I,
)
MODALITY = re.compile(
    r"\b(?:will|would|could|may|might|should|shall|can|must|expected to|likely to|set to|"
    r"due to|going to|plans? to|planning to|poised to|threat(?:en(?:ed|s)?)? to|"
    r"faces?|facing|awaits?|awaiting|await|possible|possibly|potential|if|unless|whether|"
    r"hope[sd]? to|hoping|seek(?:s|ing)? to|sought to|tried to|trying to|bid to|aimed at|"
    r"in order to|so as to|call to|wants?|wanted|wanting|fear(?:s|ed)?|risk(?:s|ed)?|"
    r"ready to|willing to|would have|could have|might have|until|lead to|led to|"
    r"secure|securing|facilitat\w+|negotiat\w+|seek|seeking|demand|push(?:ing)? for|"
    r"moves? to|moving to|vows? to|vowed to|pledged? to|promised? to|"
    r"pressure|work(?:ing|ed)? (?:for|towards?)|help(?:ed|ing)?)\b(?:\W+\w+){0,6}\W*$",
    re.I,
)
HABITUAL = re.compile(
    r"\b(?:monthly|weekly|daily|regular(?:ly)?|routine(?:ly)?|every|usually|often|"
    r"occasional(?:ly)?|periodic(?:ally)?|each (?:month|week)|has tried|have tried|"
    r"has sought|have sought|has been trying|have been trying|has repeatedly|have repeatedly|"
    r"repeatedly|continues? to be)\b",
    re.I,
)
# Reported speech that places a development in the past, without its own date.
BACKGROUND = re.compile(
    r"\b(?:previously|eventually|earlier|once|formerly|had been|had (?:\w+ly )?\w+ed|"
    r"since|who (?:is|are|was|were|has|have)|which (?:was|were))\b",
    re.I,
)
SUBORDINATE_START = re.compile(
    r"^\W*(?:after|before|since|following|until|when|while|prior to|ahead of|"
    r"shortly after|soon after|days after|weeks after|despite|amid)\b",
    re.I,
)
# A date after one of these words dates the phrase it opens ("visited ... since her arrest in
# March"), not the trigger before it.
PHRASE_OPENER = re.compile(r"\b(?:since|until|after|before|following|prior to)\b", re.I)
SUBORDINATE_DATE = re.compile(
    r"^\W*(?:after|before|since|following|until|prior to|ahead of)\b", re.I
)
SIMULTANEOUS = re.compile(r"^\W*(?:when|while|as)\b", re.I)
SPEECH_FRAME = re.compile(
    r"^(?P<frame>.{0,200}?\b(?:said|says|told|stated|claimed|claims|insisted|insists|"
    r"reiterated|confirmed|reported|alleged|alleges|argued|argues|accused \w+ of|maintains|"
    r"maintained)\b[^\"“]{0,120}?(?:\bthat\b|[\"“:]))",
    re.I,
)
PRESENT_NEWS = re.compile(
    r"\b(?:has|have) been (?:\w+ly )?\w+ed\b|\b(?:is|are) (?:\w+ly )?\w+ed\b|"
    r"\b(?:sentences|frees|releases|jails|detains|arrests|charges|convicts|acquits|"
    r"deports|visits|meets|urges|calls)\b",
    re.I,
)
RELEASE_SOUGHT = re.compile(
    r"\b(?:call(?:s|ed|ing)?|urg(?:e|es|ed|ing)|push(?:es|ed|ing)?|press(?:es|ed|ing|ure)?|"
    r"demand(?:s|ed|ing)?|seek(?:s|ing)?|sought|secur(?:e|es|ed|ing)|win|won|negotiat\w+|"
    r"facilitat\w+|bid|efforts?|aim(?:s|ed|ing)?|appeal(?:s|ed|ing)?|ask(?:s|ed|ing)?|"
    r"plead(?:s|ed|ing)?|work(?:s|ed|ing)? (?:for|to|towards?)|help(?:s|ed|ing)?|lead to|led to|"
    r"for|request(?:s|ed|ing)?|gain|obtain(?:s|ed|ing)?|advocat\w+|lobb\w+|campaign\w*)\b"
    r"(?:\W+\w+){0,4}\W*$",
    re.I,
)
# "a ruling released on Thursday": things, not people, are released too.
THING_RELEASED = re.compile(
    r"\b(?:ruling|report|statement|data|video|document|documents|figures|results|film|album|"
    r"footage|images?|details|transcripts?|records?|letter|list|files|book|version|update|"
    r"tape|audio|photos?|pictures?|findings|decision|judgment|judgement|memo|emails?|"
    r"information|evidence|study|survey|numbers|statistics|game|song|single|trailer|"
    r"product|phone|smartphone|model)\s+"
    # (not a verb before the release's own article: "Negotiator Details the Release of X", nor
    # the decision's own act: "the decision to drop charges against X")
    r"(?!(?:the|a|an|his|her|their)\s+$)(?!to\s+(?!(?:be|soon)\b))"
    # ... released as its subject: not "video shows the release of X", where a verb stands between.
    r"(?:(?!(?:shows?|showed|shown|captures?|captured|reveals?|revealed|depicts?|marks?|"
    r"celebrates?|documents?)\b)\S+\s+){0,5}?"
    r"(?:(?:was|were|has been|had been|is|are)\s+)?$",
    re.I,
)
# Verbs of other events: a date beside one of them in its own comma-set phrase is its date.
OTHER_EVENT = re.compile(
    r"\b(?:detained|arrested|jailed|imprisoned|convicted|sentenced|charged|released|freed|"
    r"born|died|elected|appointed|founded|published|captured|kidnapped|abducted)\b",
    re.I,
)
CONSULAR_CONTEXT = re.compile(
    r"\b(?:consul\w*|ambassador|embassy|diplomat\w*|envoy|foreign (?:ministry|office|affairs)|"
    r"global affairs|state department)\b",
    re.I,
)
PROCEEDING_REFERENCE = re.compile(
    r"\b(?:at|during|in|after|following) (?:the|that|this|his|her|their) "
    r"(?:re)?(?:trial|hearing|retrial|proceedings?)\b",
    re.I,
)
ANCHOR_AFTER = re.compile(
    r"\b(?:days|weeks|hours|shortly|soon|immediately|not long|a few days|a week|two weeks|"
    r"just days|only days)\s+after\b(?P<what>[^;]{0,80}?)\b(?:arrests?|detention|detained|"
    r"arrested)\b",
    re.I,
)
CLAUSE_BREAK = re.compile(
    r";|\s[—–]\s|\s--\s|:\s|,\s+(?=(?:and|but|with|while|whereas|who|which|as)\b)|"
    r"\s(?=(?:after|before|when|while|whereas|because|although|though|following|until|"
    r"unless)\b)",
    re.I,
)
SENTENCE_DETAIL = re.compile(
    r"\b(?:to death|death sentence|(?:life|lifetime) (?:in prison|imprisonment|sentence)|"
    r"(?P<n>" + _NUMWORD + r")[- ](?P<unit>year|month)s?)\b",
    re.I,
)
APPEAL_OUTCOME = (
    (re.compile(r"\b(?:overturned|quashed|won)\b", re.I), "overturned"),
    (re.compile(r"\b(?:reduced|commuted)\b", re.I), "reduced"),
    (re.compile(r"\b(?:upheld|rejected|dismissed|denied|lost)\b", re.I), "upheld"),
)
