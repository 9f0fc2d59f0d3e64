"""Context tests that decide whether a phrase a rule found is really the writer at risk.

Every test here looks at a bounded window of normalised text around one match (the clause
before it, its sentence, the sentences either side, or the whole post for a few yes/no
facts), so the cost is per match, not per character. The word lists are the writer's own
words for the frames that make a phrase benign: negation ("I would never..."), a
professional or academic frame ("as a counsellor..."), fiction and games ("the character
..."), a recovery story told in the past ("five years ago ... today I'm doing well"),
a hypothetical ("if someone is suicidal..."), a joke ("lol", "jk"), a question about a
word ("what does ctb mean"), a logistical goodbye ("moving abroad, deleting my account").
"""

from __future__ import annotations

import re

# Clause boundaries: negation and the speaking subject do not reach across these.
CLAUSE_BREAK = re.compile(
    r"[,:;()\"\n]| - |\b(?:but|and|although|though|however|because|yet|or|while|whereas|"
    r"except|unless|pero|y|aunque|porque|mais|et|car|parce|aber|und|weil|denn|oder|doch)\b"
)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|'[a-z]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that may stand between a negator and the phrase it negates ("I would NEVER really
# want to kill myself", "NO thoughts of hurting myself"). Anything else ("I'm NOT okay, I
# want to die", "NO ONE would care if I died", "DON'T know why I want to die") ends the
# negation's reach, which is what keeps those crisis sentences crisis.
_GLUE = _words(
    """
    i i'm i've i'd i'll am is are was were be been being have has had having do does did
    will would could should might may must going to want wanting plan planning plans
    intend intending intention intentions any thoughts thought of about on ever even really
    actually at all currently feel feeling felt desire desires urge urges wish like think
    thinking considering consider a an the that try trying seriously definitely absolutely
    certainly just yet now anymore remotely once truly
    yo estoy estaba pensando en me quiero voy tengo ganas de intencion pienso lo
    je j'ai ai suis vais veux envie pense m
    ich habe will werde mich mir das vor daran bin
    """
)
_NEGATORS = _words(
    """
    not never no nor neither without none nunca jamas ni pas jamais ne n nicht nie niemals
    kein keine keinen keiner
    """
)


def is_negated(before: str) -> bool:
    """True when the clause before a match ends in a negator reaching it."""
    words = _WORD.findall(before[-160:])
    for word in reversed(words[-8:]):
        if word in _NEGATORS or (word.endswith("n't") and word not in _NOT_NEGATING):
            return True
        if word not in _GLUE:
            return False
    return False


# "I can't kill myself, I'm too scared" is not protective, so inability is not negation.
_NOT_NEGATING = frozenset({"can't", "couldn't", "ain't"})


def clause_before(sentence_before: str) -> str:
    """The part of the current clause that precedes a match."""
    cut = 0
    for m in CLAUSE_BREAK.finditer(sentence_before):
        cut = m.end()
    return sentence_before[cut:]


# Who is speaking. The nearest subject before the match wins: "my friend said she..." is
# someone else; "she makes me want to die" is the writer.
FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|myself|yo|je|j'|moi|ich|mich|mir)(?![\w])")
OTHER_PERSON = re.compile(
    r"\b(?:you|he|she|they|we|he's|she's|they're|you're|people|someone|somebody|anyone|"
    r"anybody|everyone|everybody|others|folks|kids|teens|teenagers|clients?|patients?|"
    r"students?|users?|survivors?|victims?|men|women|person|callers?|texters?|er|sie|il|"
    r"elle|ils|elles|el|ella|ellos|ellas|(?:the|this|that|a) (?:poem|song|book|novel|film|"
    r"movie|show|story|lyrics?|album|play|episode|poet|singer|rapper|band)|"
    r"(?:my|our|his|her|their|a|the|your) (?:\w+ )?(?:friend|friends|sister|brother|"
    r"sibling|son|daughter|kid|child|mom|mum|mother|dad|father|partner|boyfriend|girlfriend|"
    r"husband|wife|bf|gf|roommate|flatmate|classmate|coworker|colleague|cousin|niece|"
    r"nephew|teen|teenager|fiance|fiancee|ex|aunt|uncle|grandma|grandpa|character|mate|bestie|"
    r"bff|buddy|pal|neighbou?r|housemate|teammate|"
    r"protagonist|villain|hero|narrator|client|patient|student))\b"
)


def inside_quotes(sentence_before: str) -> bool:
    return sentence_before.count('"') % 2 == 1


