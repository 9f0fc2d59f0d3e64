"""English cues: phrases that are no risk on their own but add up (engine.combine()).

"I have a plan", "please look after my cat" or "I can't do this anymore" appear in
ordinary posts every day. Next to suicidal ideation, or to each other, they are a goodbye
or a plan: a plan or goodbye with ideation is a crisis, two goodbye cues are a crisis, two
hopelessness or burden cues are elevated. Thanks and love ("thank you for everything, love
you all") are the weakest: two of them are a grateful member, not a goodbye. Spanish,
French and German cues live with their language's rules in lexicon_intl.py.
"""

from __future__ import annotations

from mindwell.safety.risk.model import Reason, RiskLevel
from mindwell.safety.risk.rule import (
    APOLOGY,
    BURDEN,
    CONDITIONAL,
    FAREWELL,
    GOODBYE,
    HOPELESS,
    JOKE,
    LOGISTICS,
    NEGATION,
    PLAN,
    RESOLVE,
    SELF,
    SPEECH,
    Rule,
    alt,
    cue,
)

RULES: tuple[Rule, ...] = (
    cue(
        HOPELESS,
        alt(
            r"\b(?:can't|cannot|can not) (?:do|take|handle|bear|stand) (?:this|it|life|this "
            r"life|any of this|the pain) (?:anymore|any more|much longer)\b",
            r"\b(?:can't|cannot|can not) (?:go on|keep going|carry on)\b",
            r"\b(?:can't|cannot) (?:keep|carry on|go on) (?:living|going) like this\b",
            r"\bnothing matters (?:anymore|any more)\b",
            r"\b(?:there's|there is|i see|i have|there's just) no (?:way out|hope|future|point "
            r"(?:anymore|in (?:anything|trying|living|going on))|light at the end)\b",
            r"\b(?:the )?(?:only|no other) way out\b",
            r"\bnothing (?:will ever|is ever going to|ever|is going to) (?:get|gets|be|change) "
            r"(?:better|okay|ok|different)\b",
            r"\b(?:lost all|zero) hope\b",
            r"\b(?:feel|feeling|i'm|am|so|completely|utterly) hopeless\b(?! (?:about|at|with|"
            r"when))",
            r"\bgive up on (?:life|everything|living|myself)\b|\bdead inside\b",
            r"\b(?:done|finished) with (?:life|living|everything|it all|this life|existing)\b",
            r"\b(?:tired|exhausted|sick) of (?:everything|fighting|trying|struggling|being me|"
            r"this life|it all)\b",
            r"\b(?:nobody|no one|no-one) (?:would|will|'d) (?:even )?(?:care|notice|miss me)\b",
            r"\b(?:nobody|no one) cares (?:about me|if i)\b",
            r"\b(?:i'm|i am|feel) (?:so |completely |utterly |totally )?(?:worthless|useless)\b",
            r"\bi hate (?:my life|myself|being alive|existing)\b",
            r"\beverything (?:is|feels) (?:pointless|hopeless|meaningless)\b",
        ),
    ),
    cue(
        BURDEN,
        alt(
            r"\b(?:i'm|i am|feel like|i feel|being|just|nothing but|only) (?:such |just |only |"
            r"nothing but |a huge |a massive |a total )?a burden\b",
            r"\bburden (?:to|on|for) (?:everyone|everybody|my (?:family|parents|friends|partner|"
            r"kids)|them|people|those around me)\b",
            r"\b(?:don't want to|tired of|hate) be(?:ing)? a burden\b",
            r"\b(?:a|just a) (?:weight|drain|problem|inconvenience) (?:on|to|for) (?:everyone|"
            r"everybody|my family|them|people|those around me)\b",
            r"\bwaste of (?:space|oxygen|air)\b",
        ),
    ),
    cue(
        FAREWELL,
        alt(
            r"\b(?:thanks|thank you) (?:all |everyone |guys |so much )?for everything\b",
            r"\bthank you (?:all |so much )?for (?:being (?:so )?(?:kind|good) to me|all you've "
            r"done for me)\b",
            r"\b(?:wanted|want|just wanted) to say (?:thank you|thanks)\b",
            r"\blove you all\b",
            r"\b(?:paid off|settled|sorted out) (?:what i owe|my debts|everything i owe|my "
            r"affairs)\b|\bput my affairs in order\b",
        ),
        person=SELF,
        guards=SPEECH | {LOGISTICS},
    ),
    # A bare apology ending a message: "...and that I'm sorry."
    cue(APOLOGY, r"\bi'm (?:so |really )?sorry(?= ?(?:[.!]|$|\n))", person=SELF),
    cue(
        GOODBYE,
        alt(
            r"\b(?:wanted|want|just wanted) to say (?:sorry|goodbye)\b",
            r"\b(?:time to|wanted to|want to|just wanted to) say goodbye\b|\bsaying my goodbyes\b",
            r"\b(?:i'm|i am) (?:so )?sorry for everything\b|\bplease forgive me\b",
            r"\bsorry to (?:everyone|all of you|anyone|everybody) (?:i (?:let down|hurt|"
            r"disappointed)|i've (?:let down|hurt|disappointed))\b",
            r"\b(?:goodbye|farewell|bye) (?:everyone|everybody|all|guys|friends|forever)\b",
            # "Goodbye." as a sentence of its own, or opening a line.
            r"(?<![^\n])\b(?:goodbye|farewell)\b",
            r"(?:^|(?<=[.!?\n] ))\b(?:goodbye|farewell|bye)(?= ?(?:[.!]|$|\n))",
            r"(?<!in )(?<!on )(?<!to )(?<!of )\bmy (?:last|final) (?:message|words|goodbye)\b",
            r"\bwon't be (?:here|around|alive) (?:tomorrow|next week|much longer)\b",
            r"\bwon't (?:make it|see) (?:through )?(?:the night|tomorrow|another day)\b",
            r"\b(?:please )?(?:take care of|look after|feed|find a home for) my (?:cats?|dogs?|"
            r"kids|children|pets?|babies|plants|fish)\b",
            r"\btell (?:my (?:\w+ ){0,2}|them |her |him |everyone )?(?:that )?i (?:love|loved|"
            r"am sorry|'m sorry)\b",
            r"\bthis is the end\b|\bit's (?:all )?over (?:for me|now)\b",
            r"\b(?:gave|giving|given|rehomed|rehoming) (?:away )?my (?:dog|cat|pets?|hamster|"
            r"rabbit|bird) (?:to|away)\b",
            r"\b(?:written|wrote|left) (?:everything|it all|instructions|letters?|notes?|my "
            r"passwords) (?:down )?for (?:my (?:family|kids|children|son|daughter|brother|sister|"
            r"mum|mom|dad|parents|wife|husband|partner)|everyone)\b",
            r"\b(?:don't|do not|please don't) (?:try to |come )?(?:find|look for|search for) me\b"
            r"(?! (?:on|at|in|there|later|after))",
            r"\bmade (?:my )?peace with (?:it|my decision|dying|everything|leaving)\b",
            r"(?<![\w ])\b(?:i'm )?(?:so )?sorry,? (?:mum|mom|mam|dad|mummy|daddy|mum and dad|mom "
            r"and dad)\b",
            r"\b(?:gave|giving|given) away (?:all )?my (?:\w+ )?(?:things|stuff|belongings|"
            r"possessions|cat|dog|games|clothes)\b",
            r"\bsee you (?:all )?(?:on the other side|in (?:the )?(?:next life|another life|"
            r"heaven))\b",
            r"\b(?:i'm|i am) at peace with (?:my decision|it now|what i'm about to do)\b",
        ),
        person=SELF,
        guards=SPEECH | {LOGISTICS},
    ),
    cue(
        RESOLVE,
        alt(
            r"\b(?:i'm )?not going to stop (?:this time|now)\b",
            r"\b(?:should|will|ought to|would) be enough (?:this time|to (?:do it|finish it|end "
            r"it|die|not wake up))\b",
            r"\b(?:look|looks|seem|seems) like an accident\b|\bwasn't an accident\b",
            r"\bthis time (?:for real|i mean it|i'll do it|it's for real)\b|\bi mean it this "
            r"time\b",
            r"\b(?:no one|nobody) (?:can|will|is going to) stop me\b",
            r"\b(?:while|when|once|after|now) everyone(?:'s| is) asleep\b",
            r"\bso (?:nobody|no one|they) (?:would|will|could|wouldn't|won't) (?:get suspicious|"
            r"notice|find (?:me|out)|stop me|know|suspect)\b",
            r"\b(?:don't|do not) think i'm coming back\b",
            r"\b(?:i'm|i am) (?:not|never) coming back\b(?! (?:to|here|from|on))",
            r"\bwon't be coming back\b(?! (?:to|here|from|on))",
        ),
        person=SELF,
        guards=SPEECH | {LOGISTICS},
    ),
    cue(
        PLAN,
        alt(
            r"\b(?:have|made|got|worked out|figured out) (?:a|the|my) (?:plan|method|date)\b"
            r"(?! (?:to|for|with|of|b))",
            r"\b(?:tonight|today)(?:'s| is| will be) the (?:night|day)\b",
            r"\b(?:going to|will|'ll|ready to|about to|decided to|want to) do it (?:tonight|"
            r"today|tomorrow|this weekend|soon|now|this week|after (?:work|school|everyone|"
            r"they))\b",
            r"\b(?:going to|will|'ll|ready to|about to|decided to) (?:go through with it|make "
            r"sure of it|get it over with|finish it)\b",
            r"\b(?:have|got) everything (?:ready|planned|sorted|in place)\b",
            r"\b(?:picked|chosen|chose|set|decided on) (?:a|the) (?:date|day|time|spot|place|"
            r"method)\b(?! (?:for|of|to))",
            r"\b(?:have|got|bought|holding|loaded|found) (?:a |the |my |my (?:dad|father|"
            r"husband)'s |his )?(?:gun|pistol|rifle|rope|razor|razor blades?|blades?|cord|belt "
            r"ready)\b",
            r"\b(?:i'm|i am) ready to go\b(?! (?:to|home|out|back|shopping|on))",
            r"\b(?:i'm|i am|standing|sitting|stood|sat) (?:standing |sitting )?(?:on|at|near|by) "
            r"(?:the|a) (?:edge of (?:the|a) )?(?:\w+ )?(?:bridge|ledge|roof|rooftop|tracks|edge|"
            r"cliff|cliff path|platform)\b",
            r"\b(?:bought|buying|stocking up on|stocked up on|gathered|got) (?:\w+ ){0,2}"
            r"(?:paracetamol|tylenol|pills|tablets|painkillers|sleeping pills|aspirin|ibuprofen|"
            r"insulin)\b(?: (?:\w+ ){0,4}(?:different|several|separate|many) (?:shops|stores|"
            r"pharmacies|chemists))?",
            r"\b(?:pills|meds|tablets) (?:are|is) (?:ready|laid out|lined up|counted)\b",
            r"\bcounting (?:out )?(?:my |the |all my )?(?:pills|tablets|meds)\b",
            r"\b(?:tonight|today|tomorrow),? i'm (?:finally )?going to do it\b|\bfinally going to "
            r"do it\b",
            r"\b(?:wrote|updated|made) (?:my|a) will\b",
        ),
        guards=SPEECH | {NEGATION, CONDITIONAL, JOKE},
    ),
)

