"""English rules about other people: someone else at risk of suicide, danger from a
partner or family member, a child in danger, and grief that turns into wanting to follow
the person who died. Same conventions as lexicon_en.py.
"""

from __future__ import annotations

from mindwell.safety.risk.model import RiskLevel
from mindwell.safety.risk.rule import (
    ANY,
    CONDITIONAL,
    FIRST,
    JOKE,
    MEDIA,
    META,
    NEGATION,
    PROFESSIONAL,
    RECOVERY,
    RELATIONSHIP,
    REPORTED,
    SPEECH,
    THIRD,
    TOPIC,
    Rule,
    alt,
    rule,
)

CRISIS, ELEVATED = RiskLevel.CRISIS, RiskLevel.ELEVATED
# Reports about someone else: a joke marker does not make them safe, a hypothetical or a
# story or a lecture does.
REPORT = frozenset({NEGATION, MEDIA, CONDITIONAL, PROFESSIONAL, META, TOPIC, RECOVERY})
DANGER = frozenset({NEGATION, MEDIA, CONDITIONAL, RECOVERY, JOKE})

REFLEXIVE = r"(?:him|her|them)sel(?:f|ves)|themself"
THEIR_KILL = (
    r"(?:kill(?:ing|s)? (?:" + REFLEXIVE + r")|end(?:ing|s)? (?:his|her|their) (?:own )?"
    r"li(?:fe|ves)|tak(?:e|ing|es) (?:his|her|their) (?:own )?li(?:fe|ves)|unaliv(?:e|ing|es) "
    r"(?:"
    + REFLEXIVE
    + r")|hang(?:ing|s)? (?:"
    + REFLEXIVE
    + r")|shoot(?:ing|s)? (?:"
    + REFLEXIVE
    + r")|off(?:ing|s)? (?:"
    + REFLEXIVE
    + r")|throw(?:ing|s)? (?:"
    + REFLEXIVE
    + r") (?:off|from|in front of|under|into))"
)
FAMILY = (
    r"(?:husband|wife|boyfriend|girlfriend|partner|ex|bf|gf|fiance|fiancee|dad|father|"
    r"stepdad|stepfather|mom|mum|mother|stepmom|stepmother|brother|sister|uncle|parents?|"
    r"roommate|flatmate|landlord|neighbou?r|grandpa|grandfather|cousin)"
)
PERSON = (
    r"(?:he|she|they|my (?:\w+ )?" + FAMILY + r"|her (?:husband|boyfriend|partner|ex)|his "
    r"(?:wife|girlfriend|partner|ex))"
)
CHILD = (
    r"(?:\w+ ){0,2}?(?:son|daughter|kids?|child|children|baby|babies|toddler|infant|newborn|"
    r"stepson|stepdaughter|little (?:one|boy|girl|brother|sister)s?|younger (?:brother|"
    r"sister)|boys|girls|\d+[- ]?(?:year|yr|month)s?[- ]?olds?|(?:one|two|three|four|five|six|"
    r"seven|eight|nine|ten)[- ]?(?:year|month)s?[- ]?olds?)\b"
)
ABUSE_CONTEXT = (
    r"\b(?:hit(?:s|ting)? me|beat(?:s|ing)? me|abus\w*|violen\w*|chok\w* me|strangl\w*|throat|"
    r"threat\w*|hurt(?:s)? me|bruis\w*|police|restraining order|protection order|gun|knife|"
    r"slap\w* me|punch\w* me|kick\w* me|push\w* me|shov\w* me|scared of (?:him|her)|"
    r"afraid of (?:him|her)|terrified of (?:him|her)|throws things|hits|beats|held me|"
    r"pinned me|grabbed me)\b"
)
# "My mum will kill me if I fail" is a figure of speech about a small matter.
TRIVIAL_IF = (
    r"(?! (?:if|when) i (?:[\w']+ ){0,4}(?:forget|forgot|fail|failed|break|broke|lose|lost|miss|"
    r"missed|late|spend|spent|scratch|scratched|crash|crashed|dent|dented|eat|ate|wear|spoil|"
    r"grades?|marks?|report card|room|car|phone|bill|test|exam|haircut|tattoo|piercing))"
)
WILL = r"(?:'ll| will|'s going to| is going to|'re going to| are going to| is gonna|'d| would)"