MEDIA_FRAME = re.compile(
    r"\b(?:character|characters|protagonist|villain|heroine|npc|episode|season|finale|"
    r"series|movie|movies|film|films|tv show|the show|this show|book|novel|story|chapter|"
    r"song|songs|lyrics?|album|boss fight|anime|manga|poem|author|narrator|scene|plot|"
    r"netflix|hbo|spoilers?|fanfic|fiction|script|sitcom|documentary|podcast|playlist|"
    r"musical|opera|comic|video game|the game|in game|in-game|cast|actor|actress|"
    r"pelicula|serie|cancion|personnage|roman|chanson|figur|folge|lied)\b"
)
GAME_FRAME = re.compile(
    r"\b(?:respawn\w*|boss fight|checkpoint|npc|speedrun\w*|minecraft|fortnite|"
    r"elden ring|dark souls|my character|my avatar|my sims?|in (?:the )?game|in-game|"
    r"game over|extra lives?|hit ?points|health bar|pvp|raid boss)\b"
)
PROFESSIONAL_FRAME = re.compile(
    r"\b(?:as an? (?:\w+ )?(?:counsell?or|therapist|psychologist|psychiatrist|nurse|doctor|"
    r"gp|physician|social worker|teacher|researcher|student|clinician|pharmacist|paramedic|"
    r"emt|volunteer|crisis worker|moderator|chaplain|youth worker|mental health "
    r"(?:professional|worker|first aider))|(?:i'm|i am|i work as) an? (?:\w+ )?(?:counsell?or|"
    r"therapist|psychologist|psychiatrist|nurse|doctor|gp|physician|social worker|teacher|"
    r"researcher|clinician|pharmacist|paramedic|emt|crisis worker|youth worker)|(?:had|did|"
    r"took|taking|doing) (?:a |some )?training|i volunteer (?:for|at|with|on)|helpline|"
    r"hotline|crisis (?:line|text line)|samaritans|(?:my|our) (?:clients?|patients?|students?|"
    r"service users?|caseload)|(?:the|this|a|my|our) (?:paper|study|studies|article|"
    r"research|thesis|dissertation|essay|lecture|module|course|training|textbook|"
    r"literature|meta-analysis|report|statistics|journal|guidelines?)|black box warning|"
    r"risk assessments?|screening (?:tools?|questions?)|prevalence|epidemiolog\w*|"
    r"clinicians?|clinical practice|safeguarding|toxicology|pharmacology|exam question|"
    r"for a class|for school|for (?:my|a|an|our) (?:\w+ )?(?:class|course|essay|thesis|exam|"
    r"assignment|dissertation|coursework|seminar))\b"
)
META_FRAME = re.compile(
    r"\b(?:what (?:does|do|is|'s|are) (?:\w+ ){0,3}(?:mean|stand for)|what (?:does|do) "
    r"(?:\w+ ){0,3}(?:mean|stand)|meaning of|stands? for|definition of|slang for|acronym|"
    r"the word|the term|the phrase|the hashtag|algospeak|tiktok (?:slang|word))\b"
)
# A recovery story or a distant past. Checked only for rules about past events.
RECOVERY = re.compile(
    r"\b(?:(?:\d+|a|one|a few|a couple of|several|many|two|three|four|five|six|seven|eight|"
    r"nine|ten|fifteen|twenty) (?:years?|decades?) (?:ago|clean|free|sober|later|since)|(?:\d+|"
    r"a few|several|many|two|three|four|five|six|seven|eight|nine|ten|twelve) months "
    r"(?:clean|free|sober)|years ago|decades? ago|when i was (?:a |younger|\d+|in|little|"
    r"small)|"
    r"as a (?:teen|teenager|kid|child)|in (?:high school|middle school|college|university|"
    r"my (?:teens|twenties|20s|youth))|back (?:then|in (?:\d{4}|high school|college|the day))|"
    r"in the past|long time ago|years back|"
    r"(?:i'm|i am) (?:doing )?(?:much |so much |a lot |far )?better (?:now|these days|today)|"
    r"(?:now|today|these days) i'm (?:doing )?(?:well|better|okay|ok|good|happy|thriving|"
    r"healthy|in a good place|stable|safe)|i'm (?:safe|happy|stable) now|"
    r"in recovery|recovered|recovery story|survivor|what helped|got (?:help|better|through "
    r"it)|glad (?:i'm|i am|to be) (?:still )?(?:here|alive)|glad (?:it|i) didn't|"
    r"clean (?:for|since)|(?:stopped|quit) (?:self[- ]?harming|cutting|self[- ]?harm)|(?:in|"
    r"since) (?:19|20)\d\d|\d+ (?:days|weeks|months|years) clean|not anymore|no longer|"
    r"haven't (?:\w+ ){0,2}(?:since|in (?:\d+|years|months|a long time))|"
    r"hace (?:\w+ )?anos|il y a (?:\w+ )?ans|vor (?:\w+ )?jahren)\b"
)
# Something happening now, which a recovery frame elsewhere does not cancel.
CURRENT = re.compile(
    r"\b(?:again|lately|recently|these days|this week|tonight|right now|just now|currently|"
    r"this morning|last night|an hour ago|hours ago|minutes ago|yesterday|(?:are|is|came|"
    r"coming|have come|has come) back)\b"
)
RECENT = re.compile(
    r"\b(?:last night|yesterday|this morning|earlier today|today|tonight|an hour ago|"
    r"(?:a few|\d+|two|three) (?:hours|minutes) ago|just now|just|this afternoon|"
    r"this evening|this weekend|last weekend|on (?:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)|a few days ago|(?:two|three|\d) days ago|this week|anoche|"
    r"hier soir|gestern)\b"
)
CONDITIONAL = re.compile(
    r"\b(?:if|whether|what if|suppose|supposing|imagine|pretend|in case|si|falls|wenn)"
    r"(?: [\w']+){0,2} ?$"
)
# Advice that puts words in someone's mouth: 'you can say: "I've been having thoughts..."'.
SCRIPT = re.compile(
    r"\b(?:you|they) (?:can|could|might|may|should) (?:say|tell|write|ask)|\btry (?:saying|"
    r"something like)|\b(?:phrases|statements|comments|things) like|\bfor example|\be\.g\.|"
    r"\bsuch as"
)
# A question about what to do in a hypothetical case ("what should I do if I feel worse,
# or have thoughts of harming myself?"), however many clauses it runs to.
HYPOTHETICAL = re.compile(
    r"\bwhat (?:should|do|can|would|will|could) (?:i|you|we|one|they|he|she) do if\b|"
    r"\bwhat happens if\b|\bin case\b|\bjust in case\b|\basked (?:me )?(?:if|whether)\b"
)
# An instruction or a topic, not a statement: "ask about thoughts of suicide directly",
# "warning signs of self-harm".
ADVICE_LEAD = re.compile(
    r"(?:\b(?:ask|asking|asked|talk|talking|discuss|discussing|mention|mentioning|screen|"
    r"screening|assess|assessing|explain|explaining|learn|learning|read|reading) (?:\w+ )"
    r"{0,2}about (?:(?!my\b)\w+ ){0,2}|\b(?:signs|symptoms|warning signs|risk factors|"
    r"history) of (?:\w+ )?)$"
)
JOKE = re.compile(
    r"\b(?:jk|j/k|just kidding|just joking|kidding|jking|jokingly|as a joke|in jest)\b"
)
# "If X happens one more time I'll walk into the sea 😂": a laughing threat about a trifle.
HYPERBOLE = re.compile(r"\bif (?:[\w']+ ){0,8}?(?:one more time|once more|again|another \w+)\b")


