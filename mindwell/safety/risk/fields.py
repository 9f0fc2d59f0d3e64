"""Lexical fields: broad word families that are no risk alone but describe a crisis when
several of them meet in a few sentences (situations.py combines them).

The phrase rules (lexicon_en*.py) need the writer to name the act ("kill myself", "take an
overdose"). People in crisis often describe the circumstances instead: "the pills are
lined up on my desk", "standing on the bridge rn", "I gave my guitar to my brother, won't
need it where I'm going". Each field below is one family of such words: a means, a
perilous place, the moment, readiness, finality, preparation, distress, and so on. One
field is ordinary language ("pills", "tonight", "the bridge"); three different fields in
the same few sentences rarely are.

Patterns run on normalise()d text, one scan for every field (SCAN), with bounded gaps only.
"""

from __future__ import annotations

import re

# Clause end, for phrases that only count when nothing follows them ("i'm done.").
END = r"(?= ?(?:[^\w\s']|\n|$|and\b|but\b|so\b|lol\b))"
_PEOPLE = (
    r"(?:everyone|everybody|mum|mom|dad|my (?:\w+ )?(?:family|parents|mum|mom|dad|sister|"
    r"brother|son|daughter|kids|wife|husband|partner|friends?|boyfriend|girlfriend)|them|"
    r"each of them|all of you|you all|you guys|[a-z]+)"
)
DRUGS = (
    r"(?:(?:pills?|tablets?|meds|"
    r"medications?|painkillers|paracetamol|tylenol|acetaminophen|ibuprofen|aspirin|codeine|"
    r"insulin(?: pens?)?|antidepressants|sertraline|benzos?|xanax|diazepam|opioids|oxy\w*|"
    r"morphine|fentanyl|heroin|lithium|quetiapine|seroquel|zopiclone|sleeping pills|"
    r"tramadol|co-codamol|naproxen|amitriptyline|mirtazapine|propranolol|citalopram|"
    r"fluoxetine|venlafaxine|zolpidem|ambien|valium|methadone|antihistamines|"
    r"pastillas|medicamentos|cachets|comprimes|somniferes|medicaments|tabletten|pillen|"
    r"schlaftabletten))"
)
PERSON_AGENT = (
    r"(?:he|she|they|he's|she's|they're|my (?:\w+ )?(?:husband|wife|boyfriend|girlfriend|"
    r"partner|ex|bf|gf|fiance|fiancee|dad|father|stepdad|stepfather|mum|mom|mother|stepmum|"
    r"stepmom|stepmother|brother|uncle|grandad|grandpa|cousin|flatmate|roommate)|my (?:mum|"
    r"mom|mums|moms|mum's|mom's) (?:boyfriend|partner|husband)|her (?:boyfriend|husband|ex)|"
    r"his (?:girlfriend|wife|ex)|mi (?:novio|marido|esposo|padre|pareja)|mon (?:mari|copain|"
    r"pere)|mein (?:mann|freund|vater))"
)
VICTIM = (
    r"(?:me|us|my (?:\w+ )?(?:mum|mom|mother|sister|brother|son|daughter|kids?|children|baby|"
    r"dog|cat|wife|husband|partner)|her|him|them|the (?:kids|children|baby|dog))"
)
CHILD_WORDS = (
    r"(?:my|our|her|his) (?:little |baby |younger |two |three |\w+ year old )?\b(?:sister|"
    r"brother|son|daughter|kids?|children|baby|toddler|sisters|brothers)|the (?:kids|"
    r"children|baby)",
    r"(?:i'm|i am|she's|he's|she is|he is) (?:only |just )?(?:[2-9]|1[0-7])(?! (?:minutes|"
    r"hours|days|weeks|months|miles|km|kg|stone|pounds|percent))",
    r"(?:[2-9]|1[0-7])[ -]\b(?:years? old|yrs? old|year-old|yr-old)",
)

