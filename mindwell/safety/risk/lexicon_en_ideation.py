"""English rules for concerning but not (yet) imminent risk to the writer: suicidal
ideation, passive wishes to be dead, feeling a burden, self-harm and past attempts. Most are
elevated; ideation with an escalator ("constantly", "tonight") and an attempt that was
recent ("last night") are a crisis. Same conventions as lexicon_en.py.
"""

from __future__ import annotations

from mindwell.safety.risk.lexicon_en import GAP, KILL_SELF, NOT_SUICIDAL_NOUN, SH_CONTEXT
from mindwell.safety.risk.model import RiskLevel
from mindwell.safety.risk.rule import (
    ANY,
    FIRST,
    PROFESSIONAL,
    RECOVERY,
    SPEECH,
    TOPIC,
    Rule,
    alt,
    rule,
)

ELEVATED = RiskLevel.ELEVATED
PAST = SPEECH | {RECOVERY}
ABOUT = SPEECH | {TOPIC, RECOVERY, PROFESSIONAL}

ESCALATORS = (
    r"\b(?:constantly|constant|every (?:day|night|single day|morning|hour)|all the time|"
    r"all day|can't stop|cannot stop|more and more|more often|getting (?:worse|stronger|"
    r"louder)|stronger|seriously|serious|tonight|right now|plan|plans|planning|non-?stop|"
    r"24/7|worse than ever|won't go away)\b"
)
RECENT = (
    r"\b(?:last night|yesterday|this morning|earlier today|today|tonight|an hour ago|"
    r"(?:a few|\d+|two|three) (?:hours|minutes) ago|just now|just|this afternoon|"
    r"this evening|this weekend|last weekend|a few days ago|(?:two|three|\d) days ago)\b"
)

