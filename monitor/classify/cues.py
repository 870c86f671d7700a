"""Broad, general cues of how news reports each development, for anyone.

These patterns propose candidates; they are deliberately wide (a word
family per development, in headline and body grammar alike) because the
learned scorer (`monitor.classify.model`) decides which candidates are
developments from the context cues below. Nothing here names a person, a
country's case or a sentence of the labelled data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.classify.dates import ABOUT, MILESTONE_VERBS
from monitor.domain.developments import DevelopmentType as T


@dataclass(frozen=True)
class Trigger:
    """A word family that can report one development type."""

    id: str
    type: T
    pattern: re.Pattern[str]


# "may" the modal, not the month: "could be freed", "may be tried", not "released in May",
# "on May 5", "since May" (the month comes after a preposition or before a day or year).
MAY = (
    r"(?<!\bin )(?<!\bon )(?<!\bof )(?<!\bby )(?<!\bsince )(?<!\buntil )(?<!\bfrom )"
    r"(?<!\blast )(?<!\bnext )(?<!\bearly )(?<!\blate )(?<!\bmid-)(?<!\bmid )"
    r"(?<!\bin early )(?<!\bin late )(?<!\bbefore )(?<!\bafter )(?<!\bend of )"
    r"may(?!\s+\d|,\s+\d)"
)


# Out of a prison for somewhere else, not into freedom: "left prison for unknown location".
_TO_ELSEWHERE = r"['’]?\s+(?:for|to)\s+(?:an?\s+)?(?:unknown|undisclosed|another|different|new)\b"


def _t(rule_id: str, kind: T, pattern: str) -> Trigger:
    return Trigger(rule_id, kind, re.compile(pattern, re.I))


# (a count may run to thousands: Turkish courts have given "11,196 years")
NUM = (
    r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty-\w+|thirty|"
    r"forty|fifty|life)"
)

# The words before a swap talked of: "a possible", "more", "another".
_SWAP_DETERMINERS = r"(?:(?:a|an|the|possible|potential|new|more|another|further)\s+){0,2}"

TRIGGERS: tuple[Trigger, ...] = (
    # detained
    _t("det.arrest", T.DETAINED, r"\b(?:re-?)?arrest(?:ed|s|ing)?\b(?!\s+warrant)"),
    _t("det.detain", T.DETAINED, r"\bdetain(?:ed|s|ing)?\b"),
    _t("det.detention", T.DETAINED, r"\b(?:detention|detainment)\b"),
    _t("det.abduct", T.DETAINED, r"\b(?:abduct(?:ed|s|ion)?|kidnap(?:ped|s|ping)?)\b"),
    _t(
        "det.seize",
        T.DETAINED,
        r"\b(?:seiz(?:ed|es|ing)|(?:re)?captur(?:ed|es|ing|e)|apprehend(?:ed|s)?)\b|"
        # "until he was caught in 2017" (not "caught on camera"); a headline's "Mafia boss
        # caught after 30 years on the run".
        r"\b(?:was|were|been|being|got|gets?) caught\b(?! on (?:camera|video|tape|film))|"
        r"\bcaught(?= after\b)",
    ),
    _t(
        "det.custody",
        T.DETAINED,
        r"\b(?:custody|taken hostage|held hostage|hostage|(?:taken|held) captive|captive)\b",
    ),
    # Giving oneself up: "surrendered to police", "handed himself over to the authorities".
    _t(
        "det.surrender",
        T.DETAINED,
        r"\bsurrender(?:ed|s)?\b(?= (?:himself |herself |themselves )?to\b)|"
        # "co-defendants surrender", "surrenders at Fulton County jail"
        r"(?<!['’]s )(?<!of )(?<!the )\bsurrender(?:ed|s)?\b"
        # ("surrender after robbery charge")
        r"(?=\s*(?:$|[.,;:!?]|(?:at|in|on|after|over|following)\s))|"
        r"\bhanded (?:himself|herself|themselves) (?:over|in)\b|"
        r"\bturned (?:himself|herself|themselves) in\b",
    ),
    _t(
        "det.jail",
        T.DETAINED,
        r"\b(?:imprison(?:ed|ment)?|incarcerat(?:ed|ion)|locked up|"
        r"remanded|jailed)\b",
    ),
    # A headline's "held over" or "held on suspicion" is an arrest, not a state: "X held over
    # alleged war crime" (weighed apart from a bare "held", mostly the time someone is held).
    _t(
        "det.held_over",
        T.DETAINED,
        r"\bheld(?=\s+(?:over|for|on\s+suspicion|in\s+connection\s+with|after)\s+"
        r"(?!(?:\d|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|more|nearly|almost|"
        r"over|about|weeks|months|years|days|hours|decades)\b))",
    ),
    _t("det.held", T.DETAINED, r"\b(?:held|holding|holds)\b"),
    # Put in jail without a term: "ordered to jail after judge revokes his bail", "recalled to
    # prison", "put behind bars"; China's "mandatory measures" and "residential surveillance".
    _t(
        "det.sent",
        T.DETAINED,
        r"\b(?:ordered|sent|sends?|recalled|put|puts|thrown)\s+(?:back\s+)?"
        r"(?:to|into|in|behind)\s+(?:jail|prison|custody|bars)\b"
        # (not a term, which is a sentence, nor a move to a colony, camp or hospital)
        r"(?!\s+(?:for\s+(?:up\s+to\s+|almost\s+|nearly\s+|more\s+than\s+)?"
        + NUM
        + r"|colony|camp|hospital|cell|clinic|ward))|"
        r"\bput(?:s|ting)?\s+(?:[\w'’.-]+\s+){1,4}?behind bars\b|"
        r"\b(?:mandatory|coercive|compulsory) measures\b|\bresidential surveillance\b",
    ),
    # Turned in to serve a term: "reports to prison to begin a five-month sentence".
    _t(
        "det.report",
        T.DETAINED,
        r"\breport(?:s|ed|ing)? to (?:a |the )?(?:[\w-]+ ){0,2}?(?:prison|jail|penitentiary)\b",
    ),
    # Held again: "X is back in detention", "back behind bars".
    _t(
        "det.back",
        T.DETAINED,
        r"\bback (?:in|behind) (?:detention|jail|prison|custody|bars)\b",
    ),
    # A state with its beginning: "in jail since December 2020", "behind bars since 2018", or
    # its length, counted back: "has been in jail for three years" (not "remain in custody for
    # 30 days", a custody order).
    _t(
        "det.since",
        T.DETAINED,
        r"\b(?:in (?:jail|prison|custody|detention)|behind bars)\b"
        r"(?=(?:\s+[\w'’-]+){0,6}\s+since\b)|"
        r"(?<=\bbeen )(?:in (?:jail|prison|custody|detention)|behind bars)\b"
        r"(?=(?:\s+[\w'’-]+){0,3}?\s+for\s+(?:(?:"
        + ABOUT
        + r")\s+)?(?:[\d,]+|an?|"
        + NUM
        + r")\s+(?:day|week|month|year)s?\b)",
    ),
    # Time held as a milestone: "marks 1,000 days behind bars", "nears 3 years in detention".
    _t(
        "det.milestone",
        T.DETAINED,
        rf"\b(?:{MILESTONE_VERBS})\s+"
        r"(?:(?:"
        + ABOUT
        + r"|his|her)\s+)?(?:[\d,]+|an?|"
        + NUM
        + r")\s+(?:day|week|month|year)s?\s+(?:in|behind|of)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:jail|prison|detention|custody|captivity|bars|imprisonment)\b",
    ),
    _t(
        "det.taken",
        T.DETAINED,
        r"\b(?:taken|hauled off|removed from|picked up|snatched|"
        r"disappeared|disappears|disappearing|vanished|vanishes|went missing|missing|"
        # out of reach of family and employer: "became unreachable", "dropped out of contact"
        r"unreachable|out of contact|incommunicado)\b",
    ),
    # charged
    _t("chg.charge", T.CHARGED, r"\bcharg(?:e|ed|es|ing)\b"),
    _t(
        "chg.hit",
        T.CHARGED,
        r"\b(?:hit|slapped|faces?|facing) with (?:\w+ ){0,3}?charges?\b|"
        r"\b(?:new|fresh|further|additional|more) (?:\w+ ){0,2}?charges?\b",
    ),
    _t("chg.indict", T.CHARGED, r"\bindict(?:ed|s|ment)?\b"),
    # (not "the prosecution", right 0 times in 18)
    _t("chg.prosecute", T.CHARGED, r"\b(?:prosecut(?:ed|es)|formally arrested|accused of)\b"),
    # A prosecutor's formal step: "approved the arrest of X" (China), "filed a chargesheet
    # against X" (India), "referred X to trial on charges of" (Egypt).
    _t(
        "chg.approved",
        T.CHARGED,
        r"\bapprov(?:e|es|ed)\s+(?:the\s+|his\s+|her\s+)?(?:formal\s+)?arrest\b|"
        r"\bcharge-?\s?sheets?\b|"
        r"\brefer(?:s|red)?\s+(?:[\w'’.-]+\s+){1,6}?to\s+(?:(?:a|an|the)\s+)?(?:\w+\s+)?"
        r"(?:trial|court)\b",
    ),
    # consular visits
    _t("con.consular", T.CONSULAR_VISIT, r"\bconsular\b"),
    _t("con.visit", T.CONSULAR_VISIT, r"\bvisit(?:ed|s)?\b"),
    # An official meeting the detainee in person: "US ambassador meets jailed reporter X".
    _t("con.meets", T.CONSULAR_VISIT, r"\b(?:meet|meets|met)\b"),
    # hearings
    _t("hea.hearing", T.HEARING, r"\bhearings?\b"),
    _t(
        "hea.court",
        T.HEARING,
        r"\b(?:appear(?:ed|s|ing)?|appearance) (?:\w+ ){0,3}?"
        r"(?:in|before|at) (?:a |the )?(?:\w+ ){0,2}(?:court|judge|magistrates?)\b|"
        r"\bcourt appearance\b|\barraign(?:ed|ment)\b|"
        # Headline grammar: "X in court charged with murder", "X back in court", "X faces
        # court on murder charges" (not "said in court", "lying in court", "court battle").
        r"(?<!said )(?<!says )(?<!told )(?<!tells )(?<!argued )(?<!argues )(?<!lying )(?<!lied )"
        r"(?<!testified )(?<!testifies )(?<!claimed )(?<!filed )(?<!shown )(?<!heard )"
        r"(?<!presented )(?<!played )(?<!read )(?<!wins )(?<!won )(?<!lost )(?<!loses )"
        r"(?<!off )\b(?:back )?in (?:court|(?:(?-i:[A-Z])[\w.'’-]*\s+){1,2}(?-i:court))\b"
        # ("X in South Africa court", not "in Federal Court"; "X in court, denies hitting")
        r"(?=\s*$|\s*[,:;]| (?:charged|accused|over|on|for|after|as|again|today)\b)|"
        r"\b(?:faces?|facing) (?:an? |the )?(?:(?!in |him |her |them |off )\w+ ){0,2}?court\b"
        r"(?![- ]martial)"
        r"(?! (?:of|ruling|order|decision|battle|fight|challenge|case|action|bid|fines?)\b)",
    ),
    _t(
        "hea.extend",
        T.HEARING,
        r"\b(?:extend|prolong)(?:ed|s|ing)?\b|\bextension\b|"
        # "X's detention renewed for 45 days"
        r"\b(?:detention|custody|remand)\s+(?:was\s+|has\s+been\s+)?renewed\b|"
        r"\brenew(?:s|ed)?\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:detention|custody|remand)\b",
    ),
    # A court ordering custody before a verdict: "judge orders 18-month detention".
    _t(
        "hea.order",
        T.HEARING,
        # (not an order to do something else: "extremist ordered to read books is jailed")
        r"\b(?:order(?:s|ed)?|remand(?:s|ed)?)\b(?! to (?!be\b|remain\b|stay\b)[a-z]+\b)"
        r"(?= (?:[\w'’.-]+ ){0,6}?"
        r"(?:detention|custody|held|jailed|behind bars|pre-?trial|"
        r"(?:remain|stay) (?:in|behind) (?:jail|prison|bars))\b)|"
        # a headline's decision: "X to remain in Russian detention until end of January"
        # (not a forecast: "likely to remain in jail for years")
        r"(?<!likely )(?<!expected )(?<!set )(?<!going )(?<!is )(?<!are )(?<!due )(?<!want )"
        r"(?<!wants )(?<!hopes )(?<!could )\bto (?:remain|stay) (?:in|behind) "
        r"(?:[\w'’-]+ )?(?:jail|prison|detention|custody|bars)\b|"
        # "court keeps X in custody until trial"
        r"\b(?:court|judge)s? (?:keeps?|kept)\b(?= (?:\w+ ){1,4}?in (?:custody|detention|jail)\b)|"
        r"\b(?:pre-?trial|preventive) (?:detention|custody)\b|"
        # the Russian court's "measure of restraint in the form of detention"
        r"\bmeasures? of restraint\b|"
        # "sent on 14-day judicial remand", "granted police an additional 14 days of remand"
        r"\b(?:judicial|physical|police) remand\b|\bdays? of remand\b|"
        # more time to hold or question a suspect: "granted police an additional 14 days to
        # investigate X"; a session put off: "adjourned the case against X to November 12"
        r"\bgrant(?:s|ed|ing)? (?:the )?(?:police|investigators|prosecutors|detectives) (?:an? )?"
        r"(?:additional |further |more |another )?"
        + NUM
        + r"[- ](?:more |additional |further )?days?\b|"
        r"\badjourn(?:s|ed|ing)? (?:the )?(?:case|hearing|proceedings) (?:against|of)\b|"
        # a custody term counted in days, weeks or months: "gets 18-month detention",
        # "ordered to 40 days of arrest" (a sentence is counted in years)
        r"\b"
        + NUM
        + r"[- ](?:days?|weeks?|months?)(?:-long)? (?:of )?(?:arrest|detention|custody)\b",
    ),
    # A court judging whether someone can be tried: "declared unfit for trial".
    _t(
        "hea.fitness",
        T.HEARING,
        # ("found defrocked Cardinal X "not competent" to stand trial": the one found between)
        r"\b(?:declared|found|finds|ruled|deemed|judged)\s+(?:[\w'’.-]+\s+){0,5}?[\"“]?"
        r"(?:not\s+)?(?:unfit|fit|incompetent|competent)[\"”]?\s+"
        r"(?:to stand trial|for trial|to be tried)\b|\bcompetency hearing\b",
    ),
    _t("hea.extradition", T.HEARING, r"\bextradit(?:ed|ion|e)\b"),
    # A plea of not guilty is entered at a hearing (an arraignment).
    _t("hea.plea", T.HEARING, r"\b(?:plead(?:s|ed)?|pled|entered a plea of) not guilty\b"),
    # A court refusing bail, a new trial or immunity rules at a hearing: "denied bail", "bail
    # was refused", "denied a new trial", "bid for retrial denied", "court reject bail request".
    _t(
        "hea.denied",
        T.HEARING,
        r"\b(?:den(?:y|ied|ies|ying)|refus(?:e|ed|es|ing)|reject(?:s|ed|ing)?|revok(?:e|ed|es)|"
        r"dismiss(?:es|ed|ing)?|throws? out|threw out|turn(?:s|ed)? down)\s+(?:\S+\s+){0,3}?"
        r"(?:bail|parole|release on bail|(?:a )?new trial|(?:a )?retrial|(?:diplomatic )?immunity|"
        r"(?:a |his |her )?(?:bid|request|motion) for (?:bail|parole|(?:a )?new trial|"
        r"(?:a )?retrial))\b|"
        # "has been denied release", "refused early release" (not "refused to release X")
        r"\b(?:denied|refused)\s+(?:pretrial\s+|early\s+|conditional\s+|compassionate\s+)?"
        r"release\b|"
        r"\b(?:bail|parole|(?:bid|request|motion) for (?:bail|parole|(?:a )?new trial|"
        r"(?:a )?retrial)) "
        r"(?:was |is |has been )?(?:denied|refused|rejected|revoked)\b|"
        # a headline's "No bail for suspect in killing"; bail set by a court ("Bail Set for
        # Actor", "judge sets bail at $1m"), which a release may follow or not
        r"\bno bail for\b|\bbail (?:was |is |has been )?set\b|"
        r"\bset(?:s|ting)? (?:his |her |their )?bail\b",
    ),
    _t("hea.ruled", T.HEARING, r"\b(?:rul(?:ed|es|ing))\b"),
    # trials
    _t("tri.trial", T.TRIAL, r"\btrials?\b"),
    _t("tri.tried", T.TRIAL, r"\b(?:tried|testif(?:ied|ies|y))\b"),
    # A trial under way, told by its parts: "the jury began deliberating", "took the stand".
    _t(
        "tri.process",
        T.TRIAL,
        r"\b(?:jury|jurors) (?:\w+ ){0,2}?(?:hears?|heard|told|shown|saw|sees|begins?|began|"
        r"retired?|deliberat\w+)\b|\bjury selection\b|"
        r"\bdeliberations (?:began|begin|begins|continue|continued|resumed?|"
        r"(?:are |were )?under ?way)\b|"
        r"\b(?:jury|jurors) (?:\w+ ){0,2}?(?:fail(?:s|ed)?|unable) to reach\b|"
        r"\b(?:jury|jurors) (?:\w+ )?deadlock(?:s|ed)?\b|"
        r"\b(?:hung|deadlocked) jury\b|\bdefen[cs]e case\b|"
        r"\b(?:closing arguments?|opening statements?|mistrial|cross-examin\w+)\b|"
        # (a retrial ordered is an appeal's outcome, the trial still to come)
        r"\bretrial\b(?!\s+(?:was\s+|has\s+been\s+|is\s+)?(?:ordered|granted|approved)\b)|"
        r"\b(?:took|takes|take|taking) the (?:witness )?stand\b|\bin the witness box\b|"
        r"\b(?:on trial|trial (?:kicks|kicked) off|trial (?:was |is )?adjourned|jurors|"
        # "adjourns the trial of X until March", "began hearing the case against X"
        r"adjourn(?:s|ed)? (?:the |his |her |their )?(?:\w+ )?trial|"
        r"(?:began|begins|begin|started|starts|opened|opens) hearing (?:the |a )?(?:\w+ )?case|"
        r"gave evidence|gives evidence|giving evidence|trial (?:told|hears|heard))\b|"
        r"\b(?:prosecution|prosecutors|defen[cs]e) (?:rest|rests|rested)\b|"
        # UK reporting of a trial day: "court hears", "court told", "the Old Bailey hears"
        # (not "the court hears arguments": an appeal's or a hearing's)
        r"\b(?:court|old bailey) (?:heard|hears)\b"
        r"(?! (?:an? |the )?(?:arguments?|appeals?|challenges?|bids?|requests?|motions?)\b)|"
        r"\b(?:court|old bailey) told\b(?=\s*(?:$|[,.;:!?]|(?:that|how|of)\b))|"
        r"\b(?:told|tells?) (?:the |a )?(?:court|jury|jurors)\b|"
        r"\b(?:court|jury|jurors|trial) (?:is|was|were|are|has been) told\b",
    ),
    # verdicts
    _t("ver.convict", T.VERDICT, r"\bconvict(?:ed|s|ion|ing)?\b"),
    _t("ver.guilty", T.VERDICT, r"\bguilty\b"),
    _t(
        "ver.acquit",
        T.VERDICT,
        r"\b(?:acquit(?:s|ted|tal)?|cleared|exonerated)\b|"
        # the headline's present: "Court clears X of fraud" (not "clears the way for")
        r"\bclears\b(?=\s+(?!the\s+way\b)(?:[\w'’.-]+\s+){1,5}?of\b)",
    ),
    _t("ver.verdict", T.VERDICT, r"\bverdicts?\b"),
    # sentences
    _t("sen.sentence", T.SENTENCED, r"\bsentenc(?:ed|es|ing|e)\b"),
    _t(
        "sen.jailed_for",
        T.SENTENCED,
        r"\b(?:jail(?:ed|s)?|imprison(?:ed|s)?|gets?|given|handed|receiv(?:e|es|ed))"
        # ("jailed in the UK for 8 years"; not "Jailed critic faces 30 more years")
        r"(?: (?:(?!(?:faces?|facing|risks?|could|" + MAY + r"|might|would|seeks?)\b)\w+ ){0,3}?"
        r"| in (?:[\w.'’-]+ ){1,3}?for )"
        + NUM
        + r"[- ](?:more |additional |further )?(?:years?|months?)\b|"
        # "sent to prison for eight years", "puts X behind bars for 10 years"
        r"\b(?:sent|sends?|ordered|put|puts)\s+(?:[\w'’.-]+\s+){0,4}?(?:to|behind)\s+"
        r"(?:jail|prison|bars)\s+for\s+(?:up\s+to\s+|almost\s+|nearly\s+|more\s+than\s+)?"
        + NUM
        + r"[- ](?:years?|months?|weeks?|days?)\b|"
        # "jailed for life", "imprisoned for life in UAE"
        r"\b(?:jail(?:ed|s)?|imprison(?:ed|s)?)\s+for\s+life\b|"
        # the term to be served: "killer must serve 34 years", "must serve a minimum of 20 years"
        r"\bmust\s+serve\s+(?:a\s+(?:minimum|total)\s+(?:term\s+)?of\s+|at\s+least\s+)?"
        + NUM
        + r"[- ](?:years?|months?)\b",
    ),
    # Jailed for an offence, not a term: "Ex-MP jailed for sex assaults", "jailed over fraud".
    _t(
        "sen.jailed_over",
        T.SENTENCED,
        r"\bjailed (?:in (?:[\w.'’-]+ ){1,3}?)?(?:for|over) "
        r"(?!(?:\d|another|more|life|a |an |at least|up to|nearly|almost|"
        r"about|over|"
        r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\b))",
    ),
    # A fine is a sentence: "X fined after blocking port", "ordered to pay a fine".
    _t(
        "sen.fine",
        T.SENTENCED,
        # (a civil court's award is no sentence: "fined $15m in a civil suit")
        r"\bfined\b(?!\s+(?:\S+\s+){0,5}?(?:in|by|over)\s+(?:a\s+|the\s+)?civil\b)|"
        r"\b(?:ordered|told) to pay (?:a |an )?(?:\w+ ){0,2}?fine\b",
    ),
    # Community service is a sentence too: "ordered to carry out 180 hours of community
    # service", "must do unpaid work", "given a community order".
    _t(
        "sen.community",
        T.SENTENCED,
        r"\b(?:given|handed|ordered to|told to|must|sentenced to)\s+(?:do|carry out|complete|"
        r"perform)?\s*(?:an?\s+|\d[\d,]*\s+hours?\s+of\s+)?(?:unpaid work|community service|"
        r"community payback|community (?:service |payback )?order)\b",
    ),
    # A sentence that keeps one out of prison: "X avoids jail over fraud", "spared jail after
    # admitting", "won't serve prison time" (not an aim: "a bid to avoid prison").
    _t(
        "sen.spared",
        T.SENTENCED,
        r"(?<!\bto )\b(?:avoids|avoided|spared|won['’]t serve|will not serve)\s+"
        r"(?:a\s+|any\s+)?(?:jail|prison)\b",
    ),
    # "China jails activist", "X is jailed": a court's act (a bare "jailed X" may be a state).
    _t(
        "sen.jails",
        T.SENTENCED,
        # (not "has been jailed since March 2021": a detention told by when it began)
        r"\bjails\b|\b(?:is|was|were|are|been|gets?|got) jailed\b"
        # (not "jailed on accusations of aiding Russia": held on suspicion, before any trial)
        r"(?!\s+(?:[\w'’-]+\s+){0,3}?since\b)"
        r"(?!\s+(?:on|over|pending)\s+(?:[\w'’-]+\s+){0,2}?(?:accusations?|suspicion|"
        r"allegations?|trial|investigation)\b)|\bjailing of\b",
    ),
    # The headline's passive without its auxiliary, where it ends the headline or its clause:
    # "Activist and two others jailed", "Captain jailed after fatal crash" (not "reporter jailed
    # in Russia", mostly who someone is; what keeps one jailed: vetoes). A trigger of its own:
    # less sure than "is jailed", it is weighed apart.
    _t(
        "sen.jailed_bare",
        T.SENTENCED,
        r"(?<=[\w'’)] )(?<!\bis )(?<!\bwas )(?<!\bwere )(?<!\bare )(?<!\bbeen )"
        r"(?<!\bget )(?<!\bgets )(?<!\bgot )jailed\b(?=\s*$|\s*[:;.!?–—]|\s+-\s|\s+(?:after|as)\b)",
    ),
    _t(
        "sen.term",
        T.SENTENCED,
        r"\b" + NUM + r"[- ](?:more |additional |further )?"
        r"(?:years?|months?)(?:-long)? (?:in |of )?(?:prison|jail|penal|term|behind bars)|"
        r"\bto death\b|\bdeath penalty\b|\bprison terms?\b|\bjail terms?\b|"
        r"\blife (?:sentences?|imprisonment)\b|"
        # "a court ordered life in jail for X", "handed him life behind bars"
        r"\b(?:ordered|orders|gave|gives|handed|hands)\s+(?:(?:him|her|them)\s+)?life\s+"
        r"(?:in\s+(?:jail|prison)|behind\s+bars)\b",
    ),
    # Headline grammar for a custodial sentence with no term: "X gets prison for road rage
    # death", "gets life for murder", "handed jail time".
    _t(
        "sen.gets",
        T.SENTENCED,
        r"\b(?:gets?|got|given|handed|receives?|received)\s+(?:a\s+)?"
        r"(?:prison|jail|life(?:\s+in\s+prison)?|(?:prison|jail)\s+(?:time|term|sentence))\b"
        r"(?!\s+(?:visits?|guards?|officials?|staff|conditions|reform|break))",
    ),
    # appeals
    _t("app.appeal", T.APPEAL, r"\bappeal(?:ed|s|ing)?\b"),
    # An appeal by another name: "court rejects X's bid to review the case", "a petition to
    # overturn the conviction".
    _t(
        "app.review",
        T.APPEAL,
        r"\b(?:bid|application|petition|request|motion|challenge)\s+(?:\w+\s+){0,2}?"
        r"(?:to|for)\s+(?:a\s+)?(?:review|overturn|quash|set aside|annul|reverse)\b",
    ),
    # A conviction or sentence challenged in a higher court: "challenges jail sentence", "a
    # challenge by X against a 15-month prison term".
    _t(
        "app.challenge",
        T.APPEAL,
        r"\bchalleng(?:e|es|ed|ing)\s+(?:(?:\w+\s+){0,4}?against\s+)?"
        r"(?:(?:his|her|their|the|a|an)\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:sentences?|convictions?|verdicts?|(?:jail|prison) terms?)\b",
    ),
    _t(
        "app.decided",
        T.APPEAL,
        r"\b(?:upheld|uphold(?:s)?|overturn(?:ed|s)?|quash(?:ed|es)?|"
        r"commut(?:ed|es))\b|"
        # A higher court acting on a conviction: "suspends his conviction", "conviction
        # reinstated", "annulled his 2017 convictions", "set aside the verdict".
        # (A determiner or owner between: "a suspended sentence" is a sentence.)
        r"\b(?:suspend(?:s|ed)?|annul(?:s|led)?|set aside|vacat(?:es|ed)|reinstat(?:es|ed)|"
        # ... or changing it: "tossed out X's murder conviction", "reduced her sentence"
        r"toss(?:es|ed) out|thr(?:ew|ows) out|reduc(?:es|ed)|halv(?:es|ed)|lengthen(?:s|ed))"
        r"(?= (?:[\w-]+ ){0,2}?(?:the|his|her|their|its|[\w-]+['’]s?) (?:[\w'’-]+ ){0,2}?"
        r"(?:convictions?|sentences?|verdicts?)\b| (?:convictions?|sentences?|verdicts?) of\b)|"
        r"\b(?:convictions?|sentences?|verdicts?|(?:minimum |jail |prison )?terms?) "
        r"(?:(?:was|were|has been|is) )?"
        r"(?:suspended|annulled|set aside|vacated|reinstated|voided|quashed|overturned|"
        # a sentence changed on appeal: "has sentence increased", "minimum term reduced"
        r"thrown out|tossed out|reduced|increased|cut|halved|lengthened)\b",
    ),
    # A higher court hearing the case: "the Supreme Court heard arguments", "appeals court
    # weighs".
    # A higher court sending the case back: "Italy's highest court orders new trial".
    _t(
        "app.retrial",
        T.APPEAL,
        r"\b(?:supreme|highest|top|high|appeals?|appellate|cassation) court (?:\w+ ){0,2}?"
        r"(?:orders?|ordered|grants?|granted) (?:a )?(?:new trial|retrial)\b|"
        # any court or judge sending a convicted person back to trial: "Japan court backs
        # retrial for death row inmate", "retrial ordered for X" (a trial court's review)
        r"\b(?:court|judges?|judiciary) (?:\w+ ){0,2}?(?:orders?|ordered|grants?|granted|backs|"
        r"backed|approves?|approved|allows?|allowed|opens? the way for) (?:a )?retrial\b|"
        r"\bretrial (?:was |has been |is )?(?:ordered|granted|approved)\b",
    ),
    _t(
        "app.court",
        T.APPEAL,
        r"\b(?:supreme|high|appeals?|appellate|cassation) court (?:\w+ ){0,2}?"
        r"(?:hears?|heard|weighs?|weighed|considers?|considered|reviews?|reviewed)\b",
    ),
    # bail
    # Bail and its American bond: "bailed", "posted bond", "released on $1m bond".
    _t(
        "bai.bail",
        T.BAIL,
        r"\bbail(?:ed)?\b|\b(?:post(?:s|ed|ing)?|made|makes) (?:\w+ ){0,2}?bond\b|"
        r"\breleased on (?:a )?(?:[$\w.,]+ ){0,2}?bond\b|\bown recognizance\b|"
        # released to await trial: "ordered his release pending trial"
        r"\breleas\w*\s+(?:[\w'’-]+\s+){0,4}?pending\s+(?:(?:his|her|their|the|a)\s+)?"
        r"(?:trial|investigation|outcome)\b|"
        # Freed until the appeal is heard: "released from jail pending an appeal".
        r"\bpending (?:an? |his |her |their |the )?appeals?\b",
    ),
    _t("bai.house_arrest", T.BAIL, r"\bhouse arrest\b"),
    _t(
        "bai.parole",
        T.BAIL,
        r"\b(?:parole|furlough(?:ed)?|residential surveillance|judicial (?:control|supervision)|"
        r"(?:temporary|medical|prison) leave|"
        # "granted temporary release from Evin", "temporarily released on medical grounds"
        r"temporary release|temporarily (?:released|freed))\b",
    ),
    # transfers
    _t("tra.transfer", T.TRANSFERRED, r"\btransferr?(?:ed|s|ing)?\b|\btransfer\b"),
    _t(
        "tra.moved",
        T.TRANSFERRED,
        r"\b(?:moved|relocated|handed over|turned over|handover|penal colony)\b|"
        # Taken out of one prison for another: "missing after being removed from prison".
        r"\bremoved\s+from\s+(?:(?:his|her|their|the|a)\s+)?(?:[\w-]+\s+)?"
        r"(?:prison|jail|penal colony|colony)\b(?=\s*$|[,.;:'’\"”]|\s+(?:in|on|at|to|by|after|"
        r"before|last|this|early|late|for|with|without|under|and\s+(?:taken|moved|sent)|"
        r"to\s+an?\s+unknown)\b)|"
        # Out of one prison for somewhere else: "left prison for unknown location", "taken
        # from his colony to an undisclosed place".
        r"\b(?:left|leaves|taken\s+(?:out\s+)?(?:from|of))['’]?\s+(?:(?:his|her|their|the|a)\s+)?"
        r"(?:[\w-]+\s+)?(?:prison|jail|penal colony|colony)" + _TO_ELSEWHERE,
    ),
    # A prisoner whose whereabouts were unknown found held: "found in Moscow jail after
    # disappearing", "located in a Siberian penal colony", "resurfaces in prison".
    _t(
        "tra.found",
        T.TRANSFERRED,
        r"\b(?:found|located|resurfac(?:ed|es)|turn(?:ed|s) up|traced)\s+(?:in|at)\s+"
        r"(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?(?:jail|prison|penal colony|colony|"
        r"detention (?:centre|center|facility))\b",
    ),
    # Taken from prison to hospital: "admitted to an outside hospital", "taken to hospital".
    _t(
        "tra.hospital",
        T.TRANSFERRED,
        r"\b(?:taken|rushed|admitted|moved|transferred|flown)\s+(?:back\s+)?to\s+"
        r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?hospital\b",
    ),
    # Handed from one state to another: "extradited to the US", "Mexico extradites X", and
    # an extradition told as done: "after his extradition from Mexico", "following US
    # extradition".
    _t(
        "tra.extradited",
        T.TRANSFERRED,
        r"\bextradit(?:ed|es)\b|\bextradition flights?\b|"
        r"\b(?:after|following|since|upon)\s+(?:(?:his|her|their|the|last\s+\w+'s|[\w.]+)\s+)?"
        r"extradition\b",
    ),
    # Brought to another state for its courts: "flown to the US to face trial".
    _t(
        "tra.to_face",
        T.TRANSFERRED,
        r"\b(?:flown|sent|brought|taken|returned)\s+(?:back\s+)?to\s+(?:[\w.'’-]+\s+){1,3}?"
        r"(?:to\s+face|for\s+trial|to\s+stand\s+trial)\b|"
        # Expelled or deported into another state's courts: "US expels ex-officer to face charges".
        r"\b(?:expel(?:s|led)?|deport(?:s|ed)?)\s+(?:[\w.'’-]+\s+){0,5}?to\s+face\b",
    ),
    # releases
    _t("rel.release", T.RELEASED, r"\breleas(?:ed|es|e|ing)\b"),
    _t(
        "rel.free",
        T.RELEASED,
        r"\b(?:freed|frees|freeing|set free|walk(?:s|ed|ing)? free|go free|let go|"
        r"(?:gets?|got|getting) out of (?:jail|prison|custody)|free(?= (?-i:[A-Z]))|"
        # a headline's "X free after Venezuela-Spain deal"
        r"(?<=[a-z] )free(?= (?:after|following)\b)|"
        # "X is finally free", "now free" (not "free to leave", "free speech").
        r"(?:is|are|was|were|now|finally) (?:\w+ )?free(?!\s+(?:to|of|from|speech|press|"
        r"trade|market|election|and fair))|"
        r"rescu(?:ed|es|e|ing)|"
        # Leaving the place of detention: "leave Guantanamo without charge", "walked out of
        # Evin prison".
        r"(?:leaves?|left|leaving|walk(?:s|ed)? out of|walk(?:s|ed)? free from) (?:the )?"
        r"(?:prison|jail|custody|detention|Guantanamo|Guantánamo|Evin|Lefortovo|Belmarsh|"
        # ... by its name: "walked out of Insein prison", "left Qanater women's prison"
        r"(?:(?-i:[A-Z])[\w'’-]+ (?:\d+ )?){1,3}(?:(?:women's|men's|central|state) )?"
        r"(?:prison|jail)))\b"
        # (not "left prison for an unknown location": moved, not freed)
        r"(?!" + _TO_ELSEWHERE + ")",
    ),
    _t(
        "rel.swap",
        T.RELEASED,
        r"\b(?:swap(?:ped|s)?|exchang(?:ed|e)|"
        # "traded her for X", "trading Griner for Bout", "swapping 'Merchant of Death' for X": a
        # person traded (not "traded barbs", "swapping jerseys")
        r"(?:trad(?:ed|es|ing)|swapping|exchanging)(?=\s+(?:him|her|them|['‘\"“]?(?:the\s+)?(?-i:[A-Z])[\w'’.-]*"
        r"(?:\s+(?:of\s+)?(?-i:[A-Z])[\w'’.-]*){0,3}['’\"”]?)\s+for\b))\b",
    ),
    # Handed to one's own state after a release: "now in the custody of US officials" (a case
    # of that state's, `candidates`; in another state's custody it is a detention).
    _t(
        "rel.own_custody",
        T.RELEASED,
        r"\bin(?:to)? (?:the )?custody of (?:the )?(?:[\w.'’-]+ ){1,2}?(?:officials|authorities|"
        r"diplomats|government)\b|"
        # "released into U.S. custody", "Travis King in US custody after expulsion"
        r"\b(?:in|into|to)\s+(?:the\s+)?[\w.'’-]+\s+custody\b",
    ),
    # (not Amnesty International, often "Amnesty" alone: "Amnesty demands release of X")
    _t(
        "rel.pardon",
        T.RELEASED,
        # (not a plea for one: "Sweden pardon plea for X")
        r"\b(?:pardon(?:ed|s)?(?!\s+(?:pleas?|requests?|bids?|appeals?|petitions?|applications?)\b)|"
        r"amnesty(?!\s+(?:International|says|said|demands?|demanded|calls?|"
        r"called|urges?|urged|reports?|reported|accuses?|warns?|condemns?|has|and|claims?|"
        r"claimed|alleges?|alleged|finds|found|believes?|documents?|documented|estimates?|"
        r"notes?|noted|adds?|added|tells?|told)\b))\b",
    ),
    _t(
        "rel.home",
        T.RELEASED,
        r"\b(?:(?:returned|return|returns|arrived|arrives|flew|flies|comes|came|"
        r"(?<!\bto )(?<!\bwill )(?<!\bwould )(?<!\bcould )(?<!\bcan )come|"
        r"flown|headed|heading|back|way|lands?|landed) (?:\w+ ){0,2}?home|homecoming|"
        r"reunit(?:ed|es|ing)|arrived back|expel(?:led|s)?|deport(?:ed|s)?|"
        # "returned to Canada", not "returned to prison hours later"
        r"returned to(?! (?:(?:his|her|their|the|a) )?(?:[\w-]+ )?(?:prison|jail|custody|detention|"
        r"cell|colony|court|hospital)\b)|"
        # "plane carrying X lands in Texas", "back on US soil" (not "lands in jail")
        r"(?:lands|landed|touch(?:es|ed) down) (?:in|at)(?! (?:(?:a|an|the|his|her) )?(?:[\w-]+ )?"
        r"(?:jail|prison|custody|detention|hospital|court|trouble|hot water)\b)|"
        r"back on (?:[\w.'’-]+ ){0,2}?soil|"
        # "an emotional return after 13 months in Russian custody"
        r"return (?:home )?after (?:[\w-]+ ){1,4}?(?:in|of) (?:[\w-]+ )?(?:custody|captivity|"
        r"detention|prison|jail)|"
        # "back in Britain", not "back in solitary confinement" or "back in court"
        r"back in(?! (?:solitary|prison|jail|custody|detention|(?:a |his |her )?cell|court|"
        r"the dock|hospital)\b)|"
        r"deportation|expulsion|"
        r"dropped|repatriat(?:ed|es|ion))\b",
    ),
    # Charges dropped or thrown out, as labelled sets count a release from prosecution: "US
    # throws out charges against X", "prosecutors drop charges against him", "charges against
    # her were withdrawn".
    _t(
        "rel.dropped",
        T.RELEASED,
        r"\b(?:drop(?:s|ped|ping)?|throw(?:s|n|ing)?\s+out|threw\s+out|withdr(?:aw|aws|ew|awn|awing)|"
        r"dismiss(?:es|ed|ing)?)\s+(?:all\s+|the\s+|remaining\s+|criminal\s+|federal\s+){0,3}"
        r"charges\b|"
        r"\bcharges\s+(?:against\s+(?:[\w'’.-]+\s+){1,4}?)?(?:were|was|have\s+been|had\s+been|"
        r"are|is)\s+(?:formally\s+|now\s+)?(?:dropped|withdrawn|dismissed|thrown\s+out)\b|"
        r"\bcharges\s+dropped\b",
    ),
    # The police or prosecutors drop the case: "faces no further action", "no further action
    # will be taken".
    _t(
        "rel.no_action",
        T.RELEASED,
        r"\b(?:will\s+|would\s+)?fac(?:e|es|ing)\s+no\s+further\s+action\b|"
        r"\bno\s+further\s+action\b",
    ),
    # deaths
    _t(
        "die.died",
        T.DIED,
        r"\b(?:died|dies|dead|death|passed away|killed)\b|"
        # "Epstein's suicide", "took his own life" (not "a suicide attempt", "on suicide watch")
        r"(?<!attempted )(?<!attempt at )\bsuicide\b(?! (?:attempts?|bomb\w*|watch|vests?|notes?|"
        r"risks?|prevention|hotline|squads?|missions?|attack\w*|drones?|car|truck|blasts?|"
        r"strikes?|raids?))|"
        r"\b(?:took|takes|take|taken|taking) (?:his|her|their) own li(?:fe|ves)\b|"
        # "Killing of X renews alarm", "the assassination of X"
        r"\b(?:killing|slaying|assassination)\b(?= of\b)|"
        # A body found: "hostage's body recovered near hospital", "body of X found".
        r"\bbod(?:y|ies)\b(?= (?:[\w'’-]+ ){0,6}?(?:was |were |has been |have been )?"
        r"(?:found|recovered|discovered|identified)\b)",
    ),
    _t("die.executed", T.DIED, r"\b(?:execut(?:ed|es|ion)|hang(?:ed|s)|hanging)\b"),
    # diplomatic action
    _t(
        "dip.condemn",
        T.DIPLOMATIC_ACTION,
        r"\b(?:condemn(?:ed|s|ing)?|denounc(?:e|ed|es|ing)|slam(?:s|med)?|blast(?:s|ed)?|"
        r"decr(?:y|ies|ied)|rebuk(?:e|es|ed)|"
        # (not "protests": nearly always the street's, 1 diplomatic act in 175 labelled)
        r"deplor(?:e|ed|es|ing)|criticis(?:e|ed|es|ing)|criticiz(?:e|ed|es|ing)|"
        # words attacking what was done to someone: "attacked the brutal treatment of X",
        # "attacks China's detention of" (not an assault, "attacked a guard", nor the noun,
        # "Paris attacks trial")
        r"attack(?:s|ed|ing)(?=\s+(?:the|his|her|their|its|[\w.-]+['’]s)\s+(?:[\w'’.-]+\s+){0,3}?"
        r"(?:treatment|detention|arrest|sentenc(?:e|es|ing)|jailing|imprisonment|trial|verdict|"
        r"conviction|execution)\b)|"
        # an act that drew a government's words: "a sentence that drew swift condemnation from
        # the top US diplomat", "sparking a rebuke from Beijing" (whose, `gov_meets` reads)
        r"(?:dr[ae]w(?:s|ing)?|spark(?:s|ed|ing)?|prompt(?:s|ed|ing)?|trigger(?:s|ed|ing)?|"
        r"provok(?:es|ed|ing)|met\s+with)\s+(?:(?:a|an|swift|sharp|strong|immediate|international|"
        r"fierce|angry|rare)\s+){0,2}(?:condemnation|criticism|rebukes?))\b",
    ),
    _t(
        "dip.call",
        T.DIPLOMATIC_ACTION,
        r"\b(?:urg(?:e|ed|es|ing)|call(?:ed|s|ing)? (?:for|on)|"
        r"demand(?:ed|s|ing)?|press(?:ed|es|ing)|ask(?:ed|s)|appeal(?:ed|s)? (?:to|for))\b",
    ),
    _t(
        "dip.actor",
        T.DIPLOMATIC_ACTION,
        r"\b(?:say|says|said|tell|tells|told|call|calls|called|calling|describ(?:e|es|ed)|deem(?:s|ed)?|"
        r"determin(?:e|es|ed)|express(?:es|ed|ing)?|voic(?:e|es|ed|ing)|concern(?:s|ed)?|troubled|"
        r"offer(?:s|ed)?|propos(?:e|es|ed|al)|pledg(?:e|es|ed)|vow(?:s|ed)?|promis(?:e|es|ed)|"
        r"mark(?:s|ed)?|"
        r"speak(?:s)?|spoke|accus(?:es|ed)|renew(?:s|ed)?|seek(?:s)?|sought|meet|meets|met|"
        r"hold talks|"
        r"held talks|raise[sd]?|press(?:es|ed)?|push(?:es|ed)?|condemn(?:s|ed)?|"
        r"warn(?:s|ed)?|insist(?:s|ed)?|"
        # a government's dismay or hope: "Australia was 'appalled'", "deeply shocked and
        # disappointed", "Biden 'hopeful' about X's case"
        r"appalled|outraged|dismayed|alarmed|shocked|disappointed|saddened|distressed|hopeful|"
        r"optimistic)\b",
    ),
    # A government's designation: "U.S. deems WSJ reporter 'wrongfully detained'", "declared
    # wrongfully detained by the State Department", "now considers X wrongfully detained".
    _t(
        "dip.designate",
        T.DIPLOMATIC_ACTION,
        r"\b(?:designat|declar|determin|deem|consider|classif|label)\w*\s+(?:[\w'’.-]+\s+){0,6}?"
        r"(?:as\s+)?['‘\"“]?(?:wrongful(?:ly)?|arbitrar(?:il)?y|unlawful(?:ly)?)\s+detain\w*",
    ),
    _t(
        "dip.raise",
        T.DIPLOMATIC_ACTION,
        r"\b(?:rais(?:ed|es|ing)|discuss(?:ed|es)|"
        r"held talks|holds talks|in talks|met|meets|summon(?:ed|s)|sanction(?:ed|s)?|"
        r"talk(?:s|ed|ing)? (?:to|with)|in dialogue|touched on|"
        r"reached out|brokered|negotiat(?:ed|es|ions?)|"
        # (a state branding someone a "terrorist" or "foreign agent" persecutes, not raises)
        r"designat(?:ed|es)(?!\s+(?:[\w'’.-]+\s+){0,5}?(?:as\s+)?(?:an?\s+)?['‘\"“]?"
        r"(?:terrorists?|extremists?|foreign\s+agents?|undesirable|wanted)\b)|"
        # a government asking after the case: "seeking urgent information about X", "asked for
        # explanations", "requested a full investigation", "sought clarification"
        r"(?:seek(?:s|ing)?|sought|ask(?:s|ed|ing)? for|request(?:s|ed|ing)?|"
        r"demand(?:s|ed|ing)?)\s+"
        r"(?:(?:urgent|further|more|full|an?|the|immediate|independent)\s+){0,2}(?:information|"
        r"clarification|explanations?|answers|investigation|inquiry|details)|"
        r"wrongfully detained|envoy|pushed back|"
        # a government on a swap for the case: "Russia signals openness to a prisoner swap",
        # "talks on a prisoner exchange", "proposed a swap", "swap proposal"
        r"(?:prisoner\s+)?(?:swap|exchange)\s+(?:talks|proposals?|offers?|negotiations)|"
        r"(?:talks?|negotiations?|contacts?|dialogue)\s+(?:on|over|about|regarding)\s+(?:a\s+|the\s+)?"
        r"(?:possible\s+|potential\s+)?(?:prisoner\s+)?(?:swap|exchange)|"
        # "ready to discuss a prisoner swap", "to explore more prisoner swaps" (a plural or "the"
        # needs "prisoner": "open to exchanges with the West" is trade)
        r"(?:openness|open|ready|readiness|willing|willingness)\s+(?:to|for)\s+"
        r"(?:(?:discuss|consider|negotiate|explore)\s+)?(?:(?:a|an)\s+(?:possible\s+|potential\s+|"
        r"new\s+)?(?:prisoner\s+)?(?:swap|exchange)\b|" + _SWAP_DETERMINERS + r"prisoner\s+"
        r"(?:swaps?|exchanges?))|"
        r"(?:explor(?:e|es|ed|ing)|discuss(?:es|ed|ing)?|consider(?:s|ed|ing)?|"
        r"negotiat(?:e|es|ed|ing))\s+" + _SWAP_DETERMINERS + r"prisoner\s+(?:swaps?|exchanges?)|"
        # a proposal or an offer: "proposed a swap", "rejects an offer to release X", "offered to
        # free" (not "to free up funds")
        r"(?:propos(?:ed|es|als?)|offer(?:ed|s)?)\s+(?:to\s+(?:release|free|swap)\b(?!\s+up\b)|"
        r"(?:an?\s+)?(?:prisoner\s+)?(?:swap|exchange|trade))|"
        # "in direct contact with Russia over", "confirms contact over a swap"
        r"in (?:direct |close |regular |constant )?contact with|contacts? (?:over|about|regarding)|"
        # "lodged a protest with Beijing", "recalled its ambassador", "engaging Zimbabwean
        # authorities at the highest level", "requested consular access", "had again been
        # denied consular access"
        r"lodg(?:e|es|ed|ing) (?:a |an )?(?:formal |strong |diplomatic )?(?:protest|complaint) "
        r"with|"
        r"recall(?:s|ed|ing)? (?:its|their|the) (?:\w+ )?(?:ambassador|envoy)|"
        r"engag(?:e|es|ed|ing) (?:with )?(?:the )?(?:[\w.'’-]+ ){0,2}?(?:authorities|government|"
        r"officials|counterparts?)|"
        r"(?:request(?:s|ed|ing)?|seek(?:s|ing)?|sought|demand(?:s|ed|ing)?|den(?:ied|ies)|"
        r"refused|(?:been|was|were) denied) (?:urgent |immediate |full )?consular access|"
        # "working to bring X home", "working on getting X home", "works to free"
        r"work(?:s|ed|ing)? (?:\w+ ){0,2}?(?:on|to|toward|towards) (?:get(?:ting)?|bring(?:ing)?|"
        r"secur(?:e|ing)|free(?:ing)?|win(?:ning)?|return(?:ing)?))\b",
    ),
)

# Context cues, searched in a window around the trigger.
# "n't" ends its word ("hasn't", "didn’t"): no word boundary stands before it.
NOT_CONTRACTED = r"n['’]t\b"
NEGATION = re.compile(
    r"\b(?:not|no|never|deny|denies|denied|without|refus(?:ed|es)|rejects?|rejected|"
    r"dismiss(?:ed|es)?|false)\b|" + NOT_CONTRACTED,
    re.I,
)
MODAL = re.compile(
    r"\b(?:will|would|could|" + MAY + r"|might|can|should|must|shall|to be|be|set to|expected to|"
    r"likely|possible|possibly|potential|if|whether|plans?|planned|hopes?|hoped|hopeful|"
    r"optimistic|wants?|"
    r"seeks?|sought|seeking|risk|risks|faces?|facing|threat(?:en(?:ed|s)?)?|awaits?|"
    r"awaiting|ahead of|upcoming|pending|prepar(?:es|ed|ing)|due to|bid|push(?:es)? for|"
    r"try|tries|trying|attempt(?:s|ed)?|closer to|poised to|on the (?:verge|brink) of|"
    r"agree(?:s|d)? to|fears?|feared|fearing|eligible|eligibility|"
    # steps toward it: "Iran moves to release", "moves toward freeing", "takes steps to prosecute"
    r"moves? (?:to|toward)|moving (?:to|toward)|(?:takes?|taking|took) steps (?:to|toward))\b",
    re.I,
)
DEMAND = re.compile(
    r"\b(?:call(?:s|ed|ing)? (?:for|on)|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?|"
    r"appeal(?:s|ed)? for|"
    r"push(?:es|ed|ing)? for|campaign(?:s|ed|ing)? for|fight(?:s|ing)? for|pleads?|"
    r"argu(?:es|ed|ing) for|asks? for|request(?:s|ed)?|"
    r"secure|securing|win (?:his|her|their))\b",
    re.I,
)
BACKGROUND = re.compile(
    r"\b(?:since|after|following|before|ago|who (?:was|were|had|has)|had been|has been|"
    r"have been|former(?:ly)?|previously|earlier|last (?:year|month|week)|anniversary|"
    r"years? after|months? after|days? after)\b",
    re.I,
)
PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?been\b", re.I)
PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being|be|gets?|got)\s+(?:\w+ly\s+)?$", re.I)
PRESENT_PROGRESSIVE = re.compile(r"\b(?:is|are)\s+(?:\w+ly\s+)?\w+ing\s*$", re.I)
QUESTION = re.compile(r"\?")
QUOTE = re.compile(r"[\"“”]")
FAMILY = re.compile(
    r"\b(?:family|families|wife|husband|mother|father|son|daughter|sister|brother|relatives?|"
    r"lawyers?|attorneys?|supporters?|friends?|colleagues?|campaigners?|activists?|"
    r"rights groups?|amnesty international|human rights watch|ngos?|journalists?|"
    r"protesters?|fans?|celebrit(?:y|ies))\b",
    re.I,
)
# Officials known by name alone, as event coders' actor dictionaries list them: heads of state
# and government, foreign ministers and envoys who raised detainees' cases in 2018-2025 news.
# Only surnames that name nobody else in the news ("Johnson", "Wong", "Price" are left out);
# a detaining state's own leaders are in `HOLDER_NAMES`, where their acts are not diplomacy.
OFFICIALS_BY_NAME = (
    r"biden|blinken|pompeo|kamala harris|carstens|trudeau|m[eé]lanie joly|freeland|garneau|"
    r"albanese|penny wong|marise payne|sunak|truss|cleverly|raab|macron|colonna|le drian|"
    r"s[eé]journ[eé]|scholz|baerbock|merkel|heiko maas|meloni|tajani|guterres|bachelet|"
    r"volker t[uü]rk|borrell|von der leyen|zelensky|zelenskyy|kuleba|kishida|motegi|ardern|"
    r"luxon|hipkins|nanaia mahuta|winston peters|rutte|hoekstra|albares|frederiksen|"
    r"kristersson|billstr[oö]m|niinist[oö]|stoltenberg|herzog|netanyahu|yair lapid|"
    r"naftali bennett"
)
OFFICIAL = re.compile(
    r"\b(?:" + OFFICIALS_BY_NAME + r"|government|govt|minister|ministry|president|"
    r"prime minister|premier|pm|fm|"
    r"foreign (?:office|secretary|minister|ministry)|secretary of state|state department|"
    r"white house|kremlin|embassy|ambassador|consul(?:ate)?|diplomats?|officials?|"
    r"spokes(?:man|woman|person)|chancellor|parliament|senate|senators?|congress|lawmakers?|"
    # a legislature's lower house: "House leaders call for", "the House votes to condemn"
    # (not "Freedom House", "the Opera House": another word's House)
    r"(?:(?<=\bthe )|(?<=\bU\.S\. )|(?<=\bUS )|(?<![\w,] ))(?-i:House)(?: (?:leaders?|speaker|"
    r"of representatives|of commons|of lords|republicans|democrats)\b|(?=\s*$| (?:[Cc]alls?|"
    r"[Vv]otes?|[Pp]asse[sd]|[Uu]rges?|[Dd]emands?|[Cc]ondemns?|[Rr]esolution|[Pp]anel|"
    r"[Cc]ommittee)\b))|"
    r"un|united nations|eu|european union|human rights council|"
    r"rights chief|high commissioner|g7|g20|nato|mps?|envoy|authorities|administration|"
    r"downing street|foreign affairs)\b|(?<![\w.])(?:u\.n\.|e\.u\.)",
    re.I,
)
# How news names a state, by ISO code: the state that holds a person announcing its own act
# ("Rwanda says X to be freed") is no diplomatic action, and its act on the person is news; the
# state a person is a citizen of speaking for them ("Sweden condemns") is the likeliest one.
HOLDER_NAMES = {
    "AE": r"united arab emirates|uae|emirati|abu dhabi|dubai",
    "AF": r"taliban|afghanistan|afghan|kabul",
    "AM": r"armenia|armenian|yerevan",
    "AR": r"argentina|argentine|argentinian|buenos aires",
    "AT": r"austria|austrian|vienna",
    "AU": r"australia|australian|canberra",
    "AZ": r"azerbaijan|azerbaijani|baku|aliyev",
    "BD": r"bangladesh|bangladeshi|dhaka",
    "BE": r"belgium|belgian",
    "BG": r"bulgaria|bulgarian|sofia",
    "BH": r"bahrain|bahraini|manama",
    "BO": r"bolivia|bolivian|la paz",
    "BR": r"brazil|brazilian|brasilia|brasília",
    "BY": r"belarus|belarusian|minsk|lukashenko",
    "CA": r"canada|canadian|ottawa",
    "CD": r"congo|congolese|kinshasa",
    "CH": r"switzerland|swiss|bern",
    "CL": r"chile|chilean|santiago",
    "CM": r"cameroon|cameroonian|yaound[eé]",
    "CN": r"china|chinese|beijing",
    "CO": r"colombia|colombian|bogota|bogotá",
    "CU": r"cuba|cuban|havana",
    "CZ": r"czech|czechia|prague",
    "DE": r"germany|german|berlin",
    "DK": r"denmark|danish|copenhagen",
    "DZ": r"algeria|algerian|algiers",
    "EC": r"ecuador|ecuadorian|quito",
    "EE": r"estonia|estonian|tallinn",
    "EG": r"egypt|egyptian|cairo",
    "ER": r"eritrea|eritrean|asmara",
    "ES": r"spain|spanish|madrid",
    "ET": r"ethiopia|ethiopian|addis ababa",
    "FI": r"finland|finnish|helsinki",
    "FR": r"france|french|paris",
    "GB": r"britain|british|united kingdom|(?-i:UK)|u\.k\.|london|downing street",
    "GE": r"georgia|georgian|tbilisi",
    "GN": r"(?<!new )(?<!equatorial )guinea(?!-bissau| pigs?| fowl| worms?)|guinean|conakry",
    "GH": r"ghana|ghanaian|accra",
    "GR": r"greece|greek|athens",
    "GT": r"guatemala|guatemalan",
    "HK": r"hong kong",
    "HN": r"honduras|honduran|tegucigalpa",
    "HT": r"haiti|haitian|port-au-prince",
    "HU": r"hungary|hungarian|budapest",
    "ID": r"indonesia|indonesian|jakarta",
    "IE": r"ireland|irish|dublin",
    "IL": r"israel|israeli|jerusalem|netanyahu",
    "IN": r"india|indian|new delhi|delhi",
    "IQ": r"iraq|iraqi|baghdad",
    "IR": r"iran|iranian|tehran",
    "IT": r"italy|italian|rome",
    "JO": r"jordanian|amman|(?-i:Jordan)(?! [A-Z])",
    "JP": r"japan|japanese|tokyo",
    "KE": r"kenya|kenyan|nairobi",
    "KG": r"kyrgyzstan|kyrgyz|bishkek",
    "KH": r"cambodia|cambodian|phnom penh|hun sen",
    "KP": r"north korea|n\. korea|pyongyang|north korean",
    "KR": r"south korea|s\. korea|south korean|seoul",
    "KW": r"kuwait|kuwaiti",
    "KZ": r"kazakhstan|kazakh|astana|almaty",
    "LB": r"lebanon|lebanese|beirut",
    "LK": r"sri lanka|sri lankan|colombo",
    "LT": r"lithuania|lithuanian|vilnius",
    "LV": r"latvia|latvian|riga",
    "LY": r"libya|libyan|tripoli",
    "MA": r"morocco|moroccan|rabat",
    "ML": r"mali|malian|bamako",
    "MM": r"myanmar|burma|junta|naypyitaw|naypyidaw",
    "MX": r"mexico|mexican",
    "MY": r"malaysia|malaysian|kuala lumpur",
    "NE": r"niger(?!ia)|nigerien|niamey",
    "NG": r"nigeria|nigerian|abuja",
    "NI": r"nicaragua|nicaraguan|managua|ortega",
    "NL": r"netherlands|dutch|the hague",
    "NO": r"norway|norwegian|oslo",
    "NP": r"nepal|nepalese|nepali|kathmandu",
    "NZ": r"new zealand|wellington",
    "PE": r"peru|peruvian|lima",
    "PH": r"philippines|philippine|manila",
    "PK": r"pakistan|pakistani|islamabad",
    "PL": r"poland|polish|warsaw",
    "PT": r"portugal|portuguese|lisbon",
    "QA": r"qatar|qatari|doha",
    "RO": r"romania|romanian|bucharest",
    "RU": r"russia|russian|moscow|kremlin|putin",
    "RW": r"rwanda|rwandan|kigali|kagame",
    "SA": r"saudi arabia|saudi|riyadh",
    "SD": r"sudan|sudanese|khartoum",
    "SE": r"sweden|swedish|stockholm",
    "SG": r"singapore|singaporean",
    "SN": r"senegal|senegalese|dakar",
    "SO": r"somalia|somali|mogadishu",
    "SV": r"el salvador|salvadoran|salvadorean",
    "SY": r"syria|syrian|damascus|assad",
    "TH": r"thailand|thai|bangkok",
    "TJ": r"tajikistan|tajik|dushanbe",
    "TN": r"tunisia|tunisian|tunis",
    "TR": r"turkey|turkish|turkiye|ankara|erdogan",
    "TW": r"taiwan|taiwanese|taipei",
    "UA": r"ukraine|ukrainian|kyiv|kiev",
    "UG": r"uganda|ugandan|kampala",
    "US": r"united states|u\.s\.|(?-i:US)|america|american|washington|white house|biden|trump",
    "UZ": r"uzbekistan|uzbek|tashkent",
    "VE": r"venezuela|venezuelan|caracas|maduro",
    "VN": r"vietnam|vietnamese|hanoi",
    "YE": r"yemen|yemeni|houthis?|sanaa",
    "ZA": r"south africa|south african|pretoria",
    "ZW": r"zimbabwe|zimbabwean|harare",
}
# (Lookarounds, not \b: a dotted "U.S." ends in a full stop.)
HOLDERS = {
    code: re.compile(rf"(?<![\w.])(?:{names})(?!\w)", re.I) for code, names in HOLDER_NAMES.items()
}

# Dotted abbreviations end in a full stop, where \b cannot stand: "the U.K. condemns".
_DOTTED = r"(?<![\w.])(?-i:U\.S\.|U\.K\.|U\.N\.|E\.U\.)"
_COUNTRY_WORDS = (
    r"(?-i:US|UK|EU|UN)|america|united states|britain|washington|london|ottawa|canberra|beijing|"
    r"moscow|tehran|paris|berlin|brussels|stockholm|tokyo|seoul|pyongyang|afghanistan|australia|"
    r"austria|bahrain|belarus|belgium|brazil|canada|china|cuba|denmark|egypt|eritrea|france|"
    r"georgia|germany|hong kong|india|iran|iraq|ireland|israel|italy|japan|jordan|kuwait|lebanon|"
    r"libya|mexico|myanmar|netherlands|new zealand|nicaragua|north korea|south korea|norway|oman|"
    r"pakistan|philippines|poland|qatar|russia|rwanda|saudi arabia|spain|sweden|switzerland|syria|"
    r"taiwan|thailand|turkey|turkiye|uae|emirates|ukraine|venezuela|vietnam|yemen|finland|estonia|"
    r"latvia|lithuania|"
    # (states beyond those the labelled sets began with: a new case is often held elsewhere)
    r"(?<!new )(?<!equatorial )guinea(?!-bissau| pigs?| fowl| worms?)|"
    r"nigeria|niger|kenya|uganda|ethiopia|sudan|somalia|zimbabwe|south africa|ghana|"
    r"senegal|mali|burkina faso|cameroon|congo|tanzania|zambia|algeria|morocco|tunisia|peru|"
    r"colombia|argentina|chile|bolivia|ecuador|guatemala|honduras|el salvador|haiti|cambodia|"
    r"laos|malaysia|indonesia|singapore|bangladesh|sri lanka|nepal|kazakhstan|kyrgyzstan|"
    r"uzbekistan|tajikistan|turkmenistan|azerbaijan|armenia|greece|cyprus|portugal|hungary|"
    r"romania|bulgaria|czech republic|serbia|kosovo|moldova|mongolia|panama|paraguay|uruguay|"
    # capitals that stand for their governments ("Kyiv alleged", "Riyadh rejected")
    r"kyiv|kiev|minsk|riyadh|ankara|cairo|doha|new delhi|islamabad|kabul|caracas|havana|manila|"
    r"bangkok|hanoi|jakarta|kuala lumpur|dhaka|tbilisi|baku|yerevan|abu dhabi|damascus|baghdad|"
    r"beirut|rome|warsaw|budapest|vienna|the hague|oslo|copenhagen|helsinki|dublin|"
    r"brasilia|bogota|buenos aires|nairobi|kigali|addis ababa|pretoria|abuja|managua|"
    r"tashkent|astana"
)
DEMONYMS = (
    r"american|british|canadian|australian|belgian|french|german|swedish|chinese|russian|iranian|"
    r"ukrainian|thai|qatari|omani|swiss|dutch|japanese|indian|egyptian|israeli|saudi|danish|"
    r"norwegian|irish|polish|italian|spanish|korean|venezuelan|turkish|"
    r"guinean|nigerian|kenyan|ugandan|ethiopian|sudanese|zimbabwean|ghanaian|senegalese|malian|"
    r"algerian|moroccan|tunisian|peruvian|colombian|argentine|chilean|bolivian|ecuadorian|"
    r"guatemalan|honduran|salvadoran|haitian|cambodian|malaysian|indonesian|bangladeshi|"
    r"pakistani|afghan|syrian|iraqi|lebanese|emirati|bahraini|kuwaiti|jordanian|palestinian|"
    r"azerbaijani|armenian|georgian|belarusian|kazakh|uzbek|tajik|greek|cypriot|portuguese|"
    r"hungarian|romanian|bulgarian|serbian|nicaraguan|cuban|mexican|brazilian|vietnamese|"
    r"burmese|filipino|nepalese|sri lankan|rwandan|eritrean|libyan|yemeni|"
    r"austrian|finnish|estonian|latvian|lithuanian|czech|scottish|welsh"
)
# A state named as the actor ("Australia sanctions ...", "the UK condemns ...").
STATES = re.compile(rf"{_DOTTED}|\b(?:{_COUNTRY_WORDS}|{DEMONYMS})\b", re.I)
# A number of years or months: the sentence's term, for "jailed for N years".
TERM = re.compile(r"\b" + NUM + r"[- ](?:more |additional |further )?(?:years?|months?)\b", re.I)
NOMINAL_BEFORE = re.compile(
    r"(?:\b(?:the|his|her|their|its)\s+(?:\w+\s+)?|'s\s+(?:\w+\s+)?)$", re.I
)
OF_AFTER = re.compile(r"^\s+(?:of|for|against|on)\b", re.I)
RELATIVE_BEFORE = re.compile(r"\b(?:who|whom|whose|which|that)\b", re.I)
# A person spoken of by role rather than name ("the Kremlin critic", "a Belgian aid worker").
DESCRIPTOR_WORDS = (
    r"activist|journalist|reporter|blogger|dissident|critic|opposition (?:figure|leader)|"
    r"laureate|winner|hero|founder|leader|ex-leader|president|official|ex-official|minister|"
    r"executive|execs?|businessman|businesswoman|engineer|worker|employee|soldier|veteran|"
    r"national|citizen|dual national|student|academic|scholar|researcher|economist|artist|"
    r"musician|writer|poet|lawyer|teacher|tourist|woman|man|girl|boy|mother|father|teenager|teen|"
    r"schoolgirl|schoolboy|"
    r"american|briton|canadian|australian|german|frenchman|detainee|prisoner|hostage|"
    r"defender|protester|protestor|star|athlete|player|priest|pastor|marine|rapper|tycoon|"
    r"dealer|smuggler|spy|criminal|murderer|lawyers|offender|sex offender|felon|killer|rapist|"
    r"fraudster|terrorist|mogul|magnate|billionaire|entrepreneur|politician|lawmaker|senator|"
    r"monk|cleric|filmmaker|director|actress|actor|singer|comedian|footballer|photographer|"
    r"editor|publisher|banker|investor|pensioner|nurse|doctor|professor|influencer|"
    # nationals named by a noun of their own: "detained Swede", "a jailed Dane"
    r"swede|dane|finn|turk|kurd|scot|brit|dutchman|dutchwoman|frenchwoman|englishman|"
    r"englishwoman|irishman|irishwoman|uyghur|uighur|couple"
)
DESCRIPTOR = re.compile(r"\b(?:" + DESCRIPTOR_WORDS + r")s?\b", re.I)
# What follows a release verb when something other than a person is released.
RELEASED_THING = re.compile(
    r"^\s+(?:by|details|a|an|its|new|video|footage|statement|report|figures|data|images?|"
    r"photos?|documents?|records?|findings|results|funds|information|names?|list)\b",
    re.I,
)
TO_CUSTODY_FORM = re.compile(
    r"^\s+(?:\w+\s+){0,2}(?:to|on|under|into)\s+(?:house arrest|bail|parole|medical)", re.I
)
# Others than the case as the ones it happens to: "two journalists were arrested", "father and
# son sentenced", "Victoria Bowman and others freed", "several of its editors were detained".
OTHERS = re.compile(
    r"\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|several|dozens?|scores|hundreds|"
    r"thousands|\d[\d,]*|many|more|other|fellow|some)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:people|men|women|persons|journalists|reporters|activists|protesters|protestors|"
    r"demonstrators|prisoners|detainees|inmates|citizens|nationals|foreigners|americans|britons|"
    r"students|editors|lawyers|members|officials|soldiers|employees|workers|others|colleagues|"
    r"defendants|suspects|critics|figures|dissidents|generals|officers|commanders|policemen|"
    r"guards|aides|allies|supporters|opponents|relatives)|"
    r"and (?:\w+ )?others|father and son|his son|her son|accomplices?|associates?)\b",
    re.I,
)
# The plural people a verb acts on: "releases high-profile foreign prisoners".
PEOPLE_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,3}?(?:people|men|women|journalists|activists|protesters|prisoners|"
    r"detainees|inmates|foreigners|nationals|citizens|americans|britons|students|others)\b",
    re.I,
)
NAME_AFTER = re.compile(r"^\W*(?:\w+\s+){0,2}[A-Z][a-z]+\s+[A-Z][a-z]+")

# A state, not an event: "serving a 33-year sentence", "remains under house arrest".
SERVING = re.compile(
    r"\b(?:serving|serves|served|currently|still|remain(?:s|ed)?|stay(?:s)?)\b", re.I
)
REMAINS_HELD = re.compile(
    r"\b(?:remain|remains|stay|stays|still|continue to be)\s+(?:\w+\s+){0,2}(?:under house arrest|"
    r"in (?:prison|jail|custody|detention)|behind bars|held|detained|jailed|imprisoned)|"
    r"\bpartial(?:ly)?\b|\bsome of the (?:offen[cs]es|charges|cases)\b",
    re.I,
)
# Words that make what follows a wish, plan or threat: "to halt the execution", "death threats".
PREVENTED = re.compile(
    r"\b(?:halt|stop|prevent|avert|block|avoid|escape|evade|evaded)\s+(?:\w+\s+){0,2}$", re.I
)
THREAT_AFTER = re.compile(
    r"^\s*(?:threats?|looms?|looming|fears?|risk|warning|plans?|bid|attempts?|warrants?)\b", re.I
)
SOUGHT = re.compile(
    r"\b(?:seek|seeks|sought|seeking|demand(?:s|ed)?|request(?:s|ed)?|ask(?:s|ed|ing)?\s+for)\b",
    re.I,
)
# A request of someone to act: "prosecutors are asking a court to sentence X to 20 years",
# "asked the judge to free him".
ASKED_TO = re.compile(
    r"\bask(?:s|ed|ing)?\s+(?:(?:an?|the)\s+)?(?:[\w'’-]+\s+){0,3}?to\s+"
    r"(?:sentence|jail|imprison|convict|release|free|grant)\b",
    re.I,
)
# The mention is the object of a preposition or verb, not the one it happens to.
GOVERNED_BEFORE = re.compile(
    r"\b(?:of|for|on|about|against|with|helping|help|helped|to|over|by|behind|from|like|"
    r"including|than)\s+(?:the\s+)?(?:\w+\s+){0,4}$",
    re.I,
)
CONSULAR_CONTEXT = re.compile(
    r"\b(?:consul\w*|ambassador|embassy|diplomat\w*|envoy|foreign (?:ministry|office|affairs)|"
    r"global affairs|state department)\b",
    re.I,
)

# What makes a trial an event rather than a topic ("trial opens", "goes on trial").
TRIAL_EVENT = re.compile(
    r"\b(?:begin|begins|began|begun|beginning|open|opens|opened|opening|start|starts|started|"
    r"resume|resumes|resumed|goes|go|went|gone|stand|stands|stood|put|puts|held|hold|holds|"
    r"close|closes|closed|conclude|concludes|concluded|end|ends|ended|underway|under way|"
    r"kicks off|kicked off|kicking off|kick off|"
    r"testif\w+|hearing|appear\w*|day|covert|secret|closed-door|convicted|sentenced|"
    # A trial under way, told by its parts: "a juror was dismissed in X's trial", "the
    # five-week trial of X", "evidence in the X trial".
    r"jurors?|jury|witness(?:es)?|testimony|evidence|\w+-(?:day|week|month))\b",
    re.I,
)

# A government's stance on or act about a case, in its own words or the news's: "deeply
# troubled", "condemns", "presses Russia to release", "met the family", "politically motivated".
STANCE = re.compile(
    r"\b(?:concern(?:s|ed)?|troubl\w*|condemn\w*|urg(?:e|es|ed|ing)|press(?:es|ed|ing)?|"
    r"call(?:s|ed|ing)? (?:on|for)|appeal(?:s|ed)? for|rais(?:e|es|ed|ing)|meet(?:s|ing)?|met|"
    r"speak(?:s|ing)?|spoke|"
    r"talks?|designat\w+|summon\w*|protest(?:s|ed)?|demand(?:s|ed)?|criticis\w+|criticiz\w+|"
    r"slam(?:s|med)?|denounc\w+|decr(?:y|ies|ied)|unjust|unlawful|arbitrar\w+|absurd|"
    r"outrag\w+|deplor\w+|regret\w*|dismay\w*|disappoint\w*|alarm\w*|shock\w*|sham|hopeful|"
    r"optimistic|"
    r"politically motivated|wrongful\w*|negotiat\w+|lobb\w+|interven\w+|abusive|barbaric|"
    r"tortur\w+|"
    # a demand in its words: "X must be released, says PM", "India must end X's detention"
    r"(?:must|should|needs?\s+to|has\s+to|ought\s+to)\s+(?:be\s+)?(?:released|freed|free|"
    r"release|end|drop|dropped|returned|allowed))\b",
    re.I,
)

# A state by name as the actor ("Australia sanctions", "the UK condemns"): countries and capitals,
# not demonyms ("Russian doctors call for ..." is no government).
COUNTRIES = re.compile(rf"{_DOTTED}|\b(?:{_COUNTRY_WORDS})\b", re.I)

# What is sought, discussed or offered is not done: "negotiate the release", "advocate for his
# freedom", "explore prisoner swaps", "a swap deal", "wait for a release decision".
PURSUIT_BEFORE = re.compile(
    # "for his release", but not a duration: "held hostage for years in Niger released".
    r"\b(?:for(?!\s+(?:(?:more than|over|nearly|almost|about|some|\w+)\s+)?"
    r"(?:years?|months?|weeks?|days?|decades?|hours?)\b)|"
    # (not "Hostage Negotiator Details the Release of X": a person, not a pursuit)
    # (but "secured the release of X", "won her release": done)
    r"negotiat(?!ors?\b)\w*|secur(?!ed\b)\w*|seek\w*|sought|pursu\w*|discuss\w*|advoca\w*|demand\w*|"
    r"explor\w*|efforts?|talks?|campaign(?:s|ed|ing)?|push\w*|press\w*|include|includ\w+|wait\w*|"
    r"lobb\w*|bid|possible|potential|planned|proposed|offer\w*|win|winning|urg\w+|"
    r"focus\w*|aim(?:s|ed|ing)?|dedicat\w+|devot\w+|committed|"
    r"await\w*|hopes?|hoping|hopeful|optimistic|sought|toward\w*|into|interest(?:ed|s)?|"
    r"work(?:s|ed|ing)?(?=\s+(?:on|to|toward|towards)\b)|"
    # "Russia signals openness to a prisoner swap", "ready for an exchange"
    r"openness|readiness|willingness|ready|willing)\s+(?:[\w'’]+\s+){0,3}$",
    re.I,
)
# A call listing what it demands, the release last: "calling for a national strike, fresh
# elections and the release of X"; talks about it: "talking to Russia about X and Y release".
PURSUIT_LISTED = re.compile(
    r"\b(?:call(?:s|ed|ing)? for|demand(?:s|ed|ing)?|urg(?:e|es|ed|ing))\s+[^.;:!?]{0,80}?"
    r"\band\s+(?:for\s+)?(?:the\s+)?$|"
    r"\btalk(?:s|ed|ing)?\s+(?:(?:to|with)\s+[\w'’.]+\s+)?about\s+(?:[\w'’]+\s+){0,6}$",
    re.I,
)
PURSUIT_AFTER = re.compile(
    r"^\s+(?:deals?|talks|negotiations?|offers?|proposals?|decisions?|efforts?|bids?|hopes?|"
    r"campaign|plans?|looms?)\b",
    re.I,
)
ON_CONDITIONS = re.compile(
    r"^\s+(?:[\w'’-]+\s+){0,7}?(?:from\s+(?:\w+\s+)?(?:prison|jail|custody)\s+)?"
    r"(?:on\s+(?:[\w$£€.,-]+\s+){0,3}?(?:bail|bond|recognizance|parole|furlough|medical|leave)|"
    r"under\s+judicial\s+(?:control|supervision)|"
    r"pending\s+(?:(?:his|her|their|the|a|an)\s+)?(?:trial|investigation|outcome|appeal)|"
    r"(?:and\s+)?(?:placed|put)\s+under\s+['‘\"“]?(?:house\s+arrest|residential\s+surveillance|"
    r"judicial)|"
    r"to\s+house arrest|"
    r"into\s+house arrest|under\s+house arrest)",
    re.I,
)