FIELDS: dict[str, str | tuple[str, ...]] = {
    # --- Danger from someone else (the agent is part of the phrase) ---------------------
    "weapon": (
        PERSON_AGENT + r" (?:\w+ )?\b(?:has|had|got|grabbed|pulled out|pulled|is holding|was "
        r"holding|holding|loaded|is waving|waved|came at me with|took out|keeps) (?:a|the|his|"
        r"her|their|my) (?:\w+ )?\b(?:knife|knives|gun|shotgun|rifle|pistol|machete|bat|"
        r"hammer|axe|blade|weapon)",
        r"(?:his|her|their) (?:gun|shotgun|rifle|pistol) (?:is|was) loaded",
        r"(?:he|she|they)(?:'s| is| was| are|'re)? (?:[\w']+ ){0,4}?\bwith (?:a|the|his|her) "
        r"\b(?:knife|gun|shotgun|rifle|machete|bat|hammer|axe|weapon)",
    ),
    "threat": (
        PERSON_AGENT + r"(?: (?:\w+ ){0,3}(?:screaming|yelling|saying|says|said|swears|"
        r"threatening|threatened|shouting)(?: that)?)? (?:he|she|they)?(?:'s|'ll| is| will| "
        r"are|'re)? ?\b(?:going to|gonna|about to) (?:burn (?:it|the house|the flat|us|me)|set "
        r"fire to|kill|hurt|stab|shoot|strangle|drown|smash) ",
        r"with (?:us|me|the kids|the children|the baby) (?:still )?inside",
        r"(?:smell|smells|smelled|poured|pouring) (?:of )?(?:petrol|gasoline|gas|lighter fluid)",
    ),
    "sexual": (
        r"(?:touch(?:es|ing|ed)|feel(?:s|ing)? me up|groped|gropes|forced) me\b",
        r"(?:comes|came|coming|creeps|creeping) into my (?:room|bed|bedroom) (?:at night|when)",
        r"makes me (?:touch|do things|keep (?:it|this) (?:a )?secret)",
    ),
    "harm": (
        PERSON_AGENT + r"(?: (?:\w+ ){0,3}?(?:and|always|often|still|then|again|also|even|"
        r"just|keeps|kept|sometimes))? (?:hits?|hitting|beats?|beating|punch(?:es|ed|ing)|"
        r"kick(?:s|ed|ing)|slap(?:s|ped|ping)|chok(?:es|ed|ing)|strangl(?:es|ed|ing)|"
        r"shov(?:es|ed|ing)|push(?:es|ed|ing)|drags?|dragged|burn(?:s|ed|t)|bit|bites|"
        r"throws? (?:\w+ ){1,2}at|threw (?:\w+ ){1,2}at|smash(?:es|ed) (?:\w+ ){1,2}(?:over|"
        r"on|into)) " + VICTIM + r"(?! (?:up|to|on (?:whatsapp|insta|snap)|with (?:a pillow|"
        r"kindness|questions|the news)|harder|too hard|off|away|out of))",
        PERSON_AGENT + r" (?:\w+ ){0,2}?\b(?:calls|called|makes|made) " + VICTIM + r" (?:stupid|"
        r"worthless|useless|a mistake|names|stand (?:\w+ ){0,4}for hours|sleep (?:outside|in the)"
        r"|kneel)",
        r"(?:me|nos) (?:pega|golpea|empuja|ahorca)|(?:me|nous) (?:frappe|bat|pousse|etrangle)|"
        r"(?:schlagt|tritt|schubst|wurgt) (?:mich|uns)",
    ),
    "danger": (
        r"(?:banging|hammering|pounding|kicking) (?:on|at|in) (?:the|my|our) (?:\w+ )?"
        r"(?:door|window)",
        r"(?:he's|she's|they're|he is|she is|they are) (?:outside|downstairs|at the door|"
        r"trying to (?:get|break) in)",
        r"(?:i'm|i am|we're|we are) (?:locked|hiding|shut) (?:in|inside|under)|locked (?:my ?self|"
        r"us) in|hiding (?:in|from|under)",
        r"(?:he|she) (?:has|'s got|still has) (?:a|the) key",
        r"(?:until|till|til) i (?:passed|blacked) out",
    ),
    "child": CHILD_WORDS,
    "neglect": (
        r"(?:hasn't|has not|haven't|hasnt|not) been (?:home|back) (?:for|since) (?:\d+|two|three|"
        r"four|five|a few|several|days)",
        r"(?:there's|there is|we have|we've got|theres) no food|left (?:us|me|them|the kids) "
        r"(?:alone|on (?:my|our|their) own) (?:for|all)",
    ),
    "injury": r"bruis(?:es|ed|ing)|black eye|bleeding|broke (?:my|her|his)|marks on|stitches",
    "unreach": (
        r"(?:isn't|is not|not|won't|hasn't been|stopped) (?:answering|picking up|replying|"
        r"responding)",
        r"(?:phone|location)(?:'s| is) (?:off|dead|switched off)|location (?:shows|says)|can't "
        r"(?:reach|get hold of)",
    ),
    # --- The writer's own situation --------------------------------------------------
    "ingest": (
        r"(?:took|taken|swallowed|downed|necked|popped|ate|had|chugged|have taken|i've taken)"
        r" (?:(?:like|about|around|maybe|over|nearly|almost|at least) )?(?:all|every(?:thing)?|"
        r"whatever|the (?:whole|entire|rest)|a (?:whole|full|handful|bunch|load|fistful|"
        r"packet|box|strip|bottle|pack)|half (?:a|the)|loads|\d{2,}|twenty|thirty|forty|fifty)"
        r"(?: [\w']+){0,5}? " + DRUGS,
        r"(?:already|just) (?:took|swallowed|taken|downed|necked) (?:them|it|those|these)(?: all)?",
        r"(?:swallowed|downed|took|necked|taken) (?:whatever|everything|all) (?:was |i could "
        r"find |i found )?(?:in|from) (?:the|my|mum's|mums|mom's|dad's|dads|our) (?:\w+ )?"
        r"(?:cabinet|cupboard|drawer|box|bathroom)",
        r"(?:tome|me tome|tomé|j'ai pris|j'ai avale|ich habe) (?:toda|todas|todo|tous|toutes|"
        r"toute|die ganze|alle)(?: [\w']+){0,3}? " + DRUGS,
    ),
    "symptom": (
        r"(?:feel|feeling|felt|i'm|i am) (?:really |so |kind of |kinda |very |a bit )?(?:weird|"
        r"strange|funny|floaty|dizzy|drowsy|sick|faint|woozy|numb|out of it|bizarre|rara|"
        r"raro|komisch)",
        r"(?:room|head|everything) (?:is )?spinning|can't stop (?:shaking|throwing up|being "
        r"sick|vomiting)|throwing up|vomiting|(?:stomach|chest) (?:really )?(?:hurts|pain)|"
        r"heart (?:is )?racing|can't (?:breathe|see properly|feel my)|ears (?:are )?ringing|"
        r"(?:me siento|je me sens|ich fuhle mich) (?:mal|bizarre|rara|raro|komisch)",
    ),
    "selfharm": r"(?:cut|cutting|burn|burnt|burned|burning|scratch(?:ed|ing)?|hitting|hit|"
    r"punch(?:ed|ing)|bang(?:ed|ing)|carv(?:e|ed|ing)|stab(?:bed|bing)?|bit|biting) (?:at )?"
    r"(?:my (?:arms?|wrists?|thighs?|legs?|skin|stomach|hips?|head|face|chest|belly)|my ?self"
    r"(?! (?:on|by|while|cooking|shaving|accidentally|by accident|in the)\b))",
    "severe": (
        r"(?:way |much |a lot )?deeper than (?:usual|normal|before|ever|i meant)",
        r"(?:it's|its|it is|blood is|still) (?:pouring|gushing|everywhere)|soaked through|"
        r"(?:won't|will not|can't|doesn't) stop bleeding|see (?:the )?(?:fat|bone)|"
        r"so much blood|(?:need|needs) stitches",
        r"skin (?:has |is )?(?:gone|turned|going) (?:white|black|leathery|grey)|(?:it's|its|it is) "
        r"(?:huge|gaping|really deep|so deep|wide open)",
    ),
    "motive": (
        r"with a (?:lighter|compass|razor|blade|knife|hairbrush|pen|scissors|belt|pin|needle|"
        r"sharpener|lighter)",
        r"(?:until|till|til) (?:it|they) (?:bruise|bleed|bled|bruised|hurt)",
        r"(?:to|just to|needed to) feel (?:something|anything|real|better)|(?:i )?deserve to "
        r"(?:hurt|suffer|be hurt|feel pain)|takes the edge off|only thing that helps",
    ),
    "means": (
        DRUGS,
        r"rope|noose|ligature|razor blades?|blades?|razors?|knife|box cutter|gun|shotgun|"
        r"rifle|pistol|revolver|handgun|bullets?|bleach|antifreeze|rat poison|charcoal|"
        r"helium|(?:engine|car) running|exhaust|cuerda|pistola|corde|fusil|seil|strick|"
        r"waffe|pistole",
        r"(?:the next|the \d+[:.]\d\d|next) (?:train|express|freight)|freight train",
    ),
    "place": (
        r"(?:i'm|i am|im|standing|sitting|stood|sat|perched|waiting|lying|parked(?: up)?|here) "
        r"(?:\w+ ){0,2}?(?:on|at|by|near|under|in|on top of|at the top of|at the edge of|on the "
        r"edge of) (?:the |a |this |that |my )?(?:[\w-]+ ){0,2}?\b(?:bridge|brucke|puente|pont|"
        r"ledge|roof|rooftop|cliffs?|cliff path|cliff edge|edge|tracks|railway(?: line)?|level "
        r"crossing|platform|overpass|flyover|car park|multi-storey|quarry|top floor|viaduct|"
        r"pier|dam|car in the garage|garage with the engine|multi storey|multistorey)",
        r"(?:walk(?:ed|ing)?|go(?:ing)?|went|climb(?:ed|ing)?) (?:up )?(?:to|onto|over) the "
        r"(?:edge|ledge|railing|barrier|roof|top of the)(?: of the (?:[\w-]+ ){0,2}?(?:cliff|"
        r"bridge|roof|building|car park|cliff path))?",
        r"(?:from )?up here|estoy en el puente|je suis sur le pont|ich bin auf der brucke",
    ),
    "peril": (
        r"(?:legs|feet) (?:are )?(?:over|dangling over|hanging over) the (?:edge|side|water)",
        r"(?:on|over) the (?:other|wrong) side of the (?:railing|barrier|fence|rail)",
        r"looking (?:over|down) (?:the )?(?:side|edge|railing|barrier)",
        r"the (?:water|drop|road|tracks|ground) (?:looks|seems|is) (?:so )?(?:calm|inviting|"
        r"peaceful|far|close)|looking down at the (?:water|road|tracks|drop|ground)",
    ),
    "act": (
        r"(?:jump|jumping)(?= ?(?:[.,!?;\n]|$|tonight|today|now|right now|soon|in front))",
        r"(?:jump|jumping|throw my ?self|throwing my ?self) (?:off|from) (?:the|a|this|that|my) "
        r"(?:[\w-]+ ){0,2}?(?:bridge|roof|rooftop|building|cliff|ledge|balcony|car park|tower|"
        r"overpass|flyover|window|top floor|multi-storey|viaduct|block of flats)",
        r"(?:take|taking|swallow(?:ing)?|use|using|down(?:ing)?|neck(?:ing)?) (?:them all|all "
        r"of them|every (?:single )?one(?: of them)?|the (?:whole )?lot|the whole (?:box|"
        r"bottle|packet|pack|thing)|everything i(?:'ve| have)? (?:got|saved))",
        r"(?:walk|walking|wade|wading|swim|swimming) (?:out )?into the (?:sea|ocean|river|lake|"
        r"water|waves|traffic)",
        r"(?:drive|driving|crash|crashing|steer|steering|swerv(?:e|ing)) (?:(?:my|her|his|their|"
        r"the) car |it )?(?:into|off) (?:the |a |an )?(?:quarry|river|lake|sea|wall|tree|cliff|"
        r"bridge|"
        r"oncoming|barrier|canal|lorry|truck|edge|road)",
        r"(?:step|stepping|walk|walking|throw|throwing|jump|jumping) (?:my ?self )?(?:out )?in "
        r"front of (?:a|the|an|the next) (?:\w+ )?(?:train|bus|lorry|truck|car|tram|express|"
        r"freight)",
        r"let(?:ting)? go of the (?:steering )?wheel",
        r"(?:not|never) (?:stepping|going|coming|walking) back(?: this time)?|(?:won't|will "
        r"not) (?:step|walk|come) back",
        r"(?:stop|stopping) existing(?! for a (?:while|bit|day|few|moment))|cease to exist",
        r"(?:sea|ocean|river|water|bridge|edge|tracks|void|rope) (?:is |has been |keeps |was )?"
        r"calling (?:me|my name|to me)",
        r"tirarme|me tirer|sauter du|springen|me (?:voy|vais) a (?:tirar|matar)",
    ),
    "doit": (
        r"(?:do|doing|doin) it(?! (?:again|for|with|right|properly|myself|by myself|later)\b)",
        r"go through with it|get it over with|try again|one of these (?:times|days|nights)|"
        r"(?:tonight|today)(?:'s| is) (?:it|the (?:night|day))(?= ?(?:[.,!?;\n]|$))",
        r"keep (?:picking (?:it|them) up|looking at (?:it|them)|holding (?:it|them))",
        r"(?:sitting|sat|sit) with (?:it|them|the \w+) (?:on my lap|in my hands?)|(?:tonight|"
        r"today|this) (?:feels|is) different",
    ),
    "ready": (
        r"(?:are|is|'re|'s) (?:all )?(?:ready|laid out|lined up|counted(?: out)?|loaded|set up|"
        r"in (?:my|the) (?:bag|backpack|pocket|drawer|car|hand)|in front of me|next to me|"
        r"beside me|on my (?:desk|bed|table|lap))",
        r"(?:is|are|'s) (?:up|hung|tied|on the side|by the bath)|(?:bought|got|picked up|buying) "
        r"(?:the|a|some|more) \b(?:rope|charcoal|hose|blades|razors|tablets|pills|helium)",
        r"(?:la |el |les? )?(?:cuerda|pastillas|pistola|corde|fusil|seil|pistole) (?:esta |est )?"
        r"(?:lista|listas|listo|prete|pret|bereit)",
        r"lined up|laid out|counted out|all of them|(?:already|all) in my (?:bag|backpack|"
        r"pocket|car|hand)|got (?:the|my) (?:\w+ ){0,2}out|(?:saved|stockpiled|been saving|"
        r"been collecting) (?:up )?(?:for|them|enough)",
    ),
    "time": (
        r"tonight|tonite|right now|as i (?:type|write) this|today|tomorrow(?: morning| night)?"
        r"|this (?:morning|afternoon|evening|weekend|week)|soon|before (?:morning|dawn)",
        r"(?:on|this|by) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
        r"(?:by )?this time tomorrow|in (?:a few|\d+|an|a|a couple of|ten|five|twenty) "
        r"(?:minutes|mins|min|hours?)",
        r"(?:an|a|\d+|two|few|a few|couple of) (?:hours?|minutes?|mins) ago|at (?:about|around)"
        r" \d{1,2}(?: ?(?:am|pm))?\b",
        r"(?:after|when|once|till|until) (?:everyone|every1|the house|they|my (?:parents|"
        r"mum|mom|dad|wife|husband|flatmate|partner)|the kids)(?:'s| is| are| has| have| goes"
        r"| go| falls?)? (?:gone )?(?:asleep|to sleep|to bed|quiet|out|gone|go quiet|goes "
        r"quiet)",
        r"(?:house|flat|place) (?:to )?(?:go|goes|is|gets) quiet|now" + END,
        r"(?:nobody|no one|no-one)(?:'s| is) (?:home|in|around|here)",
        r"is the (?:date|day)" + END,
        r"esta noche|ce soir|heute (?:nacht|abend)|ahora mismo|maintenant|jetzt",
    ),
    "final": (
        r"where i'm going|(?:when|by the time|once|after) (?:you|anyone|someone|somebody|people"
        r"|they|you guys) (?:read|reads|see|sees|find|finds|get|gets) this",
        r"(?:you'll|you will|they'll|they will|someone will) find me",
        r"won't be (?:here|around|alive) (?:tomorrow|by (?:tomorrow|the morning|morning)|next "
        r"week|in the morning)|(?:notice|realise|realize|care|know) (?:that |when |if )?i'm gone",
        r"(?:i've|i have) made (?:my|the) decision|(?:i'm|i am) at peace with (?:it|my decision|"
        r"this)|won't have to (?:do|face|deal with) (?:anything|any of this|it) (?:ever )?again",
        r"won't be (?:around|here) (?:to (?:\w+ ){1,3}(?:anymore|any more|again|after)|anymore"
        r"|any more|much longer|for much longer|after (?:tonight|today|this))",
        r"(?:don't|do not|please don't|dont) blame (?:yourselves|yourself|anyone|him|her|them|"
        r"mum|mom|dad|my \w+)|(?:wasn't|isn't|was not|is not) (?:your|his|her|their|anyone's) "
        r"fault|none of you could have",
        r"(?:you|they|everyone) (?:won't|will not|will never|won't ever) have to (?:worry "
        r"about|deal with|put up with|see|hear from) me",
        r"(?:been|it's been|it was|had) a good run|(?:this is|this will be|it's) the last time "
        r"(?:i|you)|last time i (?:log|post|write|message|say)",
        r"(?:my |the |this |a )?(?:final|last) (?:post|message|words|goodbye|entry|note)"
        r"(?! (?:of|in|for|about|on|before|till|until|was|is|from)\b)",
        r"goodbye (?:letters?|notes?|messages?)|(?:i'll|i will) (?:already )?be gone(?! (?:for|"
        r"until|till|from|on|at|by|a|in|over|all)\b)|(?:after|when|once) i'm gone",
        r"see you (?:on the other side|in (?:the|another) (?:next )?life)|(?:it'll|it will|"
        r"everything will|it'll all|it will all) (?:all )?be (?:over|quiet|done|finished)",
        r"tell " + _PEOPLE + r" (?:that )?(?:i (?:love|loved|'m sorry)|it (?:wasn't|isn't) "
        r"(?:his|her|their|your) fault)",
    ),
    "prep": (
        r"(?:wrote|written|writing|write|left|leaving) (?:\w+ )?(?:letters?|notes?|cards?) "
        r"(?:to|for) " + _PEOPLE,
        r"(?:gave|giving|given) (?:away )?(?:my|all my|his|her|all his|all her) (?:\w+ ){0,2}?"
        r"(?:to|away)\b",
        r"(?:wrote|written|finished) (?:the|my|all the) (?:letters|notes)|(?:told|showed) (?:\w+ )"
        r"{1,2}where (?:the|my|his|her) (?:\w+ )?(?:papers|passwords|will|keys|documents) "
        r"(?:are|is)",
        r"everything (?:will be|is|'s) (?:sorted|in order|arranged|taken care of)|(?:car|house|"
        r"flat|bike)(?:'s| is| has been) sold|(?:cat|dog|pets?|\w+)(?:'s| is) going to (?:my|the|a|"
        r"live with) \w+",
        r"won't need (?:it|them|this|these|any of (?:it|this|them)|my \w+)(?= ?(?:[.,!;\n]|$|"
        r"anymore|any more|where|after|again))",
        r"(?:passwords?|pins?|codes?|keys|bank details|insurance(?: papers)?) (?:are|is) "
        r"(?:in|under|on)|the code for the \w+ is",
        r"(?:please )?make sure (?:someone|somebody|you|they|he|she|[a-z]+) (?:feeds|looks "
        r"after|takes care of|walks|gets)|food out for",
        r"(?:left|leaving|dropped off|gave) (?:my )?(?:cat|dog|pets?|kids|rabbit|hamster|"
        r"bird|[a-z]+) with (?:the|my) (?:neighbou?r|mum|mom|sister|brother|friend|parents)",
        r"(?:deleted|deleting) (?:all )?my (?:socials|social media|accounts|instagram|photos)|"
        r"(?:cancelled|canceled|cancelling) my (?:phone|contract|subscriptions?|gym|plans|"
        r"therapist|therapy|appointments?|sessions?)",
        r"(?:wrote|updated|made|signed) (?:my|a) will|(?:paid off|settled|cleared) (?:my|all my)"
        r" (?:debts?|bills)|put my affairs in order|saying my goodbyes",
    ),
    "farewell": (
        r"(?:i'm )?(?:so )?sorry (?:for everything|everyone|all|guys|mum|mom|dad|[a-z]+)" + END,
        r"(?:i'm )?(?:so )?sorry" + END + r"|please forgive me|love you all|goodbye",
        r"(?:thank you|thanks) (?:all |everyone |guys )?for (?:everything|all the (?:\w+ )?"
        r"(?:chats|talks|support|replies)|being there|listening|putting up with me)",
        r"look after (?:each other|yourselves|mum|mom|dad|my \w+)|said goodbye to (?:the|his|her|"
        r"my|their) \w+",
        r"(?:wanted|want|just wanted) (?:someone|somebody|you|people|you all) (?:out there )?"
        r"to know|(?:wanted|want|just wanted) to say (?:thanks|thank you|goodbye|sorry|i love)",
    ),
    "distress": (
        r"(?:i'm|i am|so|just|completely) done" + END + r"|done with (?:life|everything|it all|"
        r"living)",
        r"can't (?:do this|take (?:it|this)|go on|cope|anymore)(?: anymore| any more)?|no puedo "
        r"mas|ya no puedo|ich kann nicht mehr|j'en peux plus|je n'en peux plus",
        r"(?:nobody|no one|no-one) (?:even )?(?:cares|notices|looks(?: up)?|would notice|will "
        r"notice|would care|will care|will miss me|would miss me)",
        r"not a cry for help|no (?:point|way out|hope) (?:anymore|left|in anything)|what's "
        r"the point|nothing (?:matters|left)|none of (?:this|that|it) (?:will )?matters?",
        r"want (?:it all|everything|it|the pain|the noise) to (?:stop|end|go away)|everything i "
        r"touch (?:goes wrong|turns to)|(?:hates|hate) (?:herself|himself|themselves)",
        r"tired of (?:everything|fighting|living|being alive|it all|life)|hopeless|worthless|"
        r"better off without me|hate myself|i deserve (?:this|it|to hurt|pain)",
    ),
    "exist": (
        r"(?:wouldn't|would not|don't think i'd|don't think i would|won't) (?:still )?be "
        r"(?:here|alive|around)" + END,
        r"if i (?:just )?(?:didn't exist|disappeared|wasn't here|wasn't around|was gone|were "
        r"gone|died|stopped existing|never woke up|didn't wake up)",
        r"(?:only reason|the reason) (?:i'm|i am) still (?:here|alive|around)|(?:don't|do not|"
        r"stopped|stop) car(?:e|ing) (?:whether|if) i (?:live|die|wake up|make it)",
        r"(?:could|would|can) (?:just )?(?:vanish|disappear)(?! for| into| to| from| under)",
        r"disappear(?:ed|ing)? (?:for good|forever|permanently|for ever)|(?:want|wants|wanting)"
        r" to disappear forever",
        r"(?:wasn't|was never|had never been|weren't|never been) born|not (?:to )?exist"
        r"(?:ing)?\b|(?:not|never) wake up|sleep forever",
        r"(?:plus|aucun) (?:l')?interet (?:de|a) vivre|(?:sentido|razon) (?:a la vida|para "
        r"vivir|de vivir|seguir)|(?:keinen|kein) sinn (?:mehr )?(?:zu leben|im leben)|"
        r"(?:ne plus|no) existir|desaparecer para siempre|disparaitre pour toujours|(?:mejor )?"
        r"no estar aqui|ne plus etre la|nicht mehr (?:da|hier) (?:zu )?sein",
    ),
    # Always about the writer, whoever the sentence's subject is ("my kids would be...").
    "burden": (
        r"better off (?:without me|with (?:a different|another|someone else|a new|a better) \w+)",
        r"(?:a |just a )?(?:weight|millstone|burden|drain|dead weight) (?:around|round|on|to|for) "
        r"(?:\w+'s |my |their |everyone's )?(?:neck|family|everyone|them|shoulders)",
    ),
    "deathwish": r"if i (?:\w+ ){0,2}(?:got|get|had) \b(?:a terminal|hit by|cancer|killed)",
    "relief": r"(?:feel|be|i'd be|would be) (?:so |honestly |kind of )?relieved|wouldn't mind"
    r"|welcome it",
}

# Fields that describe the means or the place (what makes a plan concrete), and fields that
# say what the writer means to do with them.
CONCRETE = frozenset({"means", "place"})
DARK = frozenset(
    {"act", "doit", "ready", "final", "prep", "farewell", "distress", "exist", "peril", "ideation"}
    | {"burden"}
)
# Every finding needs one of these; the other fields only count next to one.
CORE = frozenset(
    {"means", "place", "act", "final", "prep", "ingest", "selfharm", "exist", "distress", "burden"}
    | {"deathwish", "weapon", "threat", "sexual", "harm", "neglect"}
)
# Fields whose subject is part of the phrase (an agent doing harm), not the writer.
OTHERS = frozenset({"weapon", "threat", "sexual", "harm", "danger", "injury", "unreach", "neglect"})

# One pattern per phrasing, so the engine's literal prefilter runs each only on the
# sentences that hold one of its words.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (tag, re.compile(r"\b(?:" + part + r")(?!\w)"))
    for tag, parts in FIELDS.items()
    for part in ((parts,) if isinstance(parts, str) else parts)
)