RULES: tuple[Rule, ...] = (
    rule(
        "past-attempt",
        ELEVATED,
        alt(
            r"\b(?:tried|attempted|try again|trying again|survived)(?: to)? (?:"
            + KILL_SELF
            + r"|suicide|an? (?:suicide attempt|overdose))",
            r"\b(?:my|a|last|previous|first|second) suicide attempts?\b",
            r"\bsurvived (?:my|an?) attempt\b",
        ),
        guards=PAST | {PROFESSIONAL},
        escalate=RECENT,
    ),
    rule(
        "past-ideation",
        ELEVATED,
        alt(
            r"\b(?:wanted|used to want|was going|were going|was about|had planned|planned|"
            r"was planning|was ready|thought about|thought of|was thinking (?:about|of)|used to "
            r"think (?:about|of)|felt like|would have|almost|nearly|came close to|was close "
            r"to) (?:to )?(?:" + KILL_SELF + r"|die\b)",
            r"\b(?:felt|was|were) " + GAP + r"suicidal\b" + NOT_SUICIDAL_NOUN,
        ),
        person=FIRST,
        guards=PAST,
        escalate=RECENT,
    ),
    rule(
        "ideation",
        ELEVATED,
        alt(
            r"\bsuicidal (?:thoughts?|ideation|feelings?|urges?|ideas?)",
            r"\bthoughts? (?:of|about) (?:suicide|" + KILL_SELF + r"|dying|not being (?:here|"
            r"alive)|taking my (?:own )?life|ending it(?! with))",
            r"\bthink(?:ing|s)?(?: (?:a lot|so much|often|constantly|lately|sometimes|again|"
            r"more|seriously|about))? (?:about|of) (?:suicide|" + KILL_SELF + r"|dying|not "
            r"being (?:here|alive))",
            r"\b(?:suicide|dying) (?:has been|is|keeps) (?:on|in) my mind",
            # Wondering about one's own death: "would anyone care if I died".
            r"\b(?:if|when) i (?:just )?(?:killed my ?self|ended my life|took my (?:own )?life|"
            r"was gone|were gone|died|was dead|disappeared)\b",
            r"\b(?:thoughts?|thinking|think|urges?|fantasi[sz]\w*) (?:of|about) (?:driving|"
            r"crashing|steering|jumping|stepping|throwing my ?self|walking) (?:my car )?(?:off|"
            r"into|in front of|under|from)\b",
        ),
        person=FIRST,
        guards=ABOUT,
        escalate=ESCALATORS,
    ),
    rule(
        "passive-ideation",
        ELEVATED,
        alt(
            r"\bwish(?:ed)? (?:that )?i(?: was| were|'d| had| could have| would) (?:just )?"
            r"(?:dead|never (?:been )?born|not (?:alive|born|here)|never existed|gone|died|"
            r"never wake up|not wake up)\b",
            r"\bwish (?:that )?i (?:could |would )?(?:just )?(?:disappear|vanish|stop existing|"
            r"cease to exist|not exist|fall asleep (?:and|&) (?:never|not) wake up|not wake up|"
            r"never wake up|sleep forever|die|go to sleep (?:and|&) (?:never|not) wake up|be "
            r"dead|stop being alive|fade away)\b",
            r"\bwish i wouldn't wake up\b|\b(?:hope|hoping|pray|praying|wish|wishing) (?:that )?"
            r"i (?:just )?(?:don't|never|won't|do not|wouldn't) wake up\b",
            r"\b(?:hope|hoping|pray|praying) (?:that )?i(?:'ll| will)? (?:just )?(?:die|get hit "
            r"by a (?:car|bus|truck|train)|don't make it|won't make it)\b",
            r"\bpart of me (?:wants|wishes|would like) to (?:die|be dead|disappear|not exist|not "
            r"wake up)\b",
            r"\b(?:want|wanted|need|just want) to (?:just )?(?:disappear|vanish|stop existing|"
            r"not exist|cease to exist|fade away)\b(?! (?:for|into|to|from|off|under|in|with|"
            r"on|somewhere)\b)",
            r"\bdon't want to (?:exist|be here|wake up)(?: (?:anymore|any more|tomorrow|ever "
            r"again))?\b(?! (?:early|at|before|for|in the morning|so))",
            r"\b(?:tired|sick|exhausted) of (?:living|being alive|existing|life)\b(?! (?:in|as|"
            r"at|with|here))",
            r"\blife (?:isn't|is not|is no longer|doesn't feel|does not feel) worth (?:living|"
            r"it)\b",
            r"\bno (?:reason|point) (?:to|in|for) (?:live|living|go(?:ing)? on|being alive|"
            r"stay(?:ing)? alive|wak(?:e|ing) up)\b|\bnothing (?:left )?to live for\b",
            # "I can't go on anymore" alone is hopelessness (a cue); "keep living" is not.
            r"\b(?:can't|cannot|can not) (?:keep living|go on living) (?:anymore|any more|much "
            r"longer)\b",
            r"\b(?:i'd|i would) (?:rather|sooner) (?:be dead|not exist|not be alive|not wake "
            r"up)\b",
            r"\bdon't care (?:if|whether) i (?:die|live|wake up|make it)\b",
            r"\bwant (?:it all|everything|my life|life|all of it) to (?:end|be over)\b",
            r"\b(?:sleep forever|sleep and (?:never|not) wake up|eternal sleep|never wake up "
            r"again)\b",
            r"\b(?:disappointed|sad|upset|angry|annoyed|gutted) (?:that )?i (?:woke up|'m still "
            r"(?:here|alive)|am still (?:here|alive)|survived|didn't die)\b",
            r"\b(?:if|hope|hoping|wish) i (?:got|get|was|were) hit by a (?:bus|car|truck|train|"
            r"lorry)\b",
            r"\b(?:wouldn't|would not) mind (?:dying|not waking up|if i died|if i didn't wake "
            r"up)\b",
            r"\b(?:don't|do not|can't|cannot) (?:really )?see (?:the|any) point (?:in|of) "
            r"(?:going on|living|carrying on|being alive|anything anymore|trying anymore|"
            r"waking up)\b",
            r"\bnot sure (?:if |whether |that )?i (?:want|wanna) to (?:live|be alive|be here|"
            r"keep going|go on)\b",
            r"\bdeserve to die\b",
            r"\b(?:don't|do not|can't|cannot) see myself (?:being )?(?:alive|here|around) "
            r"(?:in|by|next|much longer|for much longer)\b",
            r"\bwish (?:a|the|some) (?:\w+ )?(?:car|bus|truck|train|lorry|plane) would (?:hit|"
            r"kill|run over|crash into) me\b|\bwish (?:something|someone|somebody) would (?:kill|"
            r"end) me\b",
            r"\b(?:daydream|dream|fantasi[sz]e|think)(?:ing|s)? (?:a lot |often |constantly )?"
            r"about (?:not existing|not being (?:here|alive)|being dead|disappearing for good|my "
            r"(?:own )?(?:death|funeral))\b",
        ),
        person=FIRST,
        guards=ABOUT,
    ),
    rule(
        # Rhetorical despair, not a topic question, even with a question mark.
        "passive-ideation",
        ELEVATED,
        r"\bwhat(?:'s| is) (?:even )?the point (?:of|in) (?:living|being alive|going on|"
        r"existing|waking up|any of (?:this|it))(?: anymore| any more)?\b",
        person=FIRST,
        guards=SPEECH | {RECOVERY, PROFESSIONAL},
    ),
    rule(
        "burden",
        ELEVATED,
        alt(
            r"\b(?:everyone|everybody|they|my (?:\w+ )?(?:family|kids|parents|partner|friends|"
            r"husband|wife)|the world|people|he|she|you all|you) (?:would|will|'d|'ll) (?:all )?"
            r"be better off without me\b",
            r"\bbetter off (?:dead|gone|without me|if i (?:was|were) (?:dead|gone)|if i died)\b",
            r"\b(?:want|wish|need) to (?:just )?not be a burden(?: (?:anymore|any more|to "
            r"anyone))?\b",
            r"\b(?:would|'d|will|'ll) (?:all )?be (?:happier|better|fine|relieved|better off) "
            r"(?:if i (?:just )?(?:was|were|wasn't|weren't) (?:dead|gone|around|here|alive|born)|"
            r"if i (?:just )?(?:died|disappeared|left for good)|without me)\b",
        ),
        person=ANY,
        guards=ABOUT,
    ),
    rule(
        "self-harm",
        ELEVATED,
        r"(?<!accidentally )(?<!nearly )(?<!almost )\b(?:cut|cutting|cuts|burn(?:ed|t|ing|s)?|"
        r"hurt(?:ing|s)?|harm(?:ed|ing|s)?|hit(?:ting|s)?|punch(?:ed|ing|es)?|scratch(?:ed|ing|"
        r"es)?|carv(?:e|ed|ing)|starv(?:e|ed|ing)|bit(?:e|ing)?) my ?self\b(?! (?:off|out|up|"
        r"some slack|a break|shaving|while|on (?:a|the|my|some)|by accident|accidentally|"
        r"cooking|slack|short|down|into|from|in the (?:kitchen|garden)|at (?:the gym|work|"
        r"football|practice)|playing|lifting|running|skiing|falling|doing|when i (?:fell|fall|"
        r"tripped|slipped|was (?:cooking|shaving|playing))|with (?:a|the) (?:kitchen|bread)|"
        r"for (?:the|a) (?:test|exam|work)|free|loose|a (?:piece|slice|treat)|in (?:the|a) "
        r"(?:fall|accident|game|match|crash)|to death|by \w+ing|of (?:sleep|time|fun)))",
        person=FIRST,
        guards=ABOUT,
    ),
    rule(
        "self-harm",
        ELEVATED,
        alt(
            r"\b(?:i|i've|i have|i've been|i'm|i am|been|started|start|stop|stopped|keep|kept|"
            r"urge to|urges to|want to|need to|going to|struggl\w+ with|dealing with|battl\w+ "
            r"with|relapsed (?:on|into|with)|relapse (?:on|into|with)) (?:\w+ )?\bself[- ]?harm"
            r"(?:ing|ed)?\b",
            r"\bmy self[- ]?harm\b|\bself[- ]?harm (?:urges|relapse)\b",
            r"\bself[- ]?harm(?:ed|ing)? (?:again|tonight|last night|yesterday|today|this "
            r"week)\b",
            r"\bfresh (?:cuts|burns|wounds)\b",
            r"\b(?:i|i've|i have) sh'?(?:ed|d)\b|\bsh (?:urges|relapse|again)\b",
            r"\b(?:urges?|tempted|itching|craving|the need) to (?:cut|self[- ]?harm|hurt my ?self|"
            r"burn my ?self|sh)\b",
            r"\b(?:cutting|cut) (?:my )?(?:arms?|wrists?|thighs?|legs?|skin)(?: again)?\b"
            r"(?! (?:on|while|shaving|open|by|when|accidentally|in the))",
            r"\bbang(?:ed|ing|s)? my head (?:against|on|into) (?:the |a )?(?:wall|floor|door|"
            r"desk)\b",
            r"\b(?:until|till|til) my (?:knuckles|hands|fists|skin|arms|legs) (?:bleed|bled|"
            r"bruise|bruised|break|broke|crack)\b",
            r"\b(?:scratch|pick|bite|hit|punch|burn|cut)(?:ed|ing|es|s)? (?:at )?my (?:arms?|"
            r"wrists?|skin|legs?|thighs?|stomach|hands?) (?:until|till|til) (?:it|they) "
            r"(?:bleed|bleeds|bled|bruise|bruises|hurt|hurts)\b",
            r"\b(?:been|started|start|keep|kept|stop|stopped) cutting(?: again| myself)?"
            r"(?= ?(?:[.,!?;\n]|$|for\b|since\b|and\b|but\b|when\b|again\b|every\b|daily\b|"
            r"more\b|deeper\b))",
        ),
        person=FIRST,
        guards=ABOUT,
    ),
    rule(
        "self-harm-relapse",
        ELEVATED,
        r"\brelaps(?:ed|ing|e)\b",
        person=FIRST,
        guards=ABOUT,
        requires=SH_CONTEXT,
    ),
)
