"""Vocabulary for generated posts (`mindwell generate_data`): the subjects people bring to
a mental-health and relationships forum, in lists the generator combines. Plain words and
punctuation only (no &, <, > or quotes), so the Markdown the generator writes renders to
HTML it can write itself. Nothing here describes crisis or self-harm: generated content
must not trip the crisis assessor."""

# fmt: off

# Tags in rough order of popularity (the generator picks them with a Zipf-like skew).
TAGS = [
    "anxiety", "depression", "sleep", "stress", "relationships", "family", "work", "therapy",
    "self-esteem", "loneliness", "friendship", "grief", "parenting", "communication",
    "burnout", "boundaries", "panic", "motivation", "breakup", "dating", "marriage",
    "social-anxiety", "mindfulness", "exercise", "medication", "counselling", "confidence",
    "anger", "trust", "jealousy", "divorce", "siblings", "teenagers", "career", "studying",
    "exams", "procrastination", "habits", "routine", "overthinking", "rumination", "worry",
    "health-anxiety", "insomnia", "nightmares", "fatigue", "energy", "diet", "appetite",
    "body-image", "perfectionism", "shame", "guilt", "forgiveness", "conflict", "apology",
    "in-laws", "pregnancy", "postnatal", "new-parent", "toddlers", "school", "bullying",
    "moving-house", "retirement", "caregiving", "dementia", "illness", "chronic-pain",
    "adhd", "autism", "ocd", "phobia", "trauma", "ptsd", "memories", "nostalgia",
    "long-distance", "online-dating", "first-date", "commitment", "cheating", "attachment",
    "introvert", "extrovert", "small-talk", "public-speaking", "interviews", "colleagues",
    "manager", "remote-work", "unemployment", "money-worries", "debt", "housing",
    "neighbours", "pets", "pet-loss", "hobbies", "creativity", "journaling", "gratitude",
    "meditation", "breathing", "yoga", "walking", "nature", "music", "reading", "screen-time",
    "social-media", "phone-habits", "news-anxiety", "climate-worry", "identity", "values",
    "purpose", "spirituality", "culture", "language", "immigration", "homesickness",
    "university", "flatmates", "roommates", "holidays", "christmas", "birthdays", "weddings",
    "funerals", "anniversaries", "step-family", "adoption", "fertility", "miscarriage",
    "menopause", "hormones", "seasonal", "winter-blues", "sunlight", "caffeine", "alcohol",
    "quitting-smoking", "cravings", "self-care", "rest", "naps", "dreams", "emotions",
    "crying", "numbness", "irritability", "mood-swings", "resilience", "hope", "change",
    "decisions", "regret", "future", "ageing", "parents", "fathers", "mothers", "grandparents",
    "children", "only-child", "twins", "cousins", "best-friend", "old-friends", "new-friends",
    "people-pleasing", "saying-no", "assertiveness", "listening", "empathy", "kindness",
]

ADJECTIVES = [
    "quiet", "gentle", "bright", "calm", "curious", "steady", "kind", "brave", "patient",
    "hopeful", "thoughtful", "warm", "sunny", "honest", "careful", "cheerful", "humble",
    "lively", "mellow", "nimble", "placid", "serene", "tender", "witty", "zesty", "amber",
    "azure", "coral", "golden", "silver", "misty", "rainy", "snowy", "windy", "autumn",
]

NOUNS = [
    "otter", "heron", "willow", "maple", "river", "meadow", "harbour", "lantern", "sparrow",
    "badger", "fern", "pebble", "comet", "garden", "orchard", "island", "valley", "robin",
    "thistle", "acorn", "beacon", "canyon", "dune", "ember", "fjord", "glade", "hazel",
    "juniper", "kestrel", "lagoon", "marsh", "nectar", "oak", "prairie", "quartz", "reef",
]

PEOPLE = [
    "partner", "husband", "wife", "boyfriend", "girlfriend", "mother", "father", "sister",
    "brother", "best friend", "flatmate", "manager", "colleague", "son", "daughter",
    "teenager", "grandmother", "grandfather", "mother-in-law", "ex", "neighbour", "friend",
    "cousin", "stepdad", "stepmum", "housemate", "team lead", "teacher", "therapist",
]