def is_joke(sentence: str) -> bool:
    """A joke marker, or a laughing hyperbole, in the sentence."""
    return bool(JOKE.search(sentence) or (LAUGH.search(sentence) and HYPERBOLE.search(sentence)))


LAUGH = re.compile(r"\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|xd)\b|\U0001f602|\U0001f923")
LOGISTICS = re.compile(
    r"\b(?:moving (?:to|away|abroad|house|out|on to)|new job|relocat\w+|vacation|holiday|"
    r"travel\w*|trip|deleting (?:my|this) account|delete my account|leaving (?:the|this) "
    r"(?:forum|site|community|group|platform|app|country|city|company)|taking a break from|"
    r"log(?:ging)? off|signing off|retir(?:e|ing|ement)|graduat\w+|last day (?:at|of) "
    r"(?:work|school|my job)|stepping down|new chapter|off to (?:college|university|uni))\b"
)
RELATIONSHIP = re.compile(
    r"\b(?:with (?:him|her|them)|relationship|marriage|engagement|friendship|break ?up|"
    r"divorce|boyfriend|girlfriend|husband|wife|partner|dating|affair|lease|contract|"
    r"subscription|my job|the job|tell (?:him|her)|when (?:he|she)|things between us|"
    r"between us|the conversation|the call|the argument)\b"
)
QUESTION_START = re.compile(
    r"^(?:how|what|why|is|are|can|could|should|do|does|did|when|where|who|which|any|anyone)"
    r"(?![\w'])"
)


def is_question(sentence: str) -> bool:
    s = sentence.strip()
    return s.endswith("?") or bool(QUESTION_START.match(s))


# Named others: a generic "you", "people" or "someone" is a topic, not a person at risk.
GENERIC = re.compile(
    r"\b(?:you|we|people|someone|somebody|anyone|anybody|everyone|everybody|others|folks|"
    r"kids|teens|teenagers|clients?|patients?|students?|users?|survivors?|victims?|men|"
    r"women|person|callers?|texters?)\b"
)


def subject(text: str) -> str | None:
    """'first', 'other', 'generic' or None: the nearest subject in `text`."""
    first = _last(FIRST_PERSON, text)
    other = _last(OTHER_PERSON, text)
    if first is None and other is None:
        return None
    if other is None or (first is not None and first.end() > other.end()):
        return "first"
    return "generic" if GENERIC.fullmatch(other.group(0)) else "other"


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for m in pattern.finditer(text):
        found = m
    return found