RULES: tuple[Rule, ...] = (
    # --- Someone else at risk of suicide -----------------------------------------------
    rule(
        "third-person-intent",
        CRISIS,
        r"\b(?:wants?|wanting|going|gonna|about|planning|plans?|threaten(?:s|ed|ing)?|ready|"
        r"decided|will|'ll|would|'d|might|trying|told me|says|said|considering|intends?|"
        r"intending|keeps? saying|keeps? talking about)(?: to| of| on| that)? " + THEIR_KILL,
        person=REPORTED,
        guards=REPORT,
    ),
    rule(
        "third-person-intent",
        CRISIS,
        r"\b(?:(?:is|are|'s|'re) )?(?:going to|about to|planning (?:to|on)|plans to|"
        r"threaten(?:ing|s|ed)? to|wants? to|ready to|will|'ll) (?:jump\b(?! (?:out of (?:a|the)"
        r" plane|in the|on the|at the|rope|ship|into the (?:pool|lake|sea)))|overdose\b|end it"
        r"(?: all)?\b|commit suicide\b|hang\b)|\bwants? to die\b|\bthreaten(?:s|ed|ing)? "
        r"suicide\b|\b(?:doesn't|does not|don't|do not|no longer) (?:really )?(?:want|wants|"
        r"wish) to (?:live|be alive|be here|exist)(?: (?:anymore|any more))?\b(?! (?:with|in|"
        r"near|there|here|like|at))",
        person=THIRD,
        guards=REPORT | {RELATIONSHIP},
    ),
    rule(
        "third-person-intent",
        CRISIS,
        r"\b(?:is|are|'s|'re|has been|have been|'s been|seems?|sounds?|feels?|is feeling|"
        r"became|become|becoming|getting|got) (?:(?!not\b|never\b)\w+ ){0,2}\bsuicidal\b"
        r"(?! (?:thoughts?|ideation|feelings?|patients?|clients?|people|risk|behaviou?r|in "
        r"traffic|on the road|driver|driving|when (?:he|she|they) drives?))",
        person=THIRD,
        guards=REPORT,
    ),
    rule(
        "third-person-intent",
        CRISIS,
        r"\b(?:sent|texted|posted|wrote|left) (?:me |us )?(?:a |her |his |their )?(?:goodbye|"
        r"suicide|farewell) (?:note|letter|message|text|post)\b|\b(?:he|she|they)(?:'s| is| "
        r"are|'re) (?:on|standing on|sitting on|at) (?:the )?(?:edge of (?:a|the) )?(?:bridge|"
        r"ledge|roof|rooftop|train tracks|railway|cliff)\b",
        person=THIRD,
        guards=REPORT | {"logistics"},
        requires=r"\b(?:suicid\w*|kill (?:him|her|them)sel|jump|end (?:it|his|her)|die|goodbye|"
        r"note|scared|worried|panic\w*)",
    ),
    rule(
        "third-person-attempt",
        ELEVATED,
        r"\b(?:tried|attempted|tries|try) (?:to )?(?:" + THEIR_KILL + r"|commit suicide|"
        r"overdose)|\b(?:he|she|they) (?:attempted suicide|overdosed|od'?d)\b",
        person=REPORTED,
        guards=REPORT,
        escalate=r"\b(?:last night|yesterday|this morning|earlier today|today|tonight|"
        r"(?:an|a few|\d+|two|three) (?:hours?|minutes) ago|just now|just)\b",
    ),
    rule(
        "third-person-attempt",
        ELEVATED,
        r"\b(?:attempted suicide|overdosed|od'?d)\b(?! on (?:sugar|caffeine|coffee))",
        person=THIRD,
        guards=REPORT,
        escalate=r"\b(?:last night|yesterday|this morning|earlier today|today|tonight|"
        r"(?:an|a few|\d+|two|three) (?:hours?|minutes) ago|just now|just)\b",
    ),
    rule(
        "third-person-self-harm",
        ELEVATED,
        r"\b(?:is|are|'s|'re|has been|have been|'s been|started|keeps|been) (?:\w+ )?(?:cutting|"
        r"self[- ]?harming|hurting|burning|harming) (?:" + REFLEXIVE + r")\b|\b(?:cuts|hurts|"
        r"burns|harms) (?:" + REFLEXIVE + r")\b(?! (?:on|by|while|cooking|shaving|playing))|"
        r"\b(?:he|she|they) (?:self[- ]?harms?|has been self[- ]?harming)\b|\b(?:he|she|they)"
        r"(?:'s|'ve| has| have) been (?:self[- ]?harming|cutting|burning (?:him|her|them)sel"
        r"(?:f|ves))\b|\b(?:he|she|they)(?:'s| is|'re| are) (?:cutting|burning) (?:(?:him|her|"
        r"them)sel(?:f|ves) )?(?:right now|now|again|and (?:won't|can't|will not) stop)\b",
        person=REPORTED,
        guards=REPORT,
        escalate=r"\b(?:right now|won't stop|can't stop|will not stop|locked|bleeding|tonight)\b",
    ),
    rule(
        "third-person-concern",
        ELEVATED,
        r"\b(?:talk(?:s|ing|ed)?|post(?:s|ing|ed)?|writ(?:es|ing)|jok(?:es|ing)) about "
        r"(?:suicide|killing (?:" + REFLEXIVE + r")|wanting to die|ending (?:it|his life|her "
        r"life|their life)|not wanting to (?:live|be here|be alive)|not being (?:here|around))\b|"
        r"\b(?:might|may|could|must) be (?:cutting|self[- ]?harming|hurting (?:him|her|them)sel"
        r"(?:f|ves))\b|\b(?:doesn't|does not|can't|cannot|don't|do not) (?:really )?see (?:a|any) "
        r"(?:future|point|way out)(?: for (?:him|her|them)sel(?:f|ves))?\b",
        person=THIRD,
        guards=REPORT,
    ),
    rule(
        "third-person-intent",
        CRISIS,
        r"\b(?:sent|texted|showed|snapped) me (?:a )?(?:pic|picture|photo|video|snap|selfie) of "
        r"(?:\w+ ){0,2}(?:pills|tablets|a rope|a noose|a gun|a blade|a razor|blood|(?:her|his|"
        r"their) (?:wrists|cuts)|the bridge|the edge)\b",
        person=REPORTED,
        guards=REPORT,
    ),
    rule(
        "third-person-intent",
        CRISIS,
        r"\b(?:said|texted|sent|wrote|messaged)(?: me)? (?:a )?['\"]?(?:goodbye|bye|farewell)\b",
        person=THIRD,
        guards=REPORT,
        requires=r"\b(?:(?:isn't|is not|not|won't|hasn't been|stopped|can't get her to|can't get "
        r"him to) (?:answering|picking up|replying|responding|answer|reply|respond)|can't "
        r"(?:reach|get hold of) (?:her|him|them)|phone (?:is )?(?:off|switched off|going to "
        r"voicemail))",
    ),
    # --- Danger from a partner or family member ----------------------------------------
    rule(
        "threat-to-kill",
        CRISIS,
        r"\bthreat(?:en|ened|ening|ens) (?:me )?(?:to (?:kill|murder|shoot|stab|strangle|"
        r"burn) (?:me|us|my ?self|my (?:family|kids|children|son|daughter|baby))|with (?:a |his "
        r"|her )?(?:gun|knife|weapon)|my life)\b|\b(?:said|says|told me|texted|texts|screamed|"
        r"screams|yelled|yells|swore|promised|warned me|keeps saying|wrote|messaged me|"
        r"threatens|threatened)(?: (?:tonight|today|yesterday|again|once|earlier|last night|"
        r"this morning|to me))?(?: that)?(?: (?:if|when|once|the moment|as soon as)(?: [\w']+){1,6}"
        r",?)? (?:he|she|they)(?:'ll|'d|'s| will| would| is| was| "
        r"are| were|'re)?(?: going to| gonna)? (?:(?:kill|murder|shoot|stab|strangle) (?:me|us)|"
        r"(?:drive|crash|take) (?:us|me|the kids|the children)(?: all)? (?:off|into) (?:a|the) "
        r"(?:cliff|bridge|river|wall|tree|sea|lake)|kill us all|kill (?:me|us) and (?:then )?"
        r"(?:him|her|them)self|"
        r"slit my throat|cut my throat|finish me off|finish the job|end me|bury me)\b"
        + TRIVIAL_IF
        + r"|\b(?:he|she|they)(?:'ll| will|'s going to| is going to|'d| would) (?:finish (?:the "
        r"job|me off|what (?:he|she|they) started)|slit my throat|cut my throat)\b|\b(?:wrote|"
        r"said|texted|told me|messaged|sent)(?: me)? (?:that )?['\"]?(?:you're|you are|you'll "
        r"be) (?:next|dead|going to die|a dead (?:man|woman))\b",
        person=ANY,
        guards=DANGER,
    ),
    rule(
        "threat-to-kill",
        CRISIS,
        r"\b" + PERSON + WILL + r"(?: actually| really| literally| one day)? (?:kill|murder) "
        r"me\b" + TRIVIAL_IF,
        person=ANY,
        guards=DANGER,
        requires=ABUSE_CONTEXT,
    ),
    rule(
        "attempt-on-life",
        CRISIS,
        r"\b(?:tried|trying|try|tries|attempted) to (?:kill|strangle|choke|drown|suffocate|"
        r"stab|smother|poison|run over) me\b|\btried to run me (?:over|off the road)\b|"
        r"\b(?:held|pushed|forced) (?:me|my head) (?:down )?under ?(?:the )?water\b",
        person=ANY,
        guards=DANGER,
    ),
    rule(
        "strangulation",
        CRISIS,
        r"\b(?:choked|strangled|choking|strangling|chokes|strangles|throttled) me\b(?! up| out|"
        r" with (?:emotion|tears))|\b(?:hands?|arm|belt|cord|fingers) (?:around|round|on|over|"
        r"against|to) my "
        r"(?:neck|throat)\b|\b(?:grabbed|held|pinned|squeezed) me by (?:the|my) (?:throat|"
        r"neck)\b",
        person=ANY,
        guards=DANGER,
    ),
    rule(
        "strangulation",
        CRISIS,
        r"\b(?:until|till|til) i (?:nearly |almost )?(?:passed out|blacked out|lost "
        r"consciousness|couldn't breathe|could not breathe)\b",
        person=ANY,
        guards=DANGER,
        requires=ABUSE_CONTEXT,
    ),
    rule(
        "weapon",
        CRISIS,
        r"\b(?:put|held|holds|pointed|points|pulled|pulls|waved|swung) (?:a |his |her |the "
        r"|their )?(?:knife|gun|blade|pistol|rifle|machete|bat|hammer) (?:to|at|on|against) "
        r"(?:me|my)\b|\bcame at me with (?:a|the|his|her) (?:knife|gun|bat|hammer|machete)\b",
        person=ANY,
        guards=DANGER,
    ),
    rule(
        "fear-for-life",
        CRISIS,
        r"\b(?:fear(?:ing|ed)?|scared|afraid|terrified|frightened) for my life\b|\b(?:scared|"
        r"afraid|terrified|frightened|worried|fear) (?:that |because )?" + PERSON + r"(?:'ll|"
        r" will|'s going to| is going to| might| may| could| would|'s gonna| is gonna)"
        r"(?: actually| really| one day)? (?:kill|murder|seriously hurt) (?:me|us)\b",
        person=ANY,
        guards=DANGER,
    ),
    rule(
        "abuse",
        ELEVATED,
        alt(
            # "he hits me", "my mum drinks and grabs me", "he sometimes slaps me"
            r"\b" + PERSON + r"(?:(?: [\w']+){1,3} and)?(?: (?:always|sometimes|often|still|"
            r"constantly|has|had|have|just|then|also|even|once|again|repeatedly|regularly|"
            r"keeps|kept|would|will|started|starts)){0,3} (?:hits?|hitting|beats?|beating|beat "
            r"up|slaps?|slapped|slapping|grabs|grabbing|grabbed|punch(?:es|ed|ing)|kick(?:s|ed|"
            r"ing)?|shov(?:es|ed|ing)|push(?:es|ed|ing)|throws? (?:things|stuff) at|threw "
            r"(?:things|stuff|a \w+) at|dragged|bruised|abus(?:es|ed|ing)|rap(?:ed|es|ing)|"
            r"sexually assault(?:ed|s)|assault(?:ed|s)|molest(?:ed|s)|spits? on|spat on) me\b"
            r"(?! (?:up|to|into (?!(?:a |the )?(?:walls?|doors?|tables?|the floor|furniture|"
            r"cupboards?|the car))|away|harder|too hard|out of|hard|that|how|like|just|at|in (?:a|"
            r"the) (?:game|race|match)|with (?:the|a|his|her) (?:news|question|idea)|off|over "
            r"(?:to|the)))",
            r"\b(?:he|she|they)(?:'s| is| are|'re) (?:physically |sexually |violently )?abusive\b",
            r"\bphysically abusive\b|\bbeing (?:physically |sexually )?abused\b",
            r"\b(?:locks|locked|shuts|shut|kicks|kicked) me out(?: of (?:the|my|our) (?:house|"
            r"home|flat))?(?: \w+){0,3} (?:at night|overnight|all night|for hours|in the cold|"
            r"without food)\b",
            r"\blocked me in (?:the|a|my|his|her) (?:room|house|closet|bathroom|basement|car)\b",
            r"\b(?:scared|afraid|terrified|frightened) to (?:go (?:back )?home|be (?:alone )?(?:at "
            r"home|in the house) with (?:him|her))\b",
        ),
        person=ANY,
        guards=DANGER | {TOPIC},
    ),
    # --- A child in danger -------------------------------------------------------------
    rule(
        "child-danger",
        CRISIS,
        r"\b(?:he|she|my (?:\w+ )?(?:husband|partner|boyfriend|wife|girlfriend|ex|dad|father|"
        r"stepdad|stepfather|mom|mother|stepmom|uncle|grandpa|grandfather|brother-in-law)|the "
        r"(?:babysitter|nanny|teacher|coach)|her (?:boyfriend|husband)|his (?:girlfriend|wife))"
        r"(?: \w+){0,2}? (?:hits?|hitting|beats?|beating|hurts?|hurting|abus(?:es|ed|ing)|"
        r"molest(?:s|ed|ing)|kicks?|kicked|slaps?|slapped|punch(?:es|ed)|shak(?:es|ing)|shook|"
        r"chok(?:es|ed|ing)|burn(?:s|ed)|starv(?:es|ed|ing)|lock(?:s|ed) up|threw|grabbed|"
        r"dragged|bruised) (?:my|our|the|her|his|their) " + CHILD + r"(?!'s)",
        person=ANY,
        guards=DANGER,
    ),
    rule(
        "child-danger",
        CRISIS,
        r"\btouch(?:es|ed|ing) (?:my|our|the|her|his) " + CHILD + r" (?:\w+ )?(?:inappropriately"
        r"|sexually|in (?:a|the) wrong way|under|private)|\bthreat(?:en|ened|ening|ens) to "
        r"(?:kill|hurt|harm|take|drown|shoot) (?:the|my|our|her|his) (?:kids|children|baby|son|"
        r"daughter|child|boys|girls)\b|\b(?:he|she|they)" + WILL + r" (?:kill|hurt|harm|shake) "
        r"(?:the|my|our) " + CHILD + r"|\b(?:baby|son|daughter|child|kid|toddler|infant|"
        r"newborn)(?:'s| is)? (?:not breathing|isn't breathing|stopped breathing|has stopped "
        r"breathing|is unresponsive|unresponsive|turning blue|went limp|is limp)\b|\b(?:never|"
        r"won't|will not|not) (?:ever )?see (?:her|him|them|the kids|the children|the baby|my "
        r"(?:\w+ )?(?:son|daughter|kids|children|baby)) alive again\b|\b(?:baby|son|daughter|"
        r"child|kid|toddler|infant|newborn)(?:'s| is)? (?:not breathing|isn't breathing|stopped "
        r"breathing|has stopped "
        r"breathing|is unresponsive|unresponsive|turning blue|went limp|is limp|swallowed "
        r"(?:\w+ ){0,3}(?:pills|tablets|meds|bleach|batteries|battery|detergent|pods))\b",
        person=ANY,
        guards=DANGER,
    ),
    rule(
        "child-danger",
        CRISIS,
        r"\b(?:afraid|scared|terrified|worried|fear) (?:that )?i(?:'ll| will| might| could| may"
        r"|'m going to| am going to) (?:hurt|harm|kill|shake|drown|smother|suffocate) (?:my|the"
        r"|our) " + CHILD + r"|\b(?:want|urge|urges|wanting|going) to (?:hurt|harm|kill|shake|"
        r"drown|smother|suffocate) (?:my|the|our) " + CHILD,
        person=FIRST,
        guards=SPEECH | {RECOVERY},
    ),
    rule(
        "child-danger",
        ELEVATED,
        r"\b(?:thoughts?|images?|visions?) (?:of|about) (?:hurting|harming|killing|shaking|"
        r"drowning|dropping|smothering) (?:my|the|our) " + CHILD,
        person=FIRST,
        guards=SPEECH | {RECOVERY, PROFESSIONAL, TOPIC},
    ),
    rule(
        "abuse",
        CRISIS,
        r"\b(?:uncle|stepdad|stepfather|dad|father|coach|teacher|cousin|brother|grandpa|"
        r"neighbou?r|babysitter|mom's boyfriend) (?:\w+ ){0,2}(?:touches|molests|makes me "
        r"(?:touch|do (?:things|stuff)))(?: me)?\b",
        person=ANY,
        guards=DANGER,
    ),
    # --- Grief that turns into wanting to follow ---------------------------------------
    rule(
        "grief-reunion",
        ELEVATED,
        r"\b(?:want|long|longing|ready|can't wait|need|wish i could) to (?:be with|join|see|"
        r"hold) (?:him|her|them|my (?:\w+ ){0,2}(?:mom|mum|mother|dad|father|husband|wife|son|"
        r"daughter|brother|sister|partner|boyfriend|girlfriend|grandma|grandmother|grandpa|"
        r"grandfather|friend|baby|child|twin)) (?:again|in heaven|on the other side|soon|"
        r"wherever (?:he|she|they) (?:is|are)|up there)\b|\b(?:want|long|ready|need) to (?:go|"
        r"be) where (?:he|she|they) (?:is|are|went|has gone)\b",
        person=FIRST,
        guards=SPEECH,
        requires=r"\b(?:died|passed|death|lost (?:my|him|her)|funeral|heaven|killed|suicide|"
        r"grave|miscarriage|stillborn|widow\w*)\b",
    ),
)