FEELINGS = [
    "anxious", "tired", "low", "overwhelmed", "restless", "lonely", "irritable", "numb",
    "stuck", "on edge", "flat", "worried", "tense", "unmotivated", "guilty", "ashamed",
    "frustrated", "sad", "drained", "nervous", "unsettled", "confused", "hurt", "jealous",
]

EVENTS = [
    "moving to a new city", "starting a new job", "a breakup", "the birth of our baby",
    "losing my grandmother", "a long illness", "finishing university", "a row with my family",
    "being made redundant", "the holidays", "my exams", "a friend moved away",
    "my parents separated", "coming back from travelling", "changing teams at work",
    "my dog passed away", "a difficult year", "retiring", "the kids left home",
    "a big argument", "months of working from home", "a health scare", "getting married",
]

ACTIVITIES = [
    "sleep through the night", "stop overthinking", "talk to my partner about it",
    "set boundaries with my family", "make new friends", "get back into a routine",
    "ask for help", "say no without feeling guilty", "find a therapist",
    "calm down before meetings", "enjoy weekends again", "stop checking my phone",
    "handle criticism", "deal with small talk", "trust people again", "focus at work",
    "cope with the evenings", "feel less on edge", "support my friend", "rebuild my confidence",
    "forgive myself", "stay in touch with old friends", "slow down", "stop comparing myself",
]

TIMES = [
    "lately", "every morning", "at night", "on Sundays", "since the spring", "for months",
    "most days", "after work", "at weekends", "this year", "for a few weeks", "again",
]

# Sentence frames; {p} person, {f} feeling, {e} event, {a} activity, {t} time, {x} a tag
# word. Each reads naturally with any filling.
QUESTION_TITLES = [
    "How do I {a} when I feel {f}?",
    "Is it normal to feel {f} {t}?",
    "My {p} and I keep arguing about {x} - what helps?",
    "How can I {a} after {e}?",
    "Feeling {f} since {e}, where do I start?",
    "What helped you {a}?",
    "Should I talk to my {p} about feeling {f}?",
    "Why do I feel {f} {t}?",
    "Tips to {a} without burning out?",
    "How do you support a {p} who feels {f}?",
    "Does anyone else struggle with {x} {t}?",
    "How long does it take to {a}?",
]

SENTENCES = [
    "I have been feeling {f} {t} and I am not sure why.",
    "It started around the time of {e}.",
    "My {p} says I seem {f}, and honestly they are right.",
    "I would really like to {a}, but I do not know where to begin.",
    "Some days are fine, other days I feel {f} from the moment I wake up.",
    "I tried to {a} last month and it helped a little.",
    "Talking about {x} with my {p} usually ends badly.",
    "I know a lot of people go through this after {e}.",
    "What worked for me was a small daily routine and being patient with myself.",
    "It might help to write down what you notice when you feel {f}.",
    "A gentle walk {t} made more difference than I expected.",
    "You are not alone in this, many of us have felt {f} after {e}.",
    "If it keeps going, a chat with your doctor or a counsellor is a good step.",
    "Try to notice what you can control and let the rest be for now.",
    "I found it easier to {a} once I stopped expecting it to be quick.",
    "Your {p} may not know how to help unless you tell them what you need.",
    "Be kind to yourself, this takes time.",
    "Small steps count, even on the days they feel too small.",
    "Sleep, food and daylight sound basic but they matter a lot for {x}.",
    "When I feel {f} I remind myself that it is a feeling, not a fact.",
]

COMMENTS = [
    "Thank you, this helps.",
    "Same here, you are not alone.",
    "Could you say a bit more about what you tried?",
    "This is really kind advice.",
    "I had the same thing after {e}.",
    "Good point about {x}.",
    "Did talking to your {p} help in the end?",
    "Sending you good wishes.",
    "This made me feel less {f}, thank you.",
    "Have you tried to {a} first thing in the morning?",
]

LIST_ITEMS = [
    "a short walk outside", "writing three things down before bed", "less caffeine",
    "a regular bedtime", "talking to a friend", "breathing slowly for a minute",
    "a notebook for worries", "turning off notifications", "asking for help early",
    "one small task at a time", "time outdoors", "a warm drink and a pause",
]

EMPHASIS = ["really", "honestly", "slowly", "gently", "every day", "small steps", "patience"]

QUOTES = [
    "Feelings are visitors, let them come and go.",
    "You do not have to do it all today.",
    "Progress, not perfection.",
    "Rest is part of the work.",
]
# fmt: on
