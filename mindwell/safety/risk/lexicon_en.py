"""English rules for an imminent danger to the writer: intent, methods, plans and means,
goodbyes, overdose and self-harm happening now. Ideation, self-harm and past attempts
(usually elevated) are in lexicon_en_ideation.py, other people in lexicon_en_others.py,
the weak cues that only count together in cues.py.

Patterns run on normalise()d text: lower case, accents and curly quotes folded, "wanna" ->
"want to", "im" -> "i'm", single spaces. Style: bounded gaps only (`(?:\\w+ ){0,2}`), no
nested open-ended repetition, so no input can make a pattern backtrack badly.
"""

from __future__ import annotations

from mindwell.safety.risk.model import RiskLevel
from mindwell.safety.risk.rule import (
    FIRST,
    LOGISTICS,
    META,
    PROFESSIONAL,
    RECOVERY,
    RELATIONSHIP,
    REPORTED,
    SPEECH,
    Rule,
    alt,
    rule,
)

CRISIS = RiskLevel.CRISIS
PAST = SPEECH | {RECOVERY}

# "kill myself" as an idiom for overwork or self-reproach ("killing myself at work",
# "I could kill myself for forgetting").
_KILL_IDIOM = (
    r"(?! (?:laughing|with laughter|at (?:work|the gym|the office|practice)|trying|working|"
    r"studying|to (?:get|make|finish|meet|keep|please|pay|lose|impress|be)|over (?:a|an|the|"
    r"this|that|it|work|nothing)|for (?:(?:a|the|this|that|my) (?:job|grade|exam|company|"
    r"boss|project|test|class|degree|living|paycheck|promotion|team|client)|nothing|\w+ing)\b|"
    r"if i (?:have|had) to|doing))"
)
# Ways of killing oneself, in base or -ing form ("want to end my life", "thinking of ending
# my life"). Past forms are deliberately absent: "killed myself" is a game or an idiom.
KILL_SELF = (
    "(?:"
    + alt(
        r"kill(?:ing)? my ?self" + _KILL_IDIOM,
        r"end(?:ing)? (?:my (?:own )?life|it all|my ?self|my existence|this life|my suffering "
        r"for good)",
        r"tak(?:e|ing) my (?:own )?life",
        r"commit(?:ting)? suicide",
        r"unaliv(?:e|ing)(?: my ?self)?\b(?! (?:him|her|them|you))",
        r"(?:off|hang|drown|poison|gass?)(?:ing)? my ?self",
        r"shoot(?:ing)? my ?self(?! in the (?:foot|leg))",
        r"slit(?:ting)? my (?:wrists?|throat)",
        r"delet(?:e|ing) my ?self|self[- ]?delet(?:e|ing)|sewer ?slide",
        r"blow(?:ing)? my (?:brains|head) (?:out|off)",
        r"put(?:ting)? a bullet (?:in|through) my (?:head|brain|skull)|eat(?:ing)? a bullet",
        r"starv(?:e|ing) my ?self to death",
        r"kms\b(?<!\d kms)|ctb\b",
    )
    + ")"
)
# Intent before a method, in base or -ing form: "going to jump", "thinking of jumping".
INTENT = (
    r"(?:(?:want(?:ing)?|going|plan(?:ning)?|about|ready|tempted|decided|need|urge) to |"
    r"(?:thinking|think) (?:of|about) |(?:will|'ll|might|should) )"
)
# Up to two words that are neither a negator nor someone else ("i'm really suicidal").
GAP = (
    r"(?:(?![\w']*n't\b|not\b|never\b|no\b|he\b|she\b|they\b|you\b|my\b|his\b|her\b)"
    r"[\w']+ ){0,2}"
)
NOT_SUICIDAL_NOUN = (
    r"(?! (?:thoughts?|ideation|feelings?|urges?|ideas?|clients?|patients?|people|"
    r"behaviou?r|tendenc\w*|risk|teens?|youth|crisis|friends?|person|individuals?|"
    r"episodes?|depression|pace|move|mission))"
)
SH_CONTEXT = (
    r"\b(?:cut(?:ting)? (?:my ?self|my (?:arms?|wrists?|legs?|thighs?|skin))|cutting|"
    r"self[- ]?harm\w*|blade|razor|sh\b|burn(?:ed|t|ing)? my ?self|wrists?|scars?)"
)
PILLS = (
    r"(?:pills?|tablets?|meds|medications?|medicine|sleeping pills|painkillers|paracetamol|"
    r"tylenol|acetaminophen|ibuprofen|aspirin|xanax|benzos?|insulin|antidepressants|"
    r"sertraline|prozac|lithium|seroquel|quetiapine|oxy\w*|opioids|bottle|packets?|boxes|"
    r"capsules)"
)
# "I take all my meds every morning" is a routine, not an overdose.
_NOT_ROUTINE = (
    r"(?! (?:a|per|each|every) (?:day|week|night|morning)| (?:this|today|yesterday|on time|"
    r"for the|as|like|every|each|before|after|in the|at (?:\d|night|bedtime|breakfast|lunch|"
    r"dinner)|regularly|daily|properly|correctly|with (?:food|water)|for (?:my|the|a) "
    r"(?:headache|migraine|pain|back|period|cramps|cold|flu|fever|tooth)))"
)
_PLACES = (
    r"(?:bridge|building|roof|balcony|cliff|tower|window|ledge|train|express|bus|car|truck|"
    r"lorry|subway|tube|tram|metro|traffic|river|sea|lake|tree|wall|motorway|highway|"
    r"car park|parking (?:garage|lot|structure)|multi-storey|overpass|flyover|block of "
    r"flats|tower block|platform|road|embankment|pier|dock|quay|railway|tracks)"
)