# Rules meaning the writer is thinking of dying; next to a plan or a goodbye, a crisis.
IDEATION = frozenset(
    {"passive-ideation", "ideation", "burden", "suicidal", "explicit-intent", "grief-reunion"}
)


def combine(found: dict[str, dict[str, int]], ideation: bool) -> list[tuple[int, Reason]]:
    """Reasons from cues that add up. `found` maps a cue tag to {phrase: position};
    `ideation` says whether an ideation rule (IDEATION) was accepted in the same post."""
    out: list[tuple[int, Reason]] = []
    plan, goodbye, resolve = found.get(PLAN, {}), found.get(GOODBYE, {}), found.get(RESOLVE, {})
    farewell, sorry = found.get(FAREWELL, {}), found.get(APOLOGY, {})
    weak = {**farewell, **sorry}
    low = {**found.get(HOPELESS, {}), **found.get(BURDEN, {})}
    crisis, elevated = RiskLevel.CRISIS, RiskLevel.ELEVATED
    if plan and (ideation or low or goodbye or resolve or farewell):
        out += [(pos, Reason("plan-in-context", p, crisis)) for p, pos in plan.items()]
    if resolve and (ideation or goodbye):
        out += [(pos, Reason("resolve-in-context", p, crisis)) for p, pos in resolve.items()]
    if goodbye and (ideation or low or len(goodbye) >= 2 or weak or plan):
        out += [(pos, Reason("goodbye-message", p, crisis)) for p, pos in goodbye.items()]
    if (
        (farewell and (ideation or low or goodbye or plan))
        or (sorry and (ideation or goodbye or plan))
        or len(weak) >= 3
    ):
        out += [(pos, Reason("goodbye-message", p, crisis)) for p, pos in weak.items()]
    if len(low) >= 2:
        out += [(pos, Reason("hopelessness", p, elevated)) for p, pos in low.items()]
    return out
