"""Spanish, French and German rules: the explicit phrases, the common passive and self-harm
wordings, partner threats and the weaker cues. Accents are already stripped by normalise()
("suicidarme", "moechte"/"mochte", "wunschte", "ware"), so patterns are written without
them. Negation is handled by the same context test as English ("no", "pas", "jamais",
"nicht", "nie", "kein"); where the negator sits inside the phrase ("je ne veux pas mourir",
"ich will nicht sterben") the phrase simply does not match.
"""

from __future__ import annotations

from mindwell.safety.risk.model import RiskLevel
from mindwell.safety.risk.rule import (
    BURDEN,
    FIRST,
    GOODBYE,
    HOPELESS,
    LOGISTICS,
    PROFESSIONAL,
    RECOVERY,
    REPORTED,
    SPEECH,
    TOPIC,
    Rule,
    alt,
    cue,
    rule,
)

CRISIS, ELEVATED = RiskLevel.CRISIS, RiskLevel.ELEVATED
_DE_GAP = r"(?:(?!nicht\b|nie\b|niemals\b|kein\w*\b)\w+ ){0,3}"
ABOUT = SPEECH | {TOPIC, RECOVERY, PROFESSIONAL}
DANGER = SPEECH | {RECOVERY}

_ES_IDIOM = (
    r"(?! (?:de|por) (?:risa|hambre|sueno|verguenza|ganas|calor|frio|aburrimiento|amor|sed|"
    r"curiosidad)| (?:estudiando|trabajando|en el gimnasio))"
)