RULES: tuple[Rule, ...] = (
    rule("explicit-intent", CRISIS, r"\b" + KILL_SELF, guards=SPEECH | {META}),
    rule(
        "explicit-intent",
        CRISIS,
        alt(
            r"\b(?:want(?:ing)?|need|ready|wish|decided|plan(?:ning)?|long(?:ing)?|"
            r"pray(?:ing)?|just want) to (?:die|be dead)\b(?! (?:of|from|in (?:my|his|her) "
            r"sleep|laughing|alone|happy|old|peacefully|with dignity|someday|one day|in \d|"
            r"at \d|for))",
            r"\b(?:don't|do not|no longer|doesn't|does not) (?:really |even )?(?:want|wish|"
            r"care) to (?:live|be alive|stay alive|keep living|go on living|be living)\b"
            r"(?! (?:like this|with|in|together|here|there|near|at|alone|without|on|under|for))",
            r"\b(?:seriously )?(?:consider(?:ing)?|contemplat(?:e|ing)|plan(?:ning)?|"
            r"decided on) (?:my )?suicide\b",
        ),
        person=FIRST,
    ),
    rule(
        "suicidal",
        CRISIS,
        r"(?:\b(?:i'm|i am|feel|feels|feeling|getting|becoming|been|am) " + GAP + r"|(?<![^\n]))"
        r"\bsuicidal\b" + NOT_SUICIDAL_NOUN + r"(?! (?:in the past|before|when i was|as a))",
        person=FIRST,
    ),
    rule(
        "method",
        CRISIS,
        alt(
            r"\b" + INTENT + r"(?:jump(?:ing)?|throw(?:ing)? my ?self|step(?:ping)?|"
            r"walk(?:ing)?|driv(?:e|ing)(?: my car)?|crash(?:ing)?(?: my car)?) (?:off|from|"
            r"in front of|under|into|onto) (?:a|an|the|my|this|that|oncoming|some|next) "
            r"(?:[\w-]+ ){0,2}?" + _PLACES + r"\b",
            r"\b" + INTENT + r"(?:crash|wreck|wrap)(?:ing)? my (?:car|bike|motorbike)\b",
            r"\b" + INTENT + r"(?:walk|swim|wade)(?:ing)? (?:into|out into) the (?:sea|ocean|"
            r"river|lake|water)\b",
            r"\b" + INTENT + r"(?:drink(?:ing)?|swallow(?:ing)?) (?:bleach|antifreeze|poison|"
            r"rat poison|drain cleaner)\b",
            r"\b" + INTENT + r"(?:take an? |taking an? )?overdos(?:e|ing)\b",
            r"\b" + INTENT + r"(?:swallow|take|down|neck)(?:ing)? (?:all|everything|every pill|"
            r"the whole|the rest of|a whole)(?: [\w']+){0,4}? (?:pills|tablets|meds|medicine|"
            r"medication|bottle|cabinet|drawer|box|packet)\b",
        ),
        person=FIRST,
    ),
    rule(
        "plan",
        CRISIS,
        alt(
            r"\b(?:wrote|written|writing|write|finished|left|drafted|drafting) (?:my|a|the) "
            r"(?:suicide|goodbye|farewell) (?:note|letter|message|text|post|video|email)s?\b",
            r"\b(?:bought|buying|got|have|found|tied|tying|made|making|prepared|set up|hung|"
            r"hanging) (?:a|the|my) noose\b|\b(?:tie|tying|make|making) a noose\b|\bnoose "
            r"(?:is )?(?:ready|up|around my neck)",
            r"\b(?:stockpil|hoard|collect|stash|sav)(?:e|ed|ing) (?:up )?(?:my |all my |enough "
            r"|some |these )?(?:pills|meds|medication|tablets|sleeping pills|painkillers|"
            r"insulin|antidepressants|opioids)\b",
            r"\b(?:have|got|saved|collected|bought) enough (?:\w+ ){0,2}(?:pills|tablets|meds|"
            r"medication|insulin|paracetamol|sleeping pills|painkillers|morphine|heroin|"
            r"fentanyl) to (?:do it|die|end it|kill my ?self|overdose|not wake up)\b",
        ),
        person=FIRST,
        guards=PAST,
    ),
    rule(
        "means-at-hand",
        CRISIS,
        alt(
            r"\b(?:gun|pistol|rifle|barrel) (?:is )?(?:in my mouth|to my head|against my "
            r"(?:head|temple|chest))",
            r"\b(?:pills|rope|blade|razor|gun|noose) (?:is|are) (?:ready|in front of me|next "
            r"to me|beside me|laid out|in my hand)",
            # A ligature set up: "a belt tied to the wardrobe".
            r"\b(?:belt|rope|cord|scarf|sheet|cable|noose) (?:is )?(?:tied|fastened|attached|"
            r"hung|set up|knotted) (?:to|around|on|from|over) (?:the|a|my) (?:wardrobe|door|door "
            r"handle|banister|bannister|beam|ceiling|rail|railing|tree|hook|bed|loft hatch)\b",
            # On a bridge or a roof may be sightseeing (a plan cue, cues.py); on the edge, a
            # ledge or the tracks is not.
            r"\b(?:standing|sitting|i'm|i am) (?:on|at) (?:the )?(?:edge of (?:a|the) (?:\w+ )?"
            r"(?:bridge|roof|rooftop|cliff|building|platform)|ledge|train tracks|railway tracks|"
            r"railway line|cliff edge)(?: [\w']+){0,4}? (?:right now|now|as i (?:type|write))\b",
        ),
    ),
    rule(
        "method-research",
        CRISIS,
        alt(
            r"\bhow (?:many|much) (?:\w+ ){0,3}(?:pills|tablets|mg|milligrams|grams|"
            r"paracetamol|tylenol|ibuprofen|insulin|sleeping pills)(?: \w+){0,5} (?:to|would|"
            r"will|does it take to|it takes to|before) (?:die|kill (?:me|you|someone|a person)|"
            r"overdose|be fatal|be lethal|end it|stop (?:my|your|a) heart|not wake up|never "
            r"wake up|sleep forever)",
            r"\b(?:lethal|fatal|deadly) (?:dose|amount|quantity) of\b",
            r"\b(?:painless|quick|quickest|easiest|best|fastest|surest|most painless|least "
            r"painful|easy|reliable|peaceful)(?:est)? (?:way|ways|method|methods) (?:to|of) "
            r"(?:die|dying|kill (?:my ?self|yourself|oneself)|end (?:my|it|one's|your) ?(?:life|"
            r"all)?|commit suicide|suicide)\b",
            r"\b(?:researching|looking up|looked up|googling|googled|searching|searched|"
            r"reading about) (?:how to|ways to|methods (?:of|to)|the best way to) (?:die|kill "
            r"my ?self|overdose|tie a noose|end my life)\b",
            r"\bhow to (?:tie a noose|commit suicide|end my life|hang my ?self)\b",
            r"\bhow long does it take to (?:bleed out|suffocate|drown)\b",
        ),
        person=FIRST,
        guards=SPEECH | {PROFESSIONAL, META},
    ),
    rule(
        "end-it",
        CRISIS,
        alt(
            r"\b(?:want|going|ready|decided|plan(?:ning)?|need|about|gonna) to end (?:it|things)"
            r"(?: (?:now|tonight|today|for good|once and for all|soon))?\b(?! (?:with|between|"
            r"before|after|and go|early|there|here|off|on a))",
            r"\b(?:i'm|i am) ending (?:it|things|it all)(?: (?:all|tonight|today|tomorrow|soon|"
            r"now|this weekend|this week))\b",
        ),
        person=FIRST,
        guards=SPEECH | {RELATIONSHIP},
    ),
    rule(
        "goodbye",
        CRISIS,
        alt(
            r"\bthis (?:is|will be|'ll be|is going to be) (?:my|the) (?:last|final) (?:post|"
            r"message|note|goodbye|words|entry)\b(?! (?:before|for (?:a while|now|today|"
            r"tonight|this|the|a bit)|here (?:before|for)|of the|in this|on this|about|until|"
            r"till|of (?:this|the)))",
            r"\b(?:this is|consider this) (?:my|a) (?:goodbye|farewell|suicide note|last "
            r"goodbye)\b",
            r"\bgoodbye (?:forever|world|cruel world)\b",
            r"\bby the time (?:you|anyone|someone|people|you guys|somebody) (?:read|reads|see|"
            r"sees|find|finds|get|gets) this\b",
        ),
        guards=SPEECH | {LOGISTICS},
    ),
    rule(
        "finality",
        CRISIS,
        alt(
            r"\b(?:won't|will not|not going to|wont) be (?:around|here|alive) (?:much longer|"
            r"for much longer|for long|much more|anymore|any more|(?:in|by) the morning|by "
            r"morning)\b",
            r"\bwon't be alive (?:by|tomorrow|next)",
            r"\b(?:you|they|everyone|nobody|no one|people|you guys|you all) (?:won't|will not|"
            r"will never|won't ever|will no longer) (?:have to )?(?:hear from|see|deal with|"
            r"worry about|put up with|be bothered by) me (?:again|anymore|any more|ever again|"
            r"much longer)\b",
            r"\b(?:won't|will not|will no longer|won't have to) be a burden (?:to (?:\w+ ){1,2})?"
            r"(?:anymore|any more|much longer|for (?:much )?longer|for long|soon)\b",
            r"\b(?:soon|finally) (?:i )?(?:won't|will not|will no longer) be a burden\b",
            r"\b(?:my|this is my) last (?:night|day|hours?|week) (?:on (?:this )?earth|alive|of "
            r"(?:my )?life)\b",
        ),
        guards=SPEECH | {LOGISTICS},
    ),
    rule(
        "overdose",
        CRISIS,
        r"\b(?:took|swallowed|taken|take|downed|popped|chugged|overdosed on|od'?d on|taking|"
        r"swallowing|necked) (?:(?:like|about|around|maybe|roughly|over|nearly|almost|at "
        r"least) )?(?:all|every(?:thing)?|the (?:whole|entire|rest of (?:the|my))|(?:a|an) "
        r"(?:whole|full|entire|handful|bunch|lot|fistful|load|ton|box|pack|packet|strip|"
        r"bottle)|half (?:a|the)|\d{2,}|twenty|thirty|forty|fifty|sixty|a hundred|dozens|"
        r"loads|lots)(?: of)?(?: my| the| his| her| their| our| these| those)?(?: (?!mg\b|"
        r"mcg\b|ml\b|milligrams?\b|grams?\b|g\b|units?\b|years?\b|months?\b|weeks?\b|days?\b)"
        r"[\w']+){0,4}? " + PILLS + r"\b" + _NOT_ROUTINE,
        person=REPORTED,
        guards=PAST,
    ),
    rule(
        "overdose",
        CRISIS,
        r"\b(?:i(?:'ve| have)? (?:just )?(?:overdosed|od'?d)|(?:i'm|i am) (?:overdosing|"
        r"od'?ing)|(?:took|taken|take|taking) an? overdose)\b",
        person=FIRST,
        guards=PAST,
    ),
    rule(
        "self-harm-active",
        CRISIS,
        alt(
            r"\b(?:i'm|i am|am) (?:cutting|burning|hurting) (?:my ?self )?(?:right now|now|as "
            r"i (?:type|write))\b",
            r"\b(?:cut|cutting|went) (?:way )?too deep\b",
            r"\b(?:holding|have) (?:a|the|my) (?:blade|razor|knife) (?:right now|in my hand|to "
            r"my (?:wrist|arm|skin))",
        ),
    ),
    rule(
        "self-harm-active",
        CRISIS,
        alt(
            r"\b(?:won't|will not|can't|doesn't|does not|isn't|not) stop(?:ping)? bleeding\b",
            r"\bbleeding (?:a lot|heavily|badly|everywhere|so much|through)\b",
            r"\b(?:need|needs|might need|probably need) stitches\b|\bblood everywhere\b",
        ),
        requires=SH_CONTEXT,
    ),
)