RULES: tuple[Rule, ...] = (
    # --- Spanish -----------------------------------------------------------------------
    rule(
        "explicit-intent",
        CRISIS,
        alt(
            r"\b(?:quiero|voy a|pienso|quisiera|deseo|necesito|tengo ganas de|ganas de|estoy "
            r"pensando en|he decidido|decidi|planeo|prefiero) (?:suicidarme|matarme|quitarme "
            r"la vida|morirme|morir|acabar con (?:mi vida|todo)|terminar con mi vida)\b"
            + _ES_IDIOM,
            r"\bme (?:voy|quiero) (?:a )?(?:suicidar|matar|morir|quitar la vida)\b" + _ES_IDIOM,
            r"\bsuicidarme\b|\bquitarme la vida\b|\bacabar con mi vida\b",
            r"\b(?:ya )?no quiero (?:seguir )?(?:vivir|viviendo|estar viv[oa]|seguir aqui)\b"
            r"(?! (?:con|en|asi|aqui con|cerca))",
            r"\b(?:voy a|quiero|pienso|me voy a) (?:tirarme|lanzarme|aventarme|arrojarme) "
            r"(?:del|de un|de una|desde|por|al|a las vias|bajo|delante)\b",
            r"\b(?:voy a|quiero|pienso) (?:tomarme|beberme) todas (?:las|mis) (?:pastillas|"
            r"pildoras)\b",
            r"\b(?:voy a|quiero) cortarme las venas\b",
            r"\bme (?:tome|trague|bebi) (?:todas|toda|un bote|una caja|el bote|la caja|un monton) "
            r"(?:de )?(?:las |mis |sus )?(?:pastillas|pildoras|medicinas|medicamentos|caja|bote)"
            r"\b",
        ),
    ),
    rule(
        "passive-ideation",
        ELEVATED,
        r"\b(?:pensamientos|ideas) suicidas\b|\bideacion suicida\b|\b(?:quisiera|desearia|"
        r"me gustaria) (?:desaparecer|no despertar|no existir|dormir para siempre|estar "
        r"muert[oa]|no haber nacido)\b|\bojala (?:no despertara|no despertar|me muriera|"
        r"estuviera muert[oa]|no hubiera nacido)\b|\bno quiero despertar(?:me)?\b|\b(?:dormir|"
        r"dormirme) y no despertar(?:me)?(?: nunca| jamas| mas)?\b|\b(?:quiero|"
        r"tengo ganas de|ganas de) desaparecer\b",
        person=FIRST,
        guards=ABOUT,
    ),
    rule(
        "self-harm",
        ELEVATED,
        r"\bme corto(?! (?:el|la|las|los|un|una|con el cuchillo))\b|\bcortarme\b(?! el| la| las"
        r"| los)|\bme hago dano\b|\bautolesion(?:es|arme|o)?\b",
        person=FIRST,
        guards=ABOUT,
    ),
    rule(
        "threat-to-kill",
        CRISIS,
        r"\bme amenaz(?:o|a|aba) con matarme\b|\bamenazo con matarme\b|\bdijo que me (?:va|iba)"
        r" a matar\b",
        guards=DANGER,
    ),
    rule(
        "threat-to-kill",
        CRISIS,
        r"\bme (?:va a|quiere|iba a) matar\b",
        guards=DANGER,
        requires=r"\b(?:golpe\w*|pega|maltrat\w*|violen\w*|miedo|amenaz\w*|policia|abus\w*)",
    ),
    rule(
        "third-person-intent",
        CRISIS,
        r"\b(?:quiere|va a|dice que se va a|amenaza con|piensa) (?:suicidarse|matarse|quitarse "
        r"la vida)\b|\bse (?:quiere|va a) (?:suicidar|matar|quitar la vida)\b",
        person=REPORTED,
        guards=SPEECH | {PROFESSIONAL, RECOVERY},
    ),
    cue(HOPELESS, r"\bya no puedo mas\b|\bno aguanto mas\b|\bno tengo esperanza\b"),
    cue(BURDEN, r"\b(?:soy|me siento) una carga\b"),
    cue(
        GOODBYE,
        r"\badios a todos\b|\bgracias por todo\b|\besta es mi despedida\b",
        guards=SPEECH | {LOGISTICS},
    ),
    # --- French ------------------------------------------------------------------------
    rule(
        "explicit-intent",
        CRISIS,
        alt(
            r"\bje (?:veux|vais|voudrais|compte|pense a|souhaite|prefere|ai envie de|dois) "
            r"(?:me suicider|me tuer|mourir|en finir|mettre fin a mes jours|me foutre en l'air|"
            r"me jeter (?:du|d'un|sous))\b(?! (?:a la tache|au travail|de rire|avec (?:ce|"
            r"cette|ces|le|la|les|lui|elle|mon|ma|mes|notre|son|sa)))",
            r"\bme suicider\b|\bme foutre en l'air\b",
            r"\b(?:envie|besoin) (?:de|d') ?(?:mourir|me tuer|me suicider|en finir)\b",
            r"\bje ne veux plus vivre\b|\bj'ai plus envie de vivre\b|\bje n'ai plus envie de "
            r"vivre\b",
            r"\ben finir avec (?:la vie|ma vie)\b|\bmettre fin a (?:mes jours|ma vie)\b",
            r"\bje (?:vais|veux) (?:sauter|me jeter|me lancer) (?:du|d'un|d'une|de la|sous|par "
            r"la|depuis)\b",
            r"\bje (?:vais|veux) (?:avaler|prendre) (?:toutes mes|tous mes|la boite de) "
            r"(?:pilules|medicaments|comprimes|cachets)\b",
            r"\bje (?:vais|veux) m'ouvrir les veines\b",
            r"\bj'ai (?:avale|pris) (?:toute la boite|toute la plaquette|tout le flacon|toutes "
            r"mes|tous mes|une boite entiere|toutes les|tous les) ",
        ),
    ),
    rule(
        "passive-ideation",
        ELEVATED,
        r"\b(?:pensees|idees) (?:suicidaires|noires)\b|\b(?:je voudrais|j'aimerais|j'ai envie "
        r"de) (?:disparaitre|ne (?:pas|plus) me reveiller|ne plus exister|dormir pour "
        r"toujours)\b|\b(?:m'endormir|dormir|m'endormir pour toujours) et ne (?:jamais|plus|pas) "
        r"me reveiller\b",
        person=FIRST,
        guards=ABOUT,
    ),
    rule(
        "self-harm",
        ELEVATED,
        r"\bje me (?:scarifie|mutile|coupe les (?:bras|poignets|cuisses))\b|\bautomutilation\b|"
        r"\bscarification\b|\b(?:je me fais|me faire) du mal\b",
        person=FIRST,
        guards=ABOUT,
    ),
    rule(
        "threat-to-kill",
        CRISIS,
        r"\b(?:il|elle) (?:m'a|me) menace(?:e)? de (?:mort|me tuer)\b|\b(?:il|elle) (?:a dit|"
        r"dit) qu'(?:il|elle) (?:allait|va) me tuer\b|\bmenaces de mort\b",
        guards=DANGER,
    ),
    rule(
        "threat-to-kill",
        CRISIS,
        r"\b(?:il|elle) va me tuer\b",
        guards=DANGER,
        requires=r"\b(?:frapp\w*|violen\w*|peur|menac\w*|police|cogn\w*|battu\w*)",
    ),
    rule(
        "third-person-intent",
        CRISIS,
        r"\b(?:veut|va|menace de|pense a) se (?:suicider|tuer)\b",
        person=REPORTED,
        guards=SPEECH | {PROFESSIONAL, RECOVERY},
    ),
    cue(HOPELESS, r"\bje n'en peux plus\b|\bplus aucun espoir\b"),
    cue(BURDEN, r"\bje suis un fardeau\b"),
    cue(GOODBYE, r"\badieu\b|\bmerci pour tout\b", guards=SPEECH | {LOGISTICS}),
    # --- German ------------------------------------------------------------------------
    rule(
        "explicit-intent",
        CRISIS,
        alt(
            # German puts the verb last, so adverbs may sit in between ("ich werde mir heute
            # das Leben nehmen"); the gap never takes a negator ("ich will nicht sterben").
            r"\b(?:ich )?(?:will|werde|mochte|moechte|wurde am liebsten|muss) "
            + _DE_GAP
            + r"(?:mich (?:umbringen|toten|erhangen|aufhangen|erschiessen|vergiften)|sterben|"
            r"mir " + _DE_GAP + r"das leben nehmen|nicht mehr leben|tot sein|selbstmord "
            r"begehen)\b",
            r"\bich bringe? mich " + _DE_GAP + r"um\b(?! \d)",
            r"\bnehme mir das leben\b|\bmir das leben (?:nehmen|zu nehmen)\b",
            r"\b(?:will|mochte|moechte|kann) nicht mehr leben\b",
            r"\b(?:selbstmord|suizid) (?:begehen|machen)\b",
            r"\b(?:meinem leben|allem) ein ende (?:setzen|machen|bereiten)\b|\bmit dem leben "
            r"schluss machen\b",
            r"\b(?:werde|will) " + _DE_GAP + r"(?:von (?:der|einer|dem) (?:brucke|dach|hochhaus) "
            r"springen|vor (?:den|einen) zug (?:springen|werfen)|(?:alle|die ganzen) (?:\w+ )"
            r"{0,3}(?:nehmen|schlucken))\b",
            r"\b(?:tabletten|pillen|schlaftabletten) (?:gesammelt|gehortet)\b",
        ),
    ),
    rule(
        "ideation",
        ELEVATED,
        r"\b(?:suizidgedanken|selbstmordgedanken|suizidale gedanken)\b|\bich (?:denke|dachte) "
        r"(?:daran|dran|uber),? mich umzubringen\b",
        person=FIRST,
        guards=ABOUT,
        escalate=r"\b(?:standig|jeden tag|immer (?:mehr|ofter)|heute nacht|jetzt)\b",
    ),
    rule(
        "passive-ideation",
        ELEVATED,
        r"\b(?:ich )?(?:wunschte|wunsche)(?: ich)?(?: mir)?,? (?:ich ware tot|ich ware nie "
        r"geboren|ich konnte "
        r"(?:einfach )?verschwinden|ich wurde nicht mehr aufwachen)\b|\bnicht mehr aufwachen\b|"
        r"\bnicht mehr (?:da|hier) (?:zu )?sein\b",
        person=FIRST,
        guards=ABOUT,
    ),
    rule(
        "self-harm",
        ELEVATED,
        r"\bich (?:ritze|verletze|schneide) mich\b|\bselbstverletzung\b|\britzen\b",
        person=FIRST,
        guards=ABOUT,
    ),
    rule(
        "threat-to-kill",
        CRISIS,
        r"\b(?:gedroht|droht(?: mir)?|drohte(?: mir)?),? mich (?:umzubringen|zu toten)\b|"
        r"\bmorddrohung\w*\b|\b(?:hat|hatte) mich (?:\w+ ){0,2}(?:gewurgt|erwurgt)\b|\bwurgte "
        r"mich\b",
        guards=DANGER,
    ),
    rule(
        "threat-to-kill",
        CRISIS,
        r"\ber (?:bringt|wird) mich (?:noch )?um(?:bringen)?\b|\bbringt er mich (?:\w+ ){0,2}"
        r"um\b",
        guards=DANGER,
        requires=r"\b(?:schlagt|schlug|gewalt|angst|polizei|bedroht|prugelt|pruegelt|verletzt|"
        r"gewurgt|wurgt|wurgte)",
    ),
    rule(
        "third-person-intent",
        CRISIS,
        r"\b(?:will|wird|droht),? sich (?:umzubringen|das leben zu nehmen|umbringen|zu toten)\b|"
        r"\bwill sich (?:umbringen|das leben nehmen|toten)\b",
        person=REPORTED,
        guards=SPEECH | {PROFESSIONAL, RECOVERY},
    ),
    cue(HOPELESS, r"\bich kann nicht mehr\b|\bkeine hoffnung mehr\b"),
    cue(BURDEN, r"\bich bin (?:nur )?eine last\b"),
    cue(GOODBYE, r"\blebt wohl\b|\bdanke fur alles\b", guards=SPEECH | {LOGISTICS}),
)
