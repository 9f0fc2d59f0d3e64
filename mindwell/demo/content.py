"""Demo content for ``mindwell load_demo``.

Pure data: no Django imports. All prose here is original demo writing for a
peer-support Q&A community about mental health and relationships. It is
fictional and is not professional advice.

Answer ``anonymous`` is ``None`` for answers posted by a registered user, or a
dict ``{"name": str}`` for answers posted without an account ("" = no name).
"""

from typing import Any

CATEGORIES: list[dict[str, Any]] = [
    {
        "name": "Psychology",
        "slug": "psychology",
        "description": "How minds work: therapy, theory, personality and the science behind wellbeing.",
        "children": [
            {
                "name": "Therapy & Counselling",
                "slug": "therapy-counselling",
                "description": "Finding a therapist, what to expect, and questions from practitioners about their work.",
            },
            {
                "name": "Research & Theory",
                "slug": "research-theory",
                "description": "Making sense of psychological research, models and the claims you read online.",
            },
            {
                "name": "Personality & Self",
                "slug": "personality-self",
                "description": "Self-esteem, identity, habits and understanding why we react the way we do.",
            },
        ],
    },
    {
        "name": "Relationships",
        "slug": "relationships",
        "description": "Partners, friends and everything in between: connection, conflict and repair.",
        "children": [
            {
                "name": "Dating",
                "slug": "dating",
                "description": "Meeting people, early-stage nerves and noticing healthy (and unhealthy) signs.",
            },
            {
                "name": "Marriage & Partnerships",
                "slug": "marriage-partnerships",
                "description": "Long-term relationships, living together, communication and couples support.",
            },
            {
                "name": "Friendship",
                "slug": "friendship",
                "description": "Making, keeping and sometimes letting go of friends.",
            },
            {
                "name": "Breakups",
                "slug": "breakups",
                "description": "Getting through the end of a relationship and finding your feet again.",
            },
        ],
    },
    {
        "name": "Anxiety",
        "slug": "anxiety",
        "description": "Worry, fear and the physical side of anxiety, with practical ways people cope.",
        "children": [
            {
                "name": "Panic Attacks",
                "slug": "panic-attacks",
                "description": "What panic feels like, what helps in the moment and how to reduce it over time.",
            },
            {
                "name": "Social Anxiety",
                "slug": "social-anxiety",
                "description": "Fear of judgement, small talk, meetings, parties and being seen.",
            },
            {
                "name": "Health Anxiety",
                "slug": "health-anxiety",
                "description": "Worry about illness, body checking and symptom searching.",
            },
        ],
    },
    {
        "name": "Depression",
        "slug": "depression",
        "description": "Low mood, numbness and the long road back, shared by people who understand.",
        "children": [
            {
                "name": "Living with Depression",
                "slug": "living-with-depression",
                "description": "Day-to-day coping, small wins and supporting someone who is struggling.",
            },
            {
                "name": "Treatment & Medication",
                "slug": "treatment-medication",
                "description": "Talking therapies, antidepressants and other treatments: experiences and questions.",
            },
            {
                "name": "Perinatal Mental Health",
                "slug": "perinatal-mental-health",
                "description": "Mood and anxiety during pregnancy and after a baby arrives.",
            },
        ],
    },
    {
        "name": "Family & Parenting",
        "slug": "family-parenting",
        "description": "Raising children, adult families, caring roles and the tangles of home life.",
        "children": [
            {
                "name": "Parenting",
                "slug": "parenting",
                "description": "Young children, big feelings and looking after yourself as a parent.",
            },
            {
                "name": "Teens & Young Adults",
                "slug": "teens-young-adults",
                "description": "Supporting teenagers and grown-up children through hard times.",
            },
            {
                "name": "Family Conflict",
                "slug": "family-conflict",
                "description": "Parents, siblings, in-laws, boundaries and estrangement.",
            },
            {
                "name": "Caring for Others",
                "slug": "caregiving",
                "description": "For carers of relatives with illness, disability or dementia.",
            },
        ],
    },
    {
        "name": "Work & Stress",
        "slug": "work-stress",
        "description": "Burnout, workplace dynamics, career worries and keeping work in its place.",
        "children": [
            {
                "name": "Burnout",
                "slug": "burnout",
                "description": "Exhaustion, cynicism and recovering when work has taken too much.",
            },
            {
                "name": "Workplace Relationships",
                "slug": "workplace-relationships",
                "description": "Managers, colleagues, conflict and boundaries at work.",
            },
            {
                "name": "Career Change",
                "slug": "career-change",
                "description": "New jobs, big leaps, imposter feelings and finding meaningful work.",
            },
        ],
    },
    {
        "name": "Grief & Loss",
        "slug": "grief-loss",
        "description": "A gentle space for loss of every kind, however long ago it happened.",
        "children": [
            {
                "name": "Bereavement",
                "slug": "bereavement",
                "description": "After the death of someone close: the early days and the long years after.",
            },
            {
                "name": "Pet Loss",
                "slug": "pet-loss",
                "description": "Grieving animal companions, without anyone saying it was just a pet.",
            },
            {
                "name": "Pregnancy & Infant Loss",
                "slug": "pregnancy-loss",
                "description": "Miscarriage, stillbirth and baby loss, for parents and those who love them.",
            },
        ],
    },
]

USERS: list[dict[str, str]] = [
    {
        "username": "DrMaya_LPC",
        "about": "Licensed professional counsellor, twelve years in community mental health. I answer here in a personal capacity, not as anyone's therapist.",
    },
    {
        "username": "counsellor.tom",
        "about": "Integrative counsellor and clinical supervisor. Keen gardener, reluctant runner.",
    },
    {"username": "Łucja", "about": "Translator, cat person, recovering perfectionist."},
    {
        "username": "Björn_k",
        "about": "Dad of two, learning to talk about feelings at 41. Better late than never.",
    },
    {
        "username": "quiet_harbor",
        "about": "Here because this place helped me when I was at my lowest. Trying to pay it forward.",
    },
    {
        "username": "jen.m.83",
        "about": "Primary school teacher. Lives with generalised anxiety and a very patient spaniel.",
    },
    {
        "username": "sunflower_22",
        "about": "Psychology student. I love the research side and try to explain it without the jargon.",
    },
    {
        "username": "marcus-ot",
        "about": "Occupational therapist working in adult mental health services.",
    },
    {
        "username": "priya.s",
        "about": "Two years into recovery from depression. Still learning, still here.",
    },
    {"username": "NightOwl_77", "about": "Shift worker and chronic over-thinker."},
    {
        "username": "Ana_Lúcia",
        "about": "Mum of three, caring for my mother. Coffee is my love language.",
    },
    {"username": "tealkettle", "about": ""},
    {
        "username": "oskar.w",
        "about": "Software engineer who burned out once and would rather not do it again.",
    },
    {"username": "rivers.end", "about": "Widower. Writing helps, so I write."},
    {
        "username": "ChloeB",
        "about": "Social anxiety survivor, occasional karaoke enthusiast (yes, really).",
    },
    {"username": "dad_of_three", "about": "Three kids under ten. Permanently slightly sticky."},
    {
        "username": "Zoë.writes",
        "about": "Freelance writer. I talk about grief and loss because too few people do.",
    },
    {
        "username": "kenji_t",
        "about": "Grad student, moved countries twice, still figuring out how to make friends as an adult.",
    },
    {"username": "hollyhock", "about": ""},
    {
        "username": "MarisolR",
        "about": "Couples and family therapist. Bilingual sessions in English and Spanish.",
    },
    {
        "username": "therapist.amir",
        "about": "Clinical psychologist specialising in anxiety disorders and CBT.",
    },
    {"username": "Sr.Nurse.Fi", "about": "Senior nurse on a busy medical ward. Tea-fuelled."},
    {"username": "benji+notes", "about": "I take notes on everything, including my own moods."},
    {"username": "LiamOD", "about": "Recently separated. One day at a time."},
    {"username": "grace@home", "about": "Stay-at-home parent and former HR manager."},
    {"username": "emeka_o", "about": "Accountant by day, amateur philosopher by night."},
    {
        "username": "SørenH",
        "about": "Lives with panic disorder, mostly well managed now. Happy to share what worked for me.",
    },
    {"username": "fatima.z", "about": "Peer support worker and hospital chaplaincy volunteer."},
    {
        "username": "oldmanpete",
        "about": "Seventy-three and still learning. Retired engineer, grandfather of five.",
    },
    {"username": "mel_in_melbourne", "about": "Ex-pat, runner, big believer in walking it out."},
    {"username": "wanderingjay", "about": ""},
    {"username": "Renée_P", "about": "Midwife. Passionate about perinatal mental health."},
    {
        "username": "tired.teacher",
        "about": "Secondary school teacher, fourteen years in. The title says it all.",
    },
    {"username": "Kwame-A", "about": "Youth worker and football coach."},
    {"username": "smallsteps", "about": "Progress, not perfection."},
    {"username": "Hana.K", "about": "Illustrator. I draw my feelings when words don't work."},
    {
        "username": "counsellor_ruth",
        "about": "Bereavement counsellor, hospice volunteer for twenty years.",
    },
    {
        "username": "DrOkafor_PsyD",
        "about": "Clinical psychologist. Interested in trauma, attachment and cultural context in therapy.",
    },
    {
        "username": "luis.g",
        "about": "Nurse turned paramedic. Believes in dark humour and debriefs.",
    },
    {"username": "mothandlamp", "about": "Night thoughts, daytime naps."},
    {
        "username": "Ingrid_S",
        "about": "HR business partner. Trying to make workplaces a bit kinder.",
    },
    {"username": "Yusuf92", "about": "Engineer, big brother, newly a dad."},
    {"username": "pip.squeak", "about": ""},
    {"username": "Tomás_r", "about": "Pet lover, former vet nurse."},
    {
        "username": "nadia.writes",
        "about": "Poet and carer. Believes in saying the hard things gently.",
    },
]

EDIT_NOTES = [
    "Fixed typos and added a paragraph break",
    "Clarified the question after reading the first answers",
    "Removed some personal details",
    "Added more context about my situation",
    "Formatting: turned the steps into a list",
    "Softened the wording, it came out harsher than I meant",
    "Added a link to the follow-up thread in my own words",
    "Corrected the timeline (it was six months, not six weeks)",
]

EXTRA_EDIT_SENTENCES = [
    "Edit: thank you all, I booked an appointment with my GP for next week.",
    "Edit: I read every reply twice. I didn't expect this much kindness from strangers.",
    "Update: we talked last night and it went better than I feared.",
    "Edit: to be clear, I'm safe and I have people around me this weekend.",
    "Update: I tried the breathing exercise someone suggested and it genuinely helped a little.",
    "Edit: a few people asked, so yes, I've started seeing a counsellor through work.",
    "Update for anyone finding this later: it does get easier, slowly.",
    "Edit: I should have said I'm not in the UK, but the general advice still applies.",
]

QUESTIONS: list[dict[str, Any]] = [
    # ------------------------------------------------------------------ Psychology
    {
        "title": "Is it okay for a counsellor to meet a former client for coffee once therapy has ended?",
        "category": "therapy-counselling",
        "tags": ["therapy", "ethics", "boundaries"],
        "body": "I qualified as a counsellor about eighteen months ago. A client I saw for just over a year finished with me last month. The ending went well, and last week they sent a lovely card saying they'd love to grab a coffee some time, \"as two people rather than therapist and client\".\n\nI'll be honest: I was touched, and part of me wants to say yes. We got on well and the work is finished. But something in my gut says no, and I can't fully explain why.\n\nFor the more experienced practitioners here:\n\n- Is there a point after which this becomes acceptable?\n- How do I say no without undoing the good ending we had?",
        "comments": [
            "Really glad you're asking this before replying to the card rather than after.",
            "Have you taken it to supervision yet? That would be my first step.",
        ],
        "answers": [
            {
                "body": "Your gut is doing its job. I'd gently encourage you to decline, and here's how I think about it after many years of practice and supervising newer counsellors.\n\n1. **The power difference doesn't end with the last session.** Your former client knows a great deal about you as a helper and very little about you as a person. You know their most vulnerable moments. That imbalance doesn't disappear because the contract has ended.\n2. **It quietly closes the door to coming back.** Many people return to therapy months or years later. If you become a coffee friend, they lose you as a therapist, and they may not realise that until they need you.\n3. **Gratitude can feel like friendship.** A good therapeutic relationship can feel deeply close. That closeness was real, but it grew inside a frame that was built for their benefit. Outside the frame it becomes a different, more mutual thing, and it rarely translates well.\n4. **Your professional code almost certainly has something to say.** Most ethics codes strongly discourage or prohibit social relationships with former clients, and some treat romantic contact as off-limits for years or permanently. Read your own body's code carefully; the details vary by country and profession.\n5. **Take it to supervision, and write a brief note of your decision.** Not because you've done anything wrong, but because this is exactly what supervision is for.\n\nAs for saying no: you can honour what they wrote. Something like: *\"Your card meant a great deal to me. Because of the kind of work we did together, I keep a boundary of not meeting former clients socially. Part of that is so that my door stays open if you ever want to come back. I'm so glad to have worked with you.\"* Warm, clear, and it protects the ending rather than undoing it.",
                "comments": [
                    "The point about the door staying open is the one that finally made it click for me. Thank you.",
                    "Saving that wording. It is kind without being wishy-washy.",
                ],
                "anonymous": None,
            },
            {
                "body": "Client perspective here. Years ago I asked my therapist almost exactly this. She said no, kindly, and explained that she wanted to stay available to me as a therapist.\n\nI felt a sting of rejection for about a day. Three years later, when my dad died, I went straight back to her and she was there. I can't imagine how I'd have coped if she'd become a friend I occasionally had coffee with. Please say no, nicely.",
                "comments": ["This is such a valuable perspective, thank you for sharing it."],
                "anonymous": None,
            },
            {
                "body": "One nuance worth mentioning: there's a difference between a *planned* social relationship and *incidental* contact. I practise in a small town and I bump into former clients at the supermarket, the school gate, the pool. That's unavoidable and you handle it with a friendly nod and letting them lead.\n\nAccepting an invitation for coffee is a different thing entirely, because you'd be choosing it. In rural practice we think a lot about this, and the rule of thumb is: minimise what you can, manage what you can't, and talk it through with your supervisor.",
                "comments": [],
                "anonymous": {"name": ""},
            },
        ],
    },
    {
        "title": "How do I know if my therapist is the right fit for me?",
        "category": "therapy-counselling",
        "tags": ["therapy", "self-esteem"],
        "body": "I've had five sessions with a new therapist. She's nice, and nothing is *wrong* exactly, but I leave each session feeling like we chatted rather than worked. I don't know whether that's just how it feels at the start or whether I should look for someone else.\n\nHow long do you give it? And how would I even bring this up without feeling rude?",
        "comments": [],
        "answers": [
            {
                "body": "Five sessions is a reasonable point to review, so your instinct is good. A few things I'd ask myself:\n\n- Do I feel safe enough to say difficult things, even if I haven't yet?\n- Do we have a shared sense of what we're working on?\n- Has she asked what I want from therapy, and does that come up again?\n\nIf the second and third are missing, that's something you can raise directly. Research on therapy outcomes consistently finds that the relationship and agreement on goals matter a great deal, so it's not rude to bring it up. It's useful information for her.\n\nYou could say: *\"I'd like to check in on how this is going. I'm finding the sessions pleasant but I'm not sure what we're working towards.\"* A good therapist will welcome that. If she gets defensive, that tells you something too.",
                "comments": [
                    "As a therapist, I would be genuinely glad if a client said this to me."
                ],
                "anonymous": None,
            },
            {
                "body": "I stayed with a therapist for nearly a year out of politeness. When I finally switched, the difference was obvious within three sessions. You're allowed to shop around. It's your time, your money and your mind.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Is it normal to feel worse after I started therapy?",
        "category": "therapy-counselling",
        "tags": ["therapy", "depression"],
        "body": "I started counselling three weeks ago for things that happened in my childhood. Since then I've been more tearful, sleeping badly, and snapping at my partner. I thought therapy was supposed to make you feel better.\n\nIs this a sign it's not working, or is it part of the process?",
        "comments": ["Sending you strength. Three weeks in is often the hardest bit."],
        "answers": [
            {
                "body": "It's very common, especially when the work touches old pain. You've opened a box you've kept closed for a long time, and your system is noticing. That said, *common* doesn't mean you should just grit your teeth.\n\nPlease tell your counsellor exactly what you've told us. They can adjust the pace, spend time on grounding and coping skills before going deeper, and help you plan what to do after sessions. Feeling stirred up is expected; feeling unsafe or unable to function is a signal to slow down.\n\nAnd if at any point you feel overwhelmed or have thoughts of harming yourself, contact your GP, your local crisis line or emergency services straight away. You don't have to wait for your next appointment.",
                "comments": [],
                "anonymous": None,
            },
            {
                "body": 'What helped me was planning something gentle for the hour after each session: a walk, a bath, a particular podcast. Not going straight back to emails made a big difference. My therapist called it a "decompression buffer" and I still use it.',
                "comments": ["Decompression buffer, I love that. Stealing it."],
                "anonymous": None,
            },
            {
                "body": "Tell your partner what's going on too, if you feel able. Mine was so much more patient once he knew the snappiness had a reason.",
                "comments": [],
                "anonymous": {"name": "a fellow traveller"},
            },
        ],
    },
    {
        "title": "What is the actual difference between CBT and psychodynamic therapy?",
        "category": "research-theory",
        "tags": ["therapy", "cbt"],
        "body": 'My GP said I could be referred for CBT, but a friend swears by her psychodynamic therapist. Every explanation I read online is either too vague or full of jargon.\n\nCould someone explain the difference in plain language, and whether one is "better"?',
        "comments": [],
        "answers": [
            {
                "body": "Plain-language version, with the caveat that there's plenty of overlap in practice:\n\n1. **CBT (cognitive behavioural therapy)** focuses on the here and now. You look at the links between thoughts, feelings, body sensations and behaviour, then practise changing patterns that keep problems going. It's structured, usually time-limited, and involves homework such as thought records or gradual exposure.\n2. **Psychodynamic therapy** looks at how past experiences and patterns you may not be fully aware of shape how you feel and relate to others now. It's usually less structured; you talk more freely and the relationship with the therapist itself becomes something to explore.\n\nIs one better? For some specific problems, such as panic disorder, phobias and OCD, CBT has a particularly strong evidence base. For others, both approaches have evidence and the fit between you and the therapist matters at least as much as the model. A sensible approach is to think about what you want: practical tools for a specific problem, or a deeper look at recurring patterns? Many people benefit from both at different times.",
                "comments": [
                    "This is the clearest explanation I've read, thank you.",
                    "Worth adding that many therapists are integrative and borrow from both.",
                ],
                "anonymous": None,
            },
            {
                "body": "I've done both. CBT felt like a driving lesson: practical, a bit like school, and it helped me stop avoiding things. Psychodynamic felt like slowly reading my own biography with a very patient editor. Both were worth it, but I'm glad I did CBT first because I was too anxious to go deep at the start.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Does attachment theory actually hold up, or has it become pop psychology?",
        "category": "research-theory",
        "tags": ["attachment", "relationships", "research"],
        "body": 'My social media feed is full of people labelling themselves and their exes as "anxious" or "avoidant". It feels like horoscopes for relationships.\n\nIs there real science behind attachment styles, or has it been stretched way past what the research says?',
        "comments": ["Great question. I'd love to hear from the researchers here."],
        "answers": [
            {
                "body": "Both things are true. Attachment theory has a long and serious research history, starting with studies of how infants respond to separation from and reunion with caregivers. Adult attachment research is also substantial, and measures of attachment anxiety and avoidance do relate to things like relationship satisfaction and how people handle conflict.\n\nWhere the internet stretches it:\n\n- **Styles are better thought of as dimensions** than boxes. Most people sit somewhere on a spectrum.\n- **They're not fixed.** Attachment patterns can shift with relationships, life events and therapy.\n- **They're context-dependent.** You might feel secure with friends and anxious with a partner.\n- **They're not a diagnosis**, and using them to label an ex after a breakup is usually more about making sense of hurt than understanding them.\n\nSo: a useful lens, a poor box.",
                "comments": ['"A useful lens, a poor box" is going on a sticky note.'],
                "anonymous": None,
            },
            {
                "body": 'As a couples therapist, I find the ideas helpful when partners use them to get curious about each other, and unhelpful when they use them as weapons ("you\'re just being avoidant"). If the label helps you understand and be kinder, great. If it ends conversations, put it down.',
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Why do I shut down completely whenever someone criticises me?",
        "category": "personality-self",
        "tags": ["self-esteem", "emotions"],
        "body": "Even mild feedback, like my manager saying a report needs a clearer summary, makes my face go hot, my mind goes blank and I can't think or speak properly. Afterwards I replay it for days.\n\nI'm 34 and I'd really like to be able to take feedback like an adult. Where does this come from and what can I do about it?",
        "comments": [],
        "answers": [
            {
                "body": 'What you\'re describing sounds like a threat response. Your body is treating "this summary could be clearer" as if it were "you are in danger". That often develops when, earlier in life, criticism came with real consequences: harshness, withdrawal of affection, or feeling that your worth depended on getting things right.\n\nSome things that help:\n\n1. **Name it in the moment.** Quietly telling yourself *"this is my alarm, not the facts"* can create a little space.\n2. **Buy time.** "Thanks, let me think about that and come back to you" is a completely professional response.\n3. **Separate the behaviour from the self.** The report needs a better summary. You are not a bad report.\n4. **Work on it in therapy** if it\'s affecting your work and relationships. Compassion-focused approaches and schema therapy are both good fits for this pattern.\n\nYou\'re not being childish. You\'re having an old, understandable response in a new situation.',
                "comments": [
                    "Number 2 changed my working life. People respect it more than a flustered answer."
                ],
                "anonymous": None,
            },
            {
                "body": "Me too. Something that helped me was asking for feedback *before* I finished things. It sounds backwards but getting small bits of feedback regularly made it less of an event, and my body eventually stopped bracing for it.",
                "comments": [],
                "anonymous": None,
            },
            {
                "body": "Be gentle with the replaying afterwards. I give myself ten minutes to go over it, write down anything useful, then deliberately do something else. If it comes back I remind myself I've already dealt with it.",
                "comments": [],
                "anonymous": {"name": "Sam"},
            },
        ],
    },
    {
        "title": "How do I tell my therapist that something she said really upset me?",
        "category": "therapy-counselling",
        "tags": ["therapy", "communication"],
        "body": "In my last session my therapist made a comment about my relationship with my mum that felt dismissive. I said nothing at the time, smiled, and then cried in the car.\n\nI'm dreading the next session. I don't want to make a fuss, but I also can't stop thinking about it.",
        "comments": [
            "This is not making a fuss. This is exactly the kind of thing therapy is for."
        ],
        "answers": [
            {
                "body": "Speaking as a therapist: please tell her. Moments where something goes wrong between client and therapist, and then gets talked about and repaired, are often some of the most useful in the whole therapy. We call them ruptures and repairs.\n\nYou could open with: *\"Something you said last time stayed with me and I'd like to talk about it.\"* You don't need to have it all worked out. If it helps, write it down and read it out, or email beforehand saying you'd like to discuss it.\n\nA good therapist will be curious, not defensive. And for many people, the experience of raising a hurt and having it received well is itself healing, especially when it relates to a parent.",
                "comments": [
                    "I did this once and it was the turning point of my therapy. Terrifying but worth it."
                ],
                "anonymous": None,
            },
            {
                "body": 'If saying it out loud feels impossible, it\'s fine to start the session with "I have something hard to bring up and I might need help getting it out." That alone takes a lot of pressure off.',
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Can you be an introvert and still feel lonely all the time?",
        "category": "psychology",
        "tags": ["loneliness", "introversion", "friendship"],
        "body": "I genuinely enjoy my own company and big groups drain me. But lately I feel a deep loneliness that doesn't go away even when I do see people.\n\nI always assumed introverts don't get lonely. Is something off with me?",
        "comments": [],
        "answers": [
            {
                "body": "Nothing is off with you. Introversion is about how much social stimulation feels comfortable; loneliness is about whether your need for *meaningful* connection is being met. You can have a small appetite for socialising and still be hungry for closeness.\n\nIt's also possible to be around people often and still feel lonely if the contact is surface-level. Many introverts do best with one or two deeper relationships rather than lots of lighter ones. It might be worth asking: who do I feel genuinely known by? If the answer is nobody right now, that's the gap to work on, gently.\n\nIf the loneliness comes with low mood, losing interest in things or changes to sleep and appetite, it's worth mentioning to your GP too, as it can overlap with depression.",
                "comments": [
                    '"A small appetite for socialising and still hungry for closeness" describes me exactly.'
                ],
                "anonymous": None,
            },
            {
                "body": "Introvert here who was lonely for years. What helped was a weekly thing with the same small group of people: a pottery class, in my case. Same faces, low pressure, something to do with my hands. Friendships grew slowly out of that.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Is it worth paying for private therapy when the public waiting list is eight months?",
        "category": "therapy-counselling",
        "tags": ["therapy", "anxiety", "money"],
        "body": "I've been referred for talking therapy but the waiting list is around eight months. I could afford private sessions, but only just, and only for a limited time.\n\nHas anyone been in this situation? Is it better to wait, or pay for something shorter now?",
        "comments": [],
        "answers": [
            {
                "body": "A few options people often don't know about:\n\n- **Stay on the list while seeing someone privately.** You usually don't lose your place, but check.\n- **Ask about low-cost options.** Many charities, training clinics and counselling services offer sliding-scale fees. Trainee counsellors under supervision can be very good.\n- **Check your employer.** Lots of workplaces have an assistance programme with a handful of free sessions.\n- **Agree a focus and number of sessions up front** if you go private. Six to ten focused sessions can achieve a lot.\n\nAnd if things get worse while you wait, let your GP know. Waiting lists sometimes have a route for people whose needs become more urgent.",
                "comments": ["I had no idea about trainee clinics. Looking one up now."],
                "anonymous": None,
            },
            {
                "body": "I paid for eight sessions while waiting and by the time my public appointment came up I felt ready to use it properly. They complemented each other nicely.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Are mental health apps actually helpful, or just a distraction?",
        "category": "research-theory",
        "tags": ["research", "anxiety", "self-care"],
        "body": "I have three mood trackers, two meditation apps and a CBT workbook app on my phone. Some days they help; other days tracking my mood just makes me notice how bad it is.\n\nWhat does the evidence say? Are any of these worth sticking with?",
        "comments": [],
        "answers": [
            {
                "body": "The honest answer is: it depends a lot on the app. Some structured programmes based on CBT have been tested in trials and show modest benefits, particularly for mild anxiety and low mood. Many others have never been properly evaluated at all.\n\nA few questions worth asking of any app:\n\n1. **Is it based on a recognised approach**, and does it say who designed it?\n2. **Does it teach skills,** or just record data?\n3. **How does it handle your data?** Mood information is sensitive.\n4. **Does it point you to real help** if you report feeling very unwell?\n\nApps can be a useful supplement, especially while waiting for therapy. They're rarely a substitute for it if you're really struggling.",
                "comments": [
                    "The data question is one I'd never thought about. Off to check my settings."
                ],
                "anonymous": None,
            },
            {
                "body": "Mood tracking made me worse too. I switched to writing one thing I did each day instead of rating how I felt. Same habit, much kinder to my brain.",
                "comments": [],
                "anonymous": None,
            },
            {
                "body": "I kept one meditation app and deleted the rest. Fewer notifications nagging me to be well was, ironically, good for my wellbeing.",
                "comments": ["Ha, this is so true."],
                "anonymous": None,
            },
        ],
    },
    # --------------------------------------------------------------- Relationships
    {
        "title": "How do I stop over-analysing every text message when I'm dating someone new?",
        "category": "dating",
        "tags": ["dating", "anxiety", "self-esteem"],
        "body": "I've been on four dates with someone I really like. Every time they take a few hours to reply I spiral: did I say something wrong, are they losing interest, should I double-text?\n\nI know this is irrational but I can't switch it off. How do other people handle the early-days uncertainty?",
        "comments": [
            "The early stage is genuinely hard for anxious brains. You're not alone in this."
        ],
        "answers": [
            {
                "body": "A few things that helped me:\n\n- **Put the phone in another room** for set periods. The checking feeds the anxiety more than the waiting does.\n- **Notice the story you're telling.** \"They haven't replied\" is a fact. \"They've gone off me\" is a story.\n- **Fill your own life.** The more of your week that's about things you enjoy, the less weight one reply carries.\n- **Remember it's data, not a verdict.** If someone is consistently unreliable over weeks, that's worth noticing. A three-hour gap on a Tuesday isn't.",
                "comments": [
                    '"A fact versus a story" is such a good frame.',
                    "Phone in another room is brutal for the first day and then amazing.",
                ],
                "anonymous": None,
            },
            {
                "body": "It might also be worth saying something light to them, like \"I'm more of a texter than a caller, what about you?\" Knowing someone's style takes a lot of the guesswork out. Some people just don't live on their phones.",
                "comments": [],
                "anonymous": None,
            },
            {
                "body": "If this shows up in every relationship, not just new ones, it might be worth exploring with a therapist. For me it was rooted in an unpredictable parent, and understanding that made it much easier to soothe.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "My partner and I have the same argument about chores every week. How do we break the loop?",
        "category": "marriage-partnerships",
        "tags": ["marriage", "communication"],
        "body": "It's always the same script. I notice the bins or the dishes, I get resentful, I make a comment, he gets defensive, we both say things we don't mean, and two days later we're back to normal until the next time.\n\nWe love each other and otherwise get on well. How do couples actually stop repeating the same fight?",
        "comments": [],
        "answers": [
            {
                "body": 'Couples therapist here. Recurring fights are rarely about the surface topic. Chores often stand in for something like *"I don\'t feel like a team"* or *"I feel taken for granted"* on one side, and *"I never get it right"* on the other.\n\nSome practical steps:\n\n1. **Talk about it when you\'re both calm**, not in the moment. Schedule it if you need to.\n2. **Make the invisible work visible.** Write down every recurring task, including the mental load of remembering and planning. Many couples are surprised by the list.\n3. **Divide ownership, not help.** "Helping" implies one person is in charge. Owning a task end-to-end removes the need for reminders.\n4. **Agree on a repair ritual** for when it flares again, because it will. A code word or a pause-and-return-in-twenty-minutes agreement works well.\n\nIf you\'ve tried this and still get stuck, a few sessions with a couples counsellor can help you see the pattern from the outside.',
                "comments": [
                    "Owning versus helping was a revelation in our house.",
                    "We made the list and it was three pages. No wonder I was tired.",
                ],
                "anonymous": None,
            },
            {
                "body": "We started a ten-minute Sunday check-in with a cup of tea: what's coming up this week, who's doing what. It sounds boring and corporate but the fights dropped by about 80%.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "How do I suggest couples counselling without it sounding like an ultimatum?",
        "category": "marriage-partnerships",
        "tags": ["marriage", "therapy", "communication"],
        "body": "We've been together nine years, two kids. Things aren't terrible but we've become flatmates who co-parent. I'd like us to try couples counselling, but I'm worried that if I bring it up he'll hear \"I'm about to leave you\".\n\nHow did you raise it?",
        "comments": ["This takes courage. I hope it goes well."],
        "answers": [
            {
                "body": 'Frame it as an investment rather than a rescue. Something like: *"I love our family and I miss us. I\'d like us to have some help reconnecting, the way we\'d see a dentist before the tooth hurts."*\n\nA few tips from the therapist\'s chair:\n\n- Pick a calm moment, not straight after a row.\n- Use "we" and "us" rather than "you".\n- Offer to do the research and let him have a say in choosing who you see.\n- If he\'s hesitant, ask what worries him about it. Often it\'s fear of being blamed.\n\nAnd if he won\'t go at all, individual therapy for you can still change the dynamic at home.',
                "comments": ['"Before the tooth hurts" is a great way to put it.'],
                "anonymous": None,
            },
            {
                "body": "My husband was very reluctant. What changed his mind was me saying \"I'm not going in there to complain about you, I'm going to figure out how we get back to liking each other.\" We went for a year. Best money we ever spent.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Is it normal to grieve the end of a friendship more than a romantic breakup?",
        "category": "friendship",
        "tags": ["friendship", "grief"],
        "body": "My best friend of fifteen years and I have drifted apart over the last year. There was no big fight, just fewer replies, cancelled plans and then nothing. I'm more heartbroken about this than about any ex.\n\nNobody seems to take friendship breakups seriously. Is it strange to feel this much?",
        "comments": [],
        "answers": [
            {
                "body": "It's not strange at all. A fifteen-year friendship holds a huge part of your history: versions of you that only she remembers. Losing that is a real loss, and grief is the right word for it.\n\nWhat often makes friendship endings harder is that there's no script. With a breakup, people bring ice cream and say \"their loss\". With a friend drifting away, there's no clear ending, no ritual, and often no explanation. That ambiguity can keep the wound open.\n\nIt might help to mark it somehow: write her a letter you don't send, or spend an afternoon with photos and let yourself feel it. And if you think there's a chance she's struggling herself, a single, no-pressure message like \"I miss you and I'm here if you ever want to talk\" leaves the door open without asking anything of her.",
                "comments": [
                    "The letter I didn't send helped me so much when this happened to me."
                ],
                "anonymous": None,
            },
            {
                "body": "Same here, and I've come to believe friendship breakups are under-discussed exactly because they're so common. You're allowed to be gutted.",
                "comments": [],
                "anonymous": {"name": ""},
            },
        ],
    },
    {
        "title": "How do you make friends in your thirties after moving to a new city?",
        "category": "friendship",
        "tags": ["friendship", "loneliness"],
        "body": "I moved for work eight months ago. My colleagues are friendly but everyone has their own life and leaves at five. I'm 33, I don't drink much, and I'm starting to feel really isolated.\n\nWhat actually worked for you?",
        "comments": ["Moved countries twice, so I feel this one."],
        "answers": [
            {
                "body": "The research on adult friendship suggests it takes a surprising number of hours together to go from acquaintance to friend, which is why *repeated* contact matters more than one-off events. So:\n\n- Choose something weekly and stick with it for at least three months: a running club, choir, volunteering, a climbing gym, a board-game night.\n- Be the person who suggests the next step: \"A few of us could get food after?\"\n- Say yes more than feels natural for a while.\n\nIt's slow, and it's not a sign you're unlikeable that it hasn't happened yet. Eight months is still early.",
                "comments": [
                    "Volunteering was the one that worked for me. Shared purpose makes conversation so much easier."
                ],
                "anonymous": None,
            },
            {
                "body": "Parkrun! Or any free weekly running event. Same people every week, coffee afterwards, and nobody cares how fast you are.",
                "comments": [
                    "Seconding this. I met my now closest friend at the back of the pack."
                ],
                "anonymous": None,
            },
            {
                "body": "I started inviting one colleague at a time for lunch instead of waiting for after-work drinks. Lower stakes and it turned two of them into real friends.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Three months after the breakup I still check my ex's social media every day. How do I stop?",
        "category": "breakups",
        "tags": ["breakup", "self-care"],
        "body": "I know it doesn't help. Every time I look I feel sick, and yet I keep doing it, sometimes several times a day. They seem completely fine, which makes it worse.\n\nHow did you stop?",
        "comments": [],
        "answers": [
            {
                "body": "Checking works a bit like scratching a mosquito bite: brief relief, then it itches more. A few practical things:\n\n1. **Add friction.** Mute, unfollow or block, log out of the app, or use a blocker during your most vulnerable times (late at night is usually the big one).\n2. **Have a replacement action.** When the urge hits, text a friend, make tea or walk round the block. The urge usually peaks and fades within a few minutes.\n3. **Remember that feeds are curated.** Looking fine online says very little about how anyone actually feels.\n4. **Be kind about slip-ups.** Checking once after a week off isn't failure. Just start again.",
                "comments": ["Blocking felt dramatic but it gave me so much peace."],
                "anonymous": None,
            },
            {
                "body": "I asked my sister to change my password on that app for a month. Embarrassing, but it worked. By the time I got it back the urge had mostly gone.",
                "comments": [],
                "anonymous": None,
            },
            {
                "body": "Three months is still early. Please don't add \"I should be over this by now\" to everything else you're feeling.",
                "comments": ["Needed to read this today."],
                "anonymous": {"name": "someone who's been there"},
            },
        ],
    },
    {
        "title": "Should I try to stay friends with my ex when we share the same friend group?",
        "category": "breakups",
        "tags": ["breakup", "friendship", "boundaries"],
        "body": "We broke up mutually after four years. We're both part of a close friend group and everyone is understandably awkward about who to invite to what.\n\nPart of me thinks we should just try to be friends for everyone's sake. Part of me knows I'm not ready. What's the healthiest approach?",
        "comments": [],
        "answers": [
            {
                "body": "\"For everyone's sake\" is worth questioning. Your friends will adapt. You don't owe them a smooth transition at the cost of your own healing.\n\nMany people find a period of low or no contact helps, even when the breakup was mutual, followed by a deliberate decision about friendship later. You could tell the group directly: *\"We're fine, but I need a few months before being at the same things. Please keep inviting us both; I'll sort myself out.\"* That takes the pressure off them to choose.",
                "comments": [
                    "Telling the friends directly saved our group when this happened to us."
                ],
                "anonymous": None,
            },
            {
                "body": "I tried to be friends right away and ended up stuck in a half-relationship for a year. Take the space. You can always reconnect later when it doesn't hurt.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "My partner says I'm 'too much' when I'm anxious. Is that fair?",
        "category": "relationships",
        "tags": ["anxiety", "communication", "self-esteem"],
        "body": "When I'm anxious I need reassurance, sometimes a lot. Last week my partner said I was \"too much\" and needed to sort myself out. It really hurt.\n\nI can see that asking the same question repeatedly is tiring. But I also feel like I'm being shamed for struggling. How do we find a middle ground?",
        "comments": [
            "Both things can be true: your needs are valid, and it's okay for a partner to have limits."
        ],
        "answers": [
            {
                "body": "There are two separate things here. \"Too much\" was a hurtful way to say it, and it's fair to tell them so. At the same time, reassurance-seeking does tend to feed anxiety over time: each reassurance brings short relief, and the doubt comes back stronger.\n\nA middle ground many couples find useful:\n\n- Agree together that your partner will offer reassurance *once*, warmly, and then gently help you shift to a coping strategy rather than repeating it.\n- Work on your own tools for tolerating uncertainty. CBT for anxiety is very good for this.\n- Ask your partner what they need when they're tired, so support goes both ways.\n\nYou're not too much. The pattern might be, and patterns can change.",
                "comments": [
                    '"You\'re not too much, the pattern might be" made me cry a bit, in a good way.'
                ],
                "anonymous": None,
            },
            {
                "body": "My husband and I made a little plan together on a calm day: what helps, what doesn't, what he can say. Having it decided in advance meant neither of us felt like the bad guy in the moment.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "How do I set boundaries with a friend who only calls when she's in crisis?",
        "category": "friendship",
        "tags": ["boundaries", "friendship", "self-care"],
        "body": "I love her, and I know she's had a really hard few years. But every call is an emergency, lasts two hours, and she never asks how I am. When my dad was ill she disappeared.\n\nI'm exhausted and starting to dread her name on my phone. How do I set a boundary without abandoning her?",
        "comments": [],
        "answers": [
            {
                "body": "A boundary isn't abandonment. It's what lets you keep showing up without resentment. Some ideas:\n\n- **Time-limit calls in advance:** \"I've got about thirty minutes, then I need to get dinner on.\"\n- **Say what you can offer,** rather than what you can't: \"I can't talk tonight, but I'm free Saturday morning.\"\n- **Gently name the pattern** at a calm moment: \"I've noticed our chats are mostly about the hard stuff. I'd love sometimes to just hang out, and I could use some support too at the moment.\"\n\nIf she is often in genuine crisis, it's also kind to encourage her towards professional support, and if she ever tells you she's in danger, it's right to point her to emergency services or a crisis line rather than carrying it alone.",
                "comments": [
                    "Offering what I *can* do rather than a flat no has changed so many of my friendships."
                ],
                "anonymous": None,
            },
            {
                "body": "The first few times I set limits with a friend like this, I felt terribly guilty. A year later our friendship is actually better and more equal. The guilt passes.",
                "comments": [],
                "anonymous": None,
            },
            {
                "body": "Also: it's okay if she doesn't like the boundary. Her disappointment doesn't mean you did it wrong.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Is it a red flag that my boyfriend wants to know where I am all the time?",
        "category": "dating",
        "tags": ["dating", "boundaries", "safety"],
        "body": "We've been together five months. He asks me to share my location, gets upset if I don't reply within a few minutes, and wants to know who I'm with when I go out. He says it's because he loves me and worries.\n\nMy friends think it's a red flag. I think maybe he's just insecure. I'm confused.",
        "comments": [
            "Thank you for asking. Listening to your friends' concern takes real courage."
        ],
        "answers": [
            {
                "body": "I want to answer this carefully, because your confusion makes a lot of sense. Controlling behaviour is very often framed as love or worry, and it usually starts small.\n\nSome questions that can help you see it more clearly:\n\n1. Do you feel free to say no to sharing your location, without consequences?\n2. Have you started changing your plans or who you see to avoid upsetting him?\n3. Does he check your phone, or get angry about friends or family?\n4. Do you feel anxious or like you're walking on eggshells?\n\nIf several of those are yes, your friends may be seeing something important. Insecurity is his to work on; it doesn't give him the right to monitor you.\n\nIf you'd like to talk it through with someone confidential, domestic abuse support services and helplines talk to people in exactly this kind of \"I'm not sure\" situation every day. And if you ever feel unsafe, please contact emergency services.",
                "comments": [
                    "Number 2 hit me hard. I'd been doing that for months before I noticed."
                ],
                "anonymous": None,
            },
            {
                "body": 'Healthy worry sounds like "text me when you\'re home safe". Control sounds like "why weren\'t you answering" and "who were you with". Five months is early to be this intense. Please keep close to your friends.',
                "comments": [],
                "anonymous": {"name": ""},
            },
        ],
    },
    {
        "title": "How do I stop blaming myself for the breakup?",
        "category": "breakups",
        "tags": ["breakup", "self-esteem"],
        "body": "She ended our five-year relationship two months ago. She said we'd grown apart, but I keep making lists of everything I did wrong: working late, not planning dates, getting defensive.\n\nI can't seem to stop putting it all on myself.",
        "comments": [],
        "answers": [
            {
                "body": "Relationships end because of what happens *between* two people, very rarely because of one person alone. Self-blame can feel strangely safer than accepting that some things were outside your control, because if it was all your fault, you could have fixed it.\n\nTry turning the list into something more balanced: what you'd do differently next time, what was genuinely hers to own, and what simply changed over five years. Growth is useful. Punishment isn't.\n\nIf the self-blame is constant and spreading into how you see yourself in general, a few sessions with a counsellor can really help.",
                "comments": ['"Growth is useful, punishment isn\'t" needs to be on a poster.'],
                "anonymous": None,
            },
            {
                "body": "I did the same after my divorce. A friend asked: \"Would you talk to me like this if I were the one who'd been left?\" I wouldn't. That helped me start speaking to myself more kindly.",
                "comments": [],
                "anonymous": None,
            },
            {
                "body": "Two months is still very raw. The lists get shorter as the hurt settles, I promise.",
                "comments": [],
                "anonymous": {"name": ""},
            },
        ],
    },
    # --------------------------------------------------------------------- Anxiety
    {
        "title": "What actually helps in the middle of a panic attack?",
        "category": "panic-attacks",
        "tags": ["panic-attacks", "anxiety", "breathing"],
        "body": "I've read a lot of advice about long-term treatment, but when I'm actually in it, with my heart pounding and feeling like I can't breathe, I can't remember any of it.\n\nWhat do you **actually do** in the moment that helps even a little?",
        "comments": ["Bookmarking this thread for my bad days."],
        "answers": [
            {
                "body": "Clinical psychologist here, and I also live with panic myself, so this is both professional and personal.\n\n1. **Remind yourself what this is.** \"This is panic. It is very uncomfortable and it is not dangerous. It will peak and pass.\" Panic feeds on the belief that something catastrophic is happening.\n2. **Slow the out-breath.** Breathe in normally, then breathe out slowly for longer than you breathed in. You don't need to take big breaths; over-breathing can make the sensations worse.\n3. **Ground through your senses.** Name a few things you can see, hear and feel. Press your feet into the floor.\n4. **Don't fight it or flee if you can avoid it.** This is counter-intuitive, but letting the wave rise and fall teaches your brain that you can cope, which reduces future attacks.\n5. **Afterwards, be kind.** Drink some water, rest, and don't add self-criticism.\n\nFor longer-term help, CBT for panic has a strong track record, so it's worth asking your doctor about.",
                "comments": [
                    "Number 4 is so hard but it's what finally broke the cycle for me.",
                    "The longer out-breath thing works for me every time.",
                ],
                "anonymous": None,
            },
            {
                "body": "I keep a note on my phone's lock screen that says \"You've survived every single one of these. This one will pass too.\" Reading it in my own words helps more than anything.",
                "comments": [],
                "anonymous": None,
            },
            {
                "body": "Cold water on my wrists and face. Something about the shock of it seems to reset me a little.",
                "comments": [],
                "anonymous": {"name": "night-shift nurse"},
            },
        ],
    },
    {
        "title": "I had a panic attack at work and now I'm scared to go back. What should I do?",
        "category": "panic-attacks",
        "tags": ["panic-attacks", "work", "anxiety"],
        "body": "Last Thursday I had my first ever panic attack, in the middle of a team meeting. I had to leave the room and a colleague found me in the toilets. I've called in sick since.\n\nI'm mortified and terrified it'll happen again. How do I face going back?",
        "comments": [],
        "answers": [
            {
                "body": 'First, a panic attack at work is far more common than you\'d think, and most colleagues react with concern, not judgement. The mortification is loud right now but it will fade.\n\nThe difficult truth is that avoiding work will likely make the fear grow, because your brain learns "the office is dangerous". A gentle, planned return tends to work better:\n\n- **Tell one trusted person** (your manager or the colleague who found you) a simple version: "I had a panic attack. I\'m getting support and I\'m okay."\n- **Plan your first day:** arrive a bit early, know where you can step out, and have a grounding technique ready.\n- **See your GP** to rule out anything physical and talk about support. A first panic attack is a good moment to get help early.',
                "comments": [
                    'I was so scared of going back after mine. My colleague just brought me a coffee and said "glad you\'re okay". That was it.'
                ],
                "anonymous": None,
            },
            {
                "body": "If your workplace has an employee assistance programme, it's worth calling. Mine got me a counsellor within a week and helped me plan a phased return.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "How can I tell the difference between a panic attack and something medical?",
        "category": "panic-attacks",
        "tags": ["panic-attacks", "health-anxiety"],
        "body": "My panic attacks come with chest tightness, tingling in my arms and a racing heart. Every time, I'm convinced it's my heart. My doctor did tests a year ago and said it was anxiety, but how can I be sure each time?\n\nI don't want to go to hospital every week, but I also don't want to ignore something serious.",
        "comments": [],
        "answers": [
            {
                "body": "This is a really understandable worry, and I want to be careful here, because I can't assess you over the internet.\n\nGeneral principles that many people agree on with their doctors:\n\n- **If symptoms are new, different from your usual pattern, or severe, get checked urgently.** Call emergency services if you're worried. No one will think badly of you for it.\n- **Ask your GP for a plan.** Many people find it helps to agree in advance with their doctor what \"my usual panic\" looks like and which signs would mean seeking urgent help.\n- **Notice the pattern.** Panic usually peaks within minutes and then eases; it often comes with fear, a sense of unreality and the urge to escape.\n\nIf you've been fully checked and your symptoms are the same as always, practising not seeking reassurance every time is part of treatment, but that's best done with a therapist who can guide you safely.",
                "comments": [
                    "Having an agreed plan with my doctor has been huge for me. Less second-guessing."
                ],
                "anonymous": None,
            },
            {
                "body": "Nurse here. Please never feel embarrassed about getting chest pain checked. We would much rather see ten panic attacks than miss one heart problem. But do work on the anxiety side too, because you deserve not to live in that fear.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "How do I survive small talk when my mind goes completely blank?",
        "category": "social-anxiety",
        "tags": ["social-anxiety", "communication"],
        "body": 'At parties, at work, even with neighbours. Someone says "how was your weekend?" and my brain empties. I either say "fine" and stand there awkwardly, or babble. Then I replay it for hours.\n\nAny tips from fellow socially anxious people?',
        "comments": [],
        "answers": [
            {
                "body": 'Former extreme small-talk avoider here. Things that helped me:\n\n- **Turn the attention outward.** Anxiety makes us monitor ourselves. Getting curious about the other person ("Oh, what did you get up to?") takes the spotlight off you.\n- **Have two or three go-to questions**: what they\'ve been watching, plans for the holidays, how they know the host.\n- **Give a bit more than "fine".** "Fine, I finally finished a jigsaw I\'ve been doing for a month" gives people something to grab.\n- **Accept some awkwardness.** Everyone has awkward moments. Most people are too busy worrying about themselves to notice yours.',
                "comments": [
                    '"Most people are too busy worrying about themselves" is weirdly comforting.'
                ],
                "anonymous": None,
            },
            {
                "body": "The replaying afterwards is called post-event processing and it's a key part of social anxiety. A CBT therapist can help you catch it. For me, writing down what *actually* happened versus what I feared was eye-opening.",
                "comments": [],
                "anonymous": None,
            },
            {
                "body": "I allow myself to leave after a set time. Knowing I can go after an hour makes it much easier to arrive.",
                "comments": ["Same! Exit plan = entry permission."],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Is skipping the office party avoidance or self-care?",
        "category": "social-anxiety",
        "tags": ["social-anxiety", "self-care", "boundaries", "work"],
        "body": "Our work end-of-year party is next week. Just thinking about it makes my stomach turn. I keep telling myself it's self-care to stay home, but a little voice says I'm just avoiding things again.\n\nHow do you tell the difference?",
        "comments": ["Such an honest question."],
        "answers": [
            {
                "body": "A useful test: **does this choice make my life bigger or smaller over time?**\n\nSelf-care restores you so you can engage with life. Avoidance brings relief now but shrinks your world, because each time you skip something the fear of the next thing grows.\n\nThere's often a middle way: go for the first forty-five minutes, arrive with a friendly colleague, or take on a small role like helping set up, which gives you something to do. Then leave and do something nice for yourself.\n\nAnd sometimes skipping really is the right call, if you're exhausted or unwell. It doesn't have to be all or nothing.",
                "comments": ['"Bigger or smaller" is now my decision rule for everything.'],
                "anonymous": None,
            },
            {
                "body": "I went for an hour last year, feeling sick the whole way there. I ended up having a nice chat with someone from accounts and left happy. Not every time goes that way, but I wouldn't have known if I'd stayed home.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "I keep googling my symptoms and it makes everything worse. How do I stop?",
        "category": "health-anxiety",
        "tags": ["health-anxiety", "anxiety"],
        "body": "A headache becomes a brain tumour, a twinge becomes something terminal. I know searching makes it worse but I can't stop, especially at night. My doctor is getting tired of seeing me.\n\nHas anyone managed to break this habit?",
        "comments": [],
        "answers": [
            {
                "body": "Health anxiety is very treatable, and the searching is one of the main things that keeps it going. Each search gives a moment of relief or a new scare, and either way the brain learns that checking is necessary.\n\nSteps that tend to help:\n\n1. **Delay, don't ban.** When the urge comes, set a timer for thirty minutes. Often it passes.\n2. **Track it.** Write down the urge, the feared illness and what actually happened. Over weeks, the pattern becomes obvious.\n3. **Agree a check-up plan with your GP**, for example regular scheduled appointments rather than crisis visits, so you're not carrying the decision alone.\n4. **Look into CBT for health anxiety specifically.** It has good evidence and addresses checking, reassurance-seeking and body-scanning directly.",
                "comments": [
                    'Scheduled appointments with my GP changed everything. I stopped bringing things "just in case".'
                ],
                "anonymous": None,
            },
            {
                "body": "I deleted the browser from my phone for two months. Drastic, but I slept properly for the first time in a year.",
                "comments": [],
                "anonymous": {"name": ""},
            },
        ],
    },
    {
        "title": "Why does my anxiety spike at 3am and how do I get back to sleep?",
        "category": "anxiety",
        "tags": ["anxiety", "sleep"],
        "body": "I fall asleep okay but wake between 3 and 4am with my heart racing and a list of worries that seem huge. By morning they seem manageable again.\n\nWhy does this happen, and what helps?",
        "comments": ["The 3am club. I thought I was the only one."],
        "answers": [
            {
                "body": "Night waking is normal, and in the early hours your mind is tired and less able to put worries into perspective, which is why everything feels bigger. A few things that help many people:\n\n- **Don't check the time.** Clock-watching adds a second worry: \"I'll be exhausted tomorrow\".\n- **Keep a notepad by the bed.** Write the worry down and tell yourself you'll deal with it after breakfast.\n- **If you're awake for what feels like twenty minutes or more, get up.** Sit somewhere dim and do something dull until you feel sleepy, then go back.\n- **Look at the daytime too:** caffeine after lunch, alcohol in the evening and a lack of wind-down time all make night waking more likely.\n\nIf it's been going on for months, ask your GP about CBT for insomnia, which is the recommended first treatment in many countries.",
                "comments": ['The notepad trick is gold. "After breakfast" is a magic phrase.'],
                "anonymous": None,
            },
            {
                "body": "I listen to very boring audiobooks on a timer. Something I've already heard, so I don't need to follow it. It gives my brain something to hold that isn't worry.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Does caffeine really make anxiety worse, or is that a myth?",
        "category": "anxiety",
        "tags": ["anxiety", "lifestyle", "sleep"],
        "body": "Everyone tells me to cut out coffee. I drink about four cups a day and honestly don't want to give it up. Is there real evidence, or is it one of those things people just say?",
        "comments": [],
        "answers": [
            {
                "body": "It's not a myth, though people vary a lot. Caffeine is a stimulant: it raises heart rate and can cause jitteriness, which are exactly the sensations anxious people tend to notice and misread as danger. People prone to panic are often more sensitive to it.\n\nYou don't have to give it up entirely. Try an experiment: cut down gradually over two weeks (stopping suddenly can cause headaches), keep a simple mood diary, and see what you notice. Many people find that no coffee after midday is enough to make a difference, especially for sleep.",
                "comments": [
                    "Cutting to two cups before noon helped my sleep more than anything else I tried."
                ],
                "anonymous": None,
            },
            {
                "body": "I switched to half-caff and didn't notice the taste difference. My resting jitteriness went down noticeably. Small change, worth a go.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "How do I explain my anxiety to parents who think it's just nerves?",
        "category": "anxiety",
        "tags": ["anxiety", "family", "communication"],
        "body": "I'm 22 and was recently diagnosed with generalised anxiety disorder. My parents are loving but old-fashioned. When I tried to explain, my dad said everyone gets nervous and I just need to toughen up.\n\nI want them to understand, but I'm not sure how.",
        "comments": [],
        "answers": [
            {
                "body": "It can help to use comparisons from their world. For example: *\"You know how you feel right before an important interview? Imagine feeling that most of the day, about lots of different things, even when nothing's happening. That's what it's like.\"*\n\nOther ideas:\n\n- Share one short, reliable leaflet or article rather than a lot of information at once.\n- Ask them to come to one appointment, if your clinician is happy with that.\n- Tell them specifically what helps: \"When I'm anxious, it helps if you just listen instead of telling me not to worry.\"\n\nBe patient with yourself too. Some parents take time to shift their view, and your recovery doesn't depend on them getting it right away.",
                "comments": ["The interview comparison finally got through to my mum."],
                "anonymous": None,
            },
            {
                "body": 'My dad was the same. What changed things was him seeing how hard I was working on it: the therapy, the exercises. "Toughening up" turned out to be exactly what I was doing, just not in the way he imagined.',
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Will my panic attacks ever stop completely?",
        "category": "panic-attacks",
        "tags": ["panic-attacks", "anxiety", "therapy"],
        "body": "I've had panic disorder for three years. With therapy they've gone from several a week to about one a month. I'm grateful, but I'm tired of waiting for the next one.\n\nDo they ever go away for good?",
        "comments": ["Going from several a week to one a month is huge progress. Well done."],
        "answers": [
            {
                "body": "For many people, yes, panic attacks become very rare or stop altogether. But it can help to shift the goal slightly. Recovery from panic disorder is often less about never having another attack and more about **no longer fearing them**.\n\nThe \"waiting for the next one\" feeling you describe is called anticipatory anxiety, and it's often what keeps panic going. Ironically, when people stop bracing for attacks, they tend to happen less.\n\nIt's worth raising this with your therapist: work on the fear of panic itself, including deliberately practising the sensations in a safe way, can help with that last stretch.",
                "comments": ["Stopping bracing was exactly the last step for me."],
                "anonymous": None,
            },
            {
                "body": 'Five years panic-free here, after about four years of them. I still occasionally feel a flicker, and I just think "oh, hello" and carry on. It loses its power.',
                "comments": [],
                "anonymous": None,
            },
            {
                "body": "One a month is still hard, and you're allowed to be tired of it. But look how far you've come.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    # ------------------------------------------------------------------ Depression
    {
        "title": "How do you get through the days when even showering feels impossible?",
        "category": "living-with-depression",
        "tags": ["depression", "self-care"],
        "body": "I'm on a bad stretch. I'm managing to work from home, but by evening I can't do anything. Showering, cooking, replying to messages: all of it feels like climbing a mountain.\n\nWhat are your smallest, most realistic coping tricks for days like this?",
        "comments": ["Sending you a lot of warmth. Getting through the workday is already a lot."],
        "answers": [
            {
                "body": "Lowering the bar is not failure, it's strategy. Some of mine:\n\n- **Shower sitting down**, or just wash your face and change your shirt. That counts.\n- **\"Two-minute versions\"** of everything: toast instead of dinner, one reply instead of the whole inbox.\n- **Body doubling:** a friend on a video call while you both do a small task.\n- **One thing a day** that's just for you, even if it's sitting by an open window for five minutes.\n\nAnd please let someone know how you're doing, whether that's your GP, a friend or a counsellor. Depression convinces us we should manage alone. We shouldn't have to.",
                "comments": [
                    "Sitting down in the shower has saved me so many times.",
                    "Two-minute versions. Writing that on my fridge.",
                ],
                "anonymous": None,
            },
            {
                "body": "I keep dry shampoo, face wipes and a box of cereal bars by my bed for the worst days. Future me is always grateful to past me.",
                "comments": [],
                "anonymous": None,
            },
            {
                "body": "On bad days I write down three tiny things I did, even \"drank water\". It helps me see I'm not doing nothing, I'm doing survival.",
                "comments": [],
                "anonymous": {"name": "K."},
            },
        ],
    },
    {
        "title": "I keep having thoughts that everyone would be better off without me. Who can I talk to?",
        "category": "depression",
        "tags": ["depression", "crisis", "suicidal-thoughts"],
        "body": "I don't have a plan and I'm not going to do anything. But the thought keeps coming: that my family would be better off, that I'm a burden. It scares me.\n\nI don't know who to tell or how to say it out loud.",
        "comments": [
            "Thank you for telling us. That took real courage, and you are not a burden here."
        ],
        "answers": [
            {
                "body": "I'm really glad you wrote this. Thoughts like these are a common symptom of depression, and they deserve to be taken seriously and talked about, which is exactly what you're doing.\n\nSome places to start:\n\n1. **If you ever feel you might act on these thoughts, or you're not safe, contact emergency services or go to your nearest emergency department straight away.**\n2. **Your local crisis line** is there for exactly this, including for people who aren't sure whether they're \"bad enough\" to call. Many also offer text or online chat if speaking feels too hard.\n3. **Your GP or doctor.** You can say: *\"I've been having thoughts that people would be better off without me, and I'd like help.\"* Writing it down and handing it over is completely fine.\n4. **One trusted person.** You don't need to explain everything. \"I'm struggling more than I've let on and I need some support\" is enough.\n\nThe feeling that you're a burden is the depression talking. The people who love you would far rather know and help than lose you.",
                "comments": [
                    "Writing it down and handing it over is how I finally told my doctor. It worked.",
                    "Please do reach out. I made that call two years ago and I'm so glad I'm here.",
                ],
                "anonymous": None,
            },
            {
                "body": "Peer support worker here. I've had those same thoughts, and I remember how frightening they were. They did pass, with help. If you can, tell someone today rather than waiting for a perfect moment. And you're always welcome to keep posting here too.",
                "comments": [],
                "anonymous": None,
            },
            {
                "body": "You reached out here, which means part of you is fighting for you. Please let that part make one more call today, to a crisis line or your doctor.",
                "comments": [],
                "anonymous": {"name": ""},
            },
        ],
    },
    {
        "title": "What should I ask my doctor before starting antidepressants?",
        "category": "treatment-medication",
        "tags": ["depression", "medication"],
        "body": "My GP has suggested medication for my depression and I have an appointment to discuss it on Friday. I feel nervous and know I'll forget everything once I'm in the room.\n\nWhat questions did you wish you'd asked?",
        "comments": [],
        "answers": [
            {
                "body": "Great idea to prepare. A list to take in, and it's fine to read from your phone:\n\n1. How long before I might notice a difference, and when will we review it?\n2. What side effects are common, and which ones should I contact you about straight away?\n3. Could it interact with anything else I take, including supplements or the contraceptive pill?\n4. What about alcohol?\n5. How long might I be on it, and how would stopping work when the time comes?\n6. What should I do if I feel worse, or have thoughts of harming myself, particularly in the first few weeks?\n7. Can I have talking therapy alongside it?\n\nAlso tell your doctor about any previous medications you've tried, and any family history of responding well or badly to a particular one.",
                "comments": [
                    "Number 6 is so important. I wish someone had told me that early weeks can be bumpy."
                ],
                "anonymous": None,
            },
            {
                "body": "I'd add: ask for a follow-up appointment before you leave the room. Having it booked stopped me from just quietly struggling with side effects.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Is it okay to stop taking my antidepressants now that I feel better?",
        "category": "treatment-medication",
        "tags": ["medication", "depression"],
        "body": "I've been on an SSRI for seven months and I genuinely feel like myself again. I'm tempted to just stop. I don't like the idea of being on tablets forever.\n\nIs there any reason not to?",
        "comments": [],
        "answers": [
            {
                "body": "Please speak to your prescriber before stopping. Feeling better is wonderful news, and it's also partly because the medication is doing its job. Two reasons to plan it together rather than stopping suddenly:\n\n- **Discontinuation symptoms.** Stopping abruptly can cause dizziness, irritability, flu-like feelings and strange sensations, which can be unpleasant and easily confused with relapse.\n- **Relapse risk.** Guidelines often suggest continuing for a period after you feel well, to reduce the chance of the depression returning.\n\nYour doctor can help you taper gradually at a pace that suits you, and plan what to watch for. Wanting to come off is completely reasonable. It's the *how* that matters.",
                "comments": [
                    "I stopped suddenly once and felt awful for weeks. Tapering the second time was totally different."
                ],
                "anonymous": None,
            },
            {
                "body": "It also helped me to think about it the other way round. I'm not \"on tablets forever\"; I'm using a tool for as long as it's useful. That took away a lot of the shame.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "I don't feel the bond with my baby that everyone talks about. Is something wrong with me?",
        "category": "perinatal-mental-health",
        "tags": ["postnatal", "depression", "parenting"],
        "body": "My daughter is ten weeks old. I care for her, I feed her, I do everything, but I feel strangely flat. Everyone says they fell in love instantly. I just feel tired and like I'm going through the motions.\n\nI'm scared to say this to anyone in real life.",
        "comments": ["You are clearly a caring mum. Asking this shows how much you care."],
        "answers": [
            {
                "body": "Midwife here. Please know that many, many parents don't feel an instant rush of love, and bonding often grows over weeks and months. That on its own is not a sign anything is wrong with you.\n\nBut feeling flat, going through the motions and being scared to tell anyone can also be signs of postnatal depression, which is common, treatable and *not your fault*. Please mention it to your health visitor, midwife or GP. They hear this often and the aim is to support you, not to judge your parenting.\n\nIf you ever have thoughts of harming yourself or your baby, or feel you can't keep yourselves safe, contact emergency services or your local crisis line straight away.",
                "comments": [
                    'I needed to hear "not your fault" when I was where you are. Sending love.'
                ],
                "anonymous": None,
            },
            {
                "body": "I felt exactly this with my first. I told my GP at the six-week check, got support, and by around five months I remember looking at him and feeling that huge rush everyone talks about. It came. It just took its time.",
                "comments": [],
                "anonymous": None,
            },
            {
                "body": "Dads and partners can feel this too, for what it's worth. You are not broken.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "How do I support my partner through depression without burning out myself?",
        "category": "living-with-depression",
        "tags": ["depression", "relationships", "self-care", "caregiving"],
        "body": "My wife has been depressed for about a year. She's getting treatment, but most days I'm doing all the housework, the kids' routines and working full time. I love her and I'd never leave, but I'm running on fumes and I feel guilty even saying that.",
        "comments": [],
        "answers": [
            {
                "body": "There's no need to feel guilty. Caring for someone you love through depression is hard, and you can't pour from an empty cup. Some things that help carers:\n\n1. **Get your own support.** A friend who knows, a carers' group or your own counselling. You need somewhere to put this too.\n2. **Accept help with practical things.** Family, friends, school pick-up swaps, batch cooking. It's temporary and it's okay.\n3. **Protect one small thing for yourself** each week, non-negotiable.\n4. **Talk with your wife, on a better day,** about what helps her most, so your energy goes where it matters.\n5. **Stay connected to her care,** if she's willing. Some people bring their partner to an appointment so everyone is on the same page.\n\nIf you notice her becoming unsafe or talking about not wanting to be here, contact her doctor, a crisis line or emergency services, and don't carry that alone.",
                "comments": [
                    "Asking for help with school runs was the turning point for me in a similar situation."
                ],
                "anonymous": None,
            },
            {
                "body": "Your wife is lucky to have you. But she'd also want you to be okay. Some of the kindest things my husband did when I was ill were looking after himself: going to football, seeing his brother. It took pressure off me too.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Does exercise really help depression or is it just something people say?",
        "category": "depression",
        "tags": ["depression", "lifestyle", "self-care"],
        "body": 'Every article tells me to "just go for a run". When I can barely get out of bed that feels insulting. But is there actually something to it?',
        "comments": ["Totally understand why that advice can feel insulting."],
        "answers": [
            {
                "body": "There is good evidence that physical activity can help with mild to moderate depression, and it's often recommended alongside other treatments. But the \"just go for a run\" framing misses how depression actually works: low energy and motivation are symptoms, not laziness.\n\nWhat tends to help is starting *absurdly* small: a five-minute walk to the end of the road, stretching on the floor, dancing to one song. Consistency matters more than intensity, and being outdoors or with someone can add to the benefit. It's a tool, not a cure, and not a replacement for proper treatment if you need it.",
                "comments": [],
                "anonymous": None,
            },
            {
                "body": "My rule on bad days was: shoes on and outside the door. If I wanted to come back in after that, I could. I usually walked for ten minutes. Some days I came straight back in, and that was allowed.",
                "comments": ["Love that it was allowed. The permission makes it possible."],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Why do I feel numb rather than sad when I'm depressed?",
        "category": "living-with-depression",
        "tags": ["depression", "emotions"],
        "body": "People think depression means crying all the time. For me it's more like everything is behind glass. I don't feel sad exactly, I just don't feel anything. Music, food, friends: nothing lands.\n\nIs this still depression?",
        "comments": [],
        "answers": [
            {
                "body": "Yes, what you're describing is very common in depression. Clinicians sometimes call it **anhedonia**: a loss of pleasure or interest in things that used to matter. Emotional numbness, feeling flat or disconnected, is one of the ways depression shows up, and for some people it's more prominent than sadness.\n\nIt's worth telling your doctor or therapist in exactly those words, \"like everything is behind glass\", because it helps them understand what you're experiencing. Sometimes numbness can also be a side effect of certain medications, so if you're on any, mention that too.\n\nBehavioural activation, which means gradually re-engaging with activities even before the feelings come back, is a well-supported approach for this.",
                "comments": ['"Behind glass" is exactly how I\'d describe it too.'],
                "anonymous": None,
            },
            {
                "body": "The numbness was the scariest part for me. When feelings started coming back, the first was irritation, oddly. Then laughter at something silly on TV. It does thaw.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Seasonal low mood every winter: is a light box worth trying?",
        "category": "treatment-medication",
        "tags": ["depression", "sleep", "seasonal"],
        "body": "Every year from about November my mood drops, I sleep much more and crave carbs constantly. By April I'm fine again. A friend suggested a light therapy lamp.\n\nHas anyone tried one? Any advice before I buy?",
        "comments": [],
        "answers": [
            {
                "body": "The pattern you describe sounds a lot like seasonal affective disorder, and it's worth talking to your GP to confirm and discuss options. Light therapy is one of the recognised treatments. General tips people are usually given:\n\n- Look for a lamp designed for light therapy, with clear information on its brightness and UV filtering.\n- Use it in the morning, for the time recommended by the manufacturer or your clinician.\n- Check with your doctor first if you have eye conditions, take medications that increase light sensitivity, or have a history of bipolar disorder.\n\nGetting outside in daylight, even on grey days, and keeping a regular wake time also help.",
                "comments": [
                    "Morning walks plus the lamp made this winter the best in years for me."
                ],
                "anonymous": None,
            },
            {
                "body": "I use mine at breakfast while I read the news. It's become a nice ritual rather than a chore. It didn't fix everything but it took the edge off.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    # ---------------------------------------------------------- Family & Parenting
    {
        "title": "My seven-year-old has meltdowns after school every day. How can I help?",
        "category": "parenting",
        "tags": ["parenting", "anxiety", "emotions"],
        "body": "His teacher says he's an angel in class. Then he walks through our front door and falls apart: screaming, crying, throwing his bag. It can last an hour.\n\nWe're exhausted. Is this normal, and what can we do?",
        "comments": ["So common. Teachers see the best version; home gets the rest."],
        "answers": [
            {
                "body": "This is often called *after-school restraint collapse*. Children use huge amounts of energy holding it together all day, and home is where they feel safe enough to let go. Strangely, it's a sign of trust.\n\nThings that help many families:\n\n1. **A snack and quiet straight away**, before any questions about the day.\n2. **Low demands for the first half-hour.** No homework, no \"how was school\".\n3. **Movement:** a trampoline, a walk, a play at the park on the way home.\n4. **Stay calm and close** during the meltdown, with few words. Talk about it later when he's regulated.\n\nIf it's intense every day or other things are going on, like trouble sleeping, worries about school or friendship problems, it's worth chatting to your GP or the school's support staff too.",
                "comments": [
                    "Snack before questions changed our afternoons completely.",
                    "Never knew there was a name for this. So reassuring.",
                ],
                "anonymous": None,
            },
            {
                "body": 'We started a "quiet car" rule: no talking on the drive home unless he starts it. The meltdowns didn\'t vanish but they got shorter.',
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "How do I talk to my teenager about mental health without them shutting down?",
        "category": "teens-young-adults",
        "tags": ["parenting", "teens", "communication"],
        "body": "My 14-year-old seems withdrawn lately: more time in his room, less interest in football. When I ask if he's okay he says \"fine\" and walks off.\n\nI don't want to pry, but I'm worried. How do I open a conversation he'll actually have?",
        "comments": [],
        "answers": [
            {
                "body": "Youth worker here. Teenagers often talk more when it isn't face-to-face and isn't The Big Conversation. Try:\n\n- **Side-by-side time:** in the car, cooking, walking the dog, playing a game. Less eye contact, less pressure.\n- **Say what you've noticed without judgement:** \"You've seemed a bit quieter lately. I'm not going to push, but I'm around whenever.\"\n- **Listen more than you fix.** If he opens up, resist jumping to solutions straight away.\n- **Let him know other options exist:** a GP, the school counsellor, a trusted relative. Some teens find it easier to talk to someone who isn't a parent.\n\nIf you see signs that he might be at risk, such as talking about not wanting to be here or hurting himself, get help promptly from your GP, a crisis line or emergency services.",
                "comments": [
                    "The car is where all our best talks happen. No escape, no eye contact."
                ],
                "anonymous": None,
            },
            {
                "body": "Share a bit of yourself. When I told my daughter about a hard time I had at her age, she opened up more in that one evening than in the previous six months.",
                "comments": [],
                "anonymous": None,
            },
            {
                "body": "Don't underestimate just being around. Sitting in the living room with a book while he's gaming can be more connecting than it looks.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "My 15-year-old told me she has been self-harming. What do I do first?",
        "category": "teens-young-adults",
        "tags": ["parenting", "self-harm", "teens"],
        "body": "She told me last night, crying. I stayed calm in front of her but I've been shaking ever since. I love her so much and I'm terrified of saying the wrong thing.\n\nWhat should I do now?",
        "comments": [
            "The fact that she told you says a lot about your relationship. Please be gentle with yourself too."
        ],
        "answers": [
            {
                "body": "Staying calm when she told you was exactly right, and it will have meant a great deal to her. Here's what I'd suggest, as someone who supports families in this situation:\n\n1. **Thank her for telling you** and let her know you're not angry. Shame often drives self-harm, so warmth matters.\n2. **Check whether she needs medical attention** for any injuries. If an injury is serious, or if she is at immediate risk, contact emergency services.\n3. **Book an appointment with your GP** together, soon. They can assess how she's doing and refer to specialist young people's mental health services.\n4. **Try to understand, not just stop it.** Self-harm is usually a way of coping with overwhelming feelings. Ask gently what helps and what makes things harder, and avoid ultimatums, which can push it into secrecy.\n5. **Ask about thoughts of suicide directly** if you're worried. Asking does not put the idea in someone's head, and it gives them permission to be honest.\n6. **Get support for yourself.** Parent helplines and carer support groups exist for exactly this. You can't do it alone, and you shouldn't have to.\n\nThere are good treatments and many young people do recover. She chose to tell you, and that's a strong foundation.",
                "comments": [
                    "Number 5 surprised me, but our counsellor said the same thing.",
                    "Thank you for this. Saving it in case I ever need it.",
                ],
                "anonymous": None,
            },
            {
                "body": "I was in your shoes three years ago. My daughter is doing really well now. What helped most was her therapist and us learning to sit with her feelings instead of panicking. Look after yourself too; I didn't at first and I crashed.",
                "comments": [],
                "anonymous": {"name": "a mum who's been there"},
            },
        ],
    },
    {
        "title": "How do I set boundaries with a parent who constantly criticises my parenting?",
        "category": "family-conflict",
        "tags": ["boundaries", "family", "parenting"],
        "body": "My mum comments on everything: what the kids eat, screen time, bedtime, how I speak to them. She sees them twice a week and I'm grateful for the childcare, which makes it harder.\n\nHow do I stand up for myself without losing her help or her relationship with the kids?",
        "comments": [],
        "answers": [
            {
                "body": 'This is such a common knot, especially when grandparents help with childcare. A few approaches:\n\n- **Separate the helping from the commenting.** "I\'m so grateful for everything you do. I need you to trust me on how we handle food and bedtime."\n- **Decide which things actually matter to you.** If she gives them a biscuit at her house, can you let that go and hold firm on the bigger things?\n- **Use a short, repeatable line** when the comments come: "We\'ve decided, Mum" or "Noted, thanks", then change the subject.\n- **Ask about her experience.** Sometimes criticism is anxiety, or a way of feeling useful. "You raised three of us, what was hardest?" can soften things.\n\nYou\'re the parent now. You can be grateful *and* in charge.',
                "comments": ['"Grateful and in charge" is my new mantra.'],
                "anonymous": None,
            },
            {
                "body": "My partner talking to his mum (rather than me) made a big difference in our case. Worth considering if it's an in-law situation too.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Is it okay to go low-contact with a sibling who leaves me drained every time?",
        "category": "family-conflict",
        "tags": ["boundaries", "family", "self-care"],
        "body": "My older brother is constantly negative, picks fights and brings up childhood grievances every time we talk. I come away from every call feeling awful for days.\n\nMy parents want us to be close. I feel guilty even considering stepping back.",
        "comments": ["Family guilt is so heavy. It's okay to protect your peace."],
        "answers": [
            {
                "body": "It's okay. Being related to someone doesn't oblige you to accept treatment that harms your wellbeing. Low-contact doesn't have to be dramatic or permanent; it can simply mean shorter calls, seeing him at family events rather than one-to-one, or not picking up when you're already low.\n\nIt can help to get clear on what *you* want the relationship to look like, rather than what your parents want. You might also tell your parents calmly: \"I love him, and I need some distance right now for my own health.\" They may not like it, but you're allowed to decide.\n\nA counsellor can be really helpful for the guilt part, and for any childhood stuff this is stirring up.",
                "comments": [],
                "anonymous": None,
            },
            {
                "body": "I went low-contact with my sister for about two years. It gave us both space, and when we reconnected it was on better terms. Distance isn't always the end.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "I'm caring for my dad with dementia and running on empty. How do other carers cope?",
        "category": "caregiving",
        "tags": ["caregiving", "burnout", "self-care"],
        "body": "Dad moved in with us last year. He's often confused in the evenings, sometimes angry, and he wanders at night. I've stopped seeing friends and I cry most days.\n\nI love him, but I don't know how much longer I can do this.",
        "comments": ["You're doing something incredibly hard. Your exhaustion is real."],
        "answers": [
            {
                "body": "I'm so sorry. What you describe is one of the hardest caring roles there is, and feeling at the end of your rope is not a failure of love. A few things that help many carers:\n\n1. **Ask for a carer's assessment** (or the equivalent where you live). It can unlock respite care, day centres and practical support.\n2. **Tell your own GP you're a carer** and how you're feeling. Carer burnout and depression are common and treatable.\n3. **Find a carers' support group**, in person or online. People who understand night wandering and sundowning without you explaining are worth their weight in gold.\n4. **Take breaks before you're desperate.** Regular respite is much more sustainable than crisis respite.\n5. **Plan ahead.** It's okay to start exploring what the next stage of care might look like, even while you're still coping.\n\nIf you ever feel you can't keep yourself or your dad safe, contact emergency services or your local crisis line. Please don't wait until you're completely empty.",
                "comments": [
                    "The carers' group was where I finally stopped feeling crazy. Please find one.",
                    "Respite before desperation, yes.",
                ],
                "anonymous": None,
            },
            {
                "body": "I cared for my mum for four years. The one thing I wish I'd done sooner was say yes when people offered help. I thought I had to prove I could do it all. No one needed that proof.",
                "comments": [],
                "anonymous": None,
            },
            {
                "body": "Day centre two days a week gave me my life back. Dad actually enjoyed it once he'd settled in. It took a few weeks.",
                "comments": [],
                "anonymous": {"name": ""},
            },
        ],
    },
    {
        "title": "My ex badmouths me to our kids. How should I respond without making it worse?",
        "category": "parenting",
        "tags": ["parenting", "co-parenting", "breakup"],
        "body": "Our children are 8 and 11. After weekends at their dad's they come back saying things like \"Dad says you ruined everything\". It's so painful and I want to defend myself.\n\nHow do I handle this without dragging them into the middle?",
        "comments": [],
        "answers": [
            {
                "body": "It's so hard not to defend yourself. The most protective thing you can usually do for your children is to **refuse to put them in the middle**, even when the other parent does.\n\nSome ideas:\n\n- Respond calmly to the children: *\"It sounds like that was confusing to hear. Grown-up problems are for grown-ups to sort out. You're allowed to love both of us.\"*\n- Don't criticise their dad back, even if it's tempting and even if it's true.\n- Address it with your ex directly, in writing, briefly and factually, or through a mediator.\n- If it continues and seems to be harming the children, a family solicitor or family mediation service can advise you.\n\nChildren usually work out over time who kept them out of the fight.",
                "comments": [
                    '"You\'re allowed to love both of us" is such an important thing for kids to hear.'
                ],
                "anonymous": None,
            },
            {
                "body": "A children's counsellor helped my son process stuff he was hearing at his mum's. It gave him a neutral place to talk that wasn't either of our houses.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "How do I handle the guilt of moving my mum into a care home?",
        "category": "caregiving",
        "tags": ["caregiving", "guilt", "family"],
        "body": "After two falls and a hospital stay, we've agreed with her doctors that Mum needs full-time care. She's moving next week. I promised her years ago I'd never \"put her in a home\" and I feel like I'm betraying her.",
        "comments": [],
        "answers": [
            {
                "body": "That promise was made out of love, at a time when neither of you could know what her needs would become. Keeping her safe and cared for *is* keeping the spirit of it.\n\nGuilt often shows up where love is. It may help to think of your role changing rather than ending: from doing all the physical care to being her advocate, her visitor, her daughter. Many people find their time together improves once they're no longer exhausted.\n\nPractical things can help with the transition: familiar photos and belongings in her room, getting to know the staff, and visiting often in the first weeks. Give yourself and her time to adjust, and talk to someone about the guilt; it's a heavy thing to carry alone.",
                "comments": [
                    '"From doing the care to being her daughter again." That\'s exactly what happened for us.'
                ],
                "anonymous": None,
            },
            {
                "body": "When my gran moved into a home, the first month was awful. By month three she'd made a friend and was bossing everyone around at bingo. Please don't judge it by the first weeks.",
                "comments": ["This made me smile, thank you."],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Our adult son moved back home and seems withdrawn. Should we push him to get help?",
        "category": "teens-young-adults",
        "tags": ["family", "depression", "parenting"],
        "body": "He's 24, lost his job in the spring and moved back in with us. He sleeps until the afternoon, barely eats with us and spends most of his time gaming. When we mention job applications he gets irritated and leaves the room.\n\nWe don't know whether to give him space or insist he sees someone.",
        "comments": [],
        "answers": [
            {
                "body": "The withdrawal, sleep changes and irritability could be a sign of depression, so it's reasonable to be concerned. At 24 he's an adult and you can't make him get help, but you can make it easier:\n\n- **Lead with care, not jobs.** \"We've noticed you seem really down. We're worried about *you*, not your CV.\"\n- **Offer practical help:** booking a GP appointment, going with him, or paying for a few counselling sessions if you can.\n- **Keep some connection going** without pressure: a regular meal, a walk, watching something together.\n- **Keep gentle structure:** small household contributions can actually help mood.\n\nIf he ever talks about hopelessness or not wanting to be alive, take it seriously and contact his GP, a crisis line or emergency services.",
                "comments": [],
                "anonymous": None,
            },
            {
                "body": "I was that son a few years ago. What helped was my mum saying \"I'm not angry, I'm worried\" and then just leaving a leaflet on my desk. I read it that night. I saw a doctor two weeks later.",
                "comments": ["Thank you for sharing this. It gives me hope for my own boy."],
                "anonymous": {"name": "Sam"},
            },
        ],
    },
    {
        "title": "How do I look after my own mental health as a new dad?",
        "category": "perinatal-mental-health",
        "tags": ["parenting", "postnatal", "self-care"],
        "body": "Our son is three months old. Everyone asks how my wife is doing, which is right, but I'm struggling too: irritable, anxious, barely sleeping, and feeling like I'm failing at work and at home.\n\nIs this normal for dads?",
        "comments": [],
        "answers": [
            {
                "body": "Yes. Fathers and non-birthing partners can experience postnatal depression and anxiety too, and it's under-recognised. Sleep deprivation, big identity changes and the pressure to be the steady one all take a toll.\n\nSome things that help:\n\n- **Talk to your GP** about how you're feeling. They can assess you and discuss support.\n- **Tell your partner, gently.** Many couples find it brings them closer rather than adding to her load.\n- **Find other dads.** Dads' groups, online or in person, can be a huge relief.\n- **Protect sleep where you can** by taking turns for longer stretches rather than both waking for every feed.\n\nIf you ever feel overwhelmed to the point of not coping, or have thoughts of harming yourself, please contact your local crisis line or emergency services.",
                "comments": ["I wish someone had told me this when my daughter was born."],
                "anonymous": None,
            },
            {
                "body": "Dad of two. With my first I didn't say a word for six months and it nearly broke me. With the second I told my wife and a mate early on. Night and day difference.",
                "comments": ["Thank you for being open about this."],
                "anonymous": None,
            },
            {
                "body": "Midwife here: please do mention it at your baby's check-ups too. We're increasingly asking partners how they're doing, and we mean it.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    # --------------------------------------------------------------- Work & Stress
    {
        "title": "How can I tell whether it's burnout or depression?",
        "category": "burnout",
        "tags": ["burnout", "depression", "work"],
        "body": "I'm exhausted, cynical about my job, and I can't concentrate. Weekends don't help anymore. My partner thinks I'm depressed; I think I'm just burned out.\n\nDoes the distinction matter, and how would I know?",
        "comments": ["Great question. They overlap so much."],
        "answers": [
            {
                "body": "They overlap a lot, and you don't need to figure it out alone. Broadly:\n\n- **Burnout** is usually tied to work: exhaustion, cynicism or detachment about the job, and feeling less effective. Time away from work may help, at least a little.\n- **Depression** tends to spread across life: low mood or numbness, losing interest in things you used to enjoy, changes in sleep and appetite, hopelessness, and feeling bad about yourself generally.\n\nThe clue in your post is that weekends no longer help. That's worth taking seriously. Prolonged burnout can develop into depression, and the two can coexist.\n\nThe distinction matters because it affects what helps: burnout may need changes to workload and boundaries; depression may also need treatment. A GP appointment is a good place to start, and it's fine to bring your partner's observations along.",
                "comments": [
                    '"Weekends no longer help" was my sign too. Glad I went to the doctor.'
                ],
                "anonymous": None,
            },
            {
                "body": "For me it was both. Changing jobs fixed the burnout, but I still needed therapy for the depression that had built up underneath.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Is it okay to take sick leave for my mental health?",
        "category": "work-stress",
        "tags": ["work", "burnout", "self-care"],
        "body": "I've never taken a day off sick in six years. Right now I'm barely holding on, crying before work and not sleeping. My GP offered to sign me off for two weeks but I feel like a fraud.\n\nDid anyone else feel this way?",
        "comments": [],
        "answers": [
            {
                "body": "You're not a fraud. Your doctor, who is trained to make exactly this judgement, thinks you need time off. Mental health is health. You'd take time off for a broken leg without this guilt.\n\nIf you take the time, use it for recovery rather than just escaping: rest, a little routine, gentle movement, and if possible starting some support like counselling. Before returning, think about what needs to change, and consider asking about a phased return or adjustments.",
                "comments": [
                    '"You\'d take time off for a broken leg" is what finally convinced me.'
                ],
                "anonymous": None,
            },
            {
                "body": "HR person here. Genuinely, most reasonable employers would far rather you took two weeks now than ended up off for months later. Your absence record of six years speaks for itself.",
                "comments": [],
                "anonymous": None,
            },
            {
                "body": "I took three weeks off last year. I spent the first one sleeping and felt guilty. By the third I felt human again. Go easy on yourself.",
                "comments": ["Same experience here, thank you for saying it."],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "My manager messages me at 10pm. How do I set a boundary without risking my job?",
        "category": "workplace-relationships",
        "tags": ["boundaries", "work", "communication"],
        "body": "She sends messages late at night and at weekends, and if I don't reply quickly she mentions it the next day. Nothing in my contract says I need to be available out of hours.\n\nI need the job. How do I push back safely?",
        "comments": [],
        "answers": [
            {
                "body": 'A few options, from softest to firmest:\n\n1. **Change your own behaviour first.** Turn off notifications after a set time. Reply first thing the next morning, every time. Consistency often resets expectations on its own.\n2. **Clarify expectations directly:** "I want to make sure I\'m meeting your expectations. When you message in the evening, do you need a reply that night, or is next morning okay?" Framed as a question, it gives her room to say "morning\'s fine".\n3. **Agree an emergency channel.** "If something\'s truly urgent, please call, and I\'ll pick up." That separates true urgency from habit.\n4. **Put it in writing** if it continues or becomes a performance issue, and consider speaking to HR.\n\nMany managers message late because that\'s when *they* catch up, not because they expect instant answers.',
                "comments": [
                    "Number 2 worked perfectly for me. She genuinely hadn't realised.",
                    "The emergency channel idea is great.",
                ],
                "anonymous": None,
            },
            {
                "body": "Scheduled sending is your friend too. If I work late, I schedule my replies for 8am so I'm not accidentally training people to expect evening answers.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "I'm a nurse and I cry in my car after every shift. Is this sustainable?",
        "category": "burnout",
        "tags": ["burnout", "work", "self-care"],
        "body": "Twelve-hour shifts, short-staffed, patients I can't give enough time to. I get to my car, shut the door and sob, then drive home and pretend to my family I'm fine.\n\nI love nursing. But I don't know how long I can keep this up.",
        "comments": ["Thank you for everything you do. You deserve care too."],
        "answers": [
            {
                "body": "Fellow nurse, twenty years in. What you're describing sounds like a mix of burnout and what's sometimes called moral distress: knowing what good care looks like and being unable to give it because of the system. It's not a personal weakness.\n\nThings that have helped me and colleagues:\n\n- **Use whatever staff support exists:** occupational health, staff counselling, reflective practice or debrief groups.\n- **Find your people at work.** A two-minute honest chat in the corridor does more than you'd think.\n- **Have a transition ritual** between work and home: music in the car, changing clothes, a short walk. Let the car cry happen, and then let it be done.\n- **Tell your family some of it.** Pretending is exhausting.\n- **See your GP** if it's affecting sleep, appetite or mood outside work.\n\nAnd it's okay to consider a change of area or pace. Many nurses find a different setting that lets them keep doing what they love without breaking.",
                "comments": ["Moral distress. I didn't know there was a term for it. That helps."],
                "anonymous": {"name": "night-shift nurse"},
            },
            {
                "body": "I moved from an acute ward to community nursing after five years. Still nursing, still caring, and I haven't cried in my car in two years. You don't have to choose between the job you love and your health.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "How do I deal with a colleague who takes credit for my work?",
        "category": "workplace-relationships",
        "tags": ["work", "communication", "self-esteem"],
        "body": "Twice now a colleague has presented my analysis in meetings as if it were hers. I froze both times. I'm angry, but I'm also conflict-averse and don't want to seem petty.\n\nWhat would you do?",
        "comments": [],
        "answers": [
            {
                "body": "Not petty at all. A few strategies that don't require a big confrontation:\n\n- **Make your work visible in advance.** Email your analysis to the wider team or your manager before meetings, with a short summary.\n- **Speak up in the moment with a light touch:** \"Glad that's useful, happy to walk through the method since I put it together.\"\n- **Have a private, calm word:** \"I noticed the analysis I did was presented in the meeting. In future I'd like to present my own work, or be credited.\" Assume good intent the first time; it keeps things civil.\n- **Keep a record** of what you've done, in case it becomes a pattern you need to raise with your manager.",
                "comments": ["The email-before-the-meeting trick is underrated."],
                "anonymous": None,
            },
            {
                "body": 'I practised my "light touch" line out loud at home several times. Felt silly, but when it happened again I actually said it. She never did it again.',
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Is it irresponsible to leave a stable job for something that makes me happier?",
        "category": "career-change",
        "tags": ["career", "anxiety", "work"],
        "body": "I'm 38, with a mortgage and a secure office job that makes me miserable. I've been offered a lower-paid role at a charity doing work I'd love. My anxious brain keeps listing everything that could go wrong.\n\nHow did you decide?",
        "comments": ["It's brave even to be considering it."],
        "answers": [
            {
                "body": "It isn't inherently irresponsible. Staying in a job that's harming your wellbeing has costs too, they're just less visible. A structured approach can calm the anxious brain:\n\n1. **Do the numbers honestly.** Can you cover the mortgage and essentials on the new salary? What would you cut?\n2. **Build a buffer** if you can: a few months of savings before you jump.\n3. **Ask for details** about the new role: team, stability of funding, progression.\n4. **Imagine yourself in five years** in each scenario. Which regret is heavier?\n5. **Separate anxiety from intuition.** Anxiety lists catastrophes; intuition tends to be quieter and steadier.\n\nLots of people make this switch and find that the money matters less than they feared, and the meaning matters more.",
                "comments": ['"Anxiety lists catastrophes; intuition is quieter." Beautiful.'],
                "anonymous": None,
            },
            {
                "body": "I did exactly this at 41. First six months we were tight financially. Four years on, I've never once wished I'd stayed.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "How do I stop replaying work conversations when I'm trying to sleep?",
        "category": "work-stress",
        "tags": ["sleep", "work", "anxiety"],
        "body": "Every night I lie in bed going over meetings, emails and things I said, rehearsing what I should have said. It keeps me awake for hours.\n\nAny practical advice?",
        "comments": [],
        "answers": [
            {
                "body": "Try a **\"worry window\"** earlier in the evening: fifteen minutes at a set time where you deliberately write down everything on your mind about work, plus one next step for each if there is one. Then close the notebook. When it comes up in bed, remind yourself it has a time and place, and it's not now.\n\nA proper end-of-workday ritual helps too, especially if you work from home: write tomorrow's to-do list, close the laptop, change clothes, go for a short walk. It tells your brain the workday is finished.",
                "comments": [
                    "Worry window plus end-of-day ritual fixed about 70% of my bedtime spiralling."
                ],
                "anonymous": None,
            },
            {
                "body": "When I catch myself replaying, I switch to a boring mental task, like naming a fruit for every letter of the alphabet. It keeps my brain too busy to ruminate.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Should I tell my employer about my anxiety diagnosis?",
        "category": "work-stress",
        "tags": ["anxiety", "work"],
        "body": "I've just started a new job and I've been managing my anxiety well with medication and therapy. But some days are harder and I sometimes need to leave early for appointments.\n\nShould I disclose it? What are the pros and cons?",
        "comments": [],
        "answers": [
            {
                "body": "It's your choice, and there's no single right answer. Some things to weigh up:\n\n**Possible benefits:** in many places, disclosing a condition can entitle you to reasonable adjustments, such as flexibility for appointments. It can also mean your manager understands a hard day rather than misreading it.\n\n**Possible concerns:** worry about stigma, or how it might be perceived, especially in a new role.\n\nMiddle-ground options: tell HR or occupational health confidentially rather than your manager, or share only what's needed: \"I have a health condition that means I have regular appointments.\" It's worth looking up the employment rights that apply where you live.",
                "comments": ["Telling occupational health first felt much safer for me."],
                "anonymous": None,
            },
            {
                "body": "I told my manager in my third month. She said her son has anxiety and thanked me for being open. Not everyone will react that well, but mine did, and it made a huge difference.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Imposter syndrome at a new job: does it ever go away?",
        "category": "career-change",
        "tags": ["self-esteem", "work", "anxiety"],
        "body": "Four months into a role I worked really hard to get. Every day I'm convinced someone will realise they made a mistake hiring me. I over-prepare for everything and it's exhausting.\n\nDoes this feeling fade?",
        "comments": ["Most people I know have felt this, including very senior people."],
        "answers": [
            {
                "body": "For most people it eases with time and evidence, though it can return when you step up again. Things that help:\n\n- **Keep a \"done\" file.** Write down wins, positive feedback and problems you solved. Read it when the voice gets loud.\n- **Notice the over-preparing.** It can become a safety behaviour that stops you learning you'd have been fine anyway. Try preparing a bit less on low-stakes tasks and see what happens.\n- **Talk about it.** Mention it to a mentor or a trusted colleague. You'll likely find they've felt it too.\n\nThe people who hired you had information and experience. Trust their judgement a little, even while you're learning to trust your own.",
                "comments": ['The "done" file is great. I call mine the evidence folder.'],
                "anonymous": None,
            },
            {
                "body": "Fifteen years in and I still get flashes of it. The difference is I now recognise it as a feeling rather than a fact, and I let it sit in the back seat.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "How do you actually recover from burnout once you've hit the wall?",
        "category": "burnout",
        "tags": ["burnout", "self-care", "work"],
        "body": "I've been signed off for a month after completely crashing. I expected to feel better after a week of rest, but I still feel foggy, flat and exhausted.\n\nWhat does recovery really look like, and how long did it take you?",
        "comments": ["Go gently. A month is not long after a crash."],
        "answers": [
            {
                "body": "Occupational therapist here. Burnout recovery is usually slower than people expect, often months rather than weeks, and it isn't a straight line. A rough shape that many people go through:\n\n1. **Rest, properly.** The first phase is often mostly sleep and doing very little. That's not laziness; your system is depleted.\n2. **Gentle structure.** Once some energy returns, add small anchors: regular meals, a short walk, getting dressed. Small and consistent beats ambitious.\n3. **Reconnect with what restores you,** such as hobbies, nature and people who are easy to be with.\n4. **Reflect on causes.** What led here? Workload, values conflict, lack of control, no recovery time? This is where a counsellor can be really helpful.\n5. **Plan the return.** A phased return and clear agreements about workload reduce the risk of crashing again.\n\nKeep your GP in the loop, especially if the flatness continues, as burnout and depression often overlap.",
                "comments": [
                    "Number 4 was the part I skipped the first time. I burned out again within a year.",
                    "This is so helpful, thank you.",
                ],
                "anonymous": None,
            },
            {
                "body": "It took me about five months to feel like myself. The brain fog was the last thing to lift. Be patient; it does lift.",
                "comments": [],
                "anonymous": None,
            },
            {
                "body": "What helped me most was learning to notice early warning signs, like skipping lunch, stopping exercise and snapping at people, so I could act before the next crash rather than after.",
                "comments": [],
                "anonymous": {"name": "recovering workaholic"},
            },
        ],
    },
    # ---------------------------------------------------------------- Grief & Loss
    {
        "title": "It's been a year since my mum died and I feel worse, not better. Is that normal?",
        "category": "bereavement",
        "tags": ["grief", "bereavement"],
        "body": "In the first few months I was busy with arrangements, paperwork and looking after Dad. Now everyone has moved on and I'm suddenly falling apart. The anniversary was last week.\n\nI thought grief was supposed to get easier with time.",
        "comments": ["I'm so sorry about your mum."],
        "answers": [
            {
                "body": "I'm so sorry for your loss. What you're describing is something I hear often as a bereavement counsellor. The early months are frequently spent in a kind of shock and busyness, and the full weight of the loss arrives later, often around the first anniversary, just as other people's support falls away.\n\nGrief doesn't follow a neat timeline. It tends to come in waves, and the waves can be stronger in the second year for some people. That isn't going backwards.\n\nIt might help to:\n\n- Tell friends that this is a harder time, not an easier one. Many people simply don't know.\n- Consider bereavement counselling or a support group.\n- Find small ways to keep your mum in your life: cooking her recipes, visiting a place she loved.\n\nIf you find you can't function day to day, or you have thoughts of not wanting to go on, please speak to your GP or contact a crisis line.",
                "comments": [
                    "Second year was harder for me too. Nobody warned me.",
                    "Thank you for this. It makes me feel less broken.",
                ],
                "anonymous": None,
            },
            {
                "body": "The busyness carried me for eighteen months after my dad. Then it hit like a wave. You're not doing it wrong, it's just arriving now.",
                "comments": [],
                "anonymous": None,
            },
            {
                "body": "My mum's been gone five years. Some days it's still raw, most days it's a quiet ache I carry with love. It changes shape. It doesn't vanish, but you grow around it.",
                "comments": [],
                "anonymous": {"name": ""},
            },
        ],
    },
    {
        "title": "What do you say to a friend whose partner has just died?",
        "category": "bereavement",
        "tags": ["grief", "friendship", "communication"],
        "body": "A close friend's husband died suddenly last weekend. I want to be there for her, but I'm terrified of saying the wrong thing. Everything I think of sounds hollow.\n\nWhat actually helped you when you were grieving?",
        "comments": [],
        "answers": [
            {
                "body": 'Widower here. The most helpful things people said and did:\n\n- **"I\'m so sorry. I don\'t know what to say, but I\'m here."** Honest and enough.\n- **Saying his name** and sharing memories. People avoided it and it made me feel he\'d been erased.\n- **Specific offers:** "I\'m dropping dinner on Thursday" is easier to accept than "let me know if you need anything".\n- **Staying around after the funeral.** The second and third months were the loneliest.\n\nThings that hurt, despite good intentions: "he\'s in a better place", "everything happens for a reason", and comparisons to other losses.',
                "comments": [
                    "Saying their name. Yes. So important.",
                    "I'm going to set reminders for the months ahead. Thank you.",
                ],
                "anonymous": None,
            },
            {
                "body": "Show up with practical help. Bins out, school run, walking the dog. Grief is exhausting and the tiny jobs feel enormous.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Is it silly to be this heartbroken over my dog?",
        "category": "pet-loss",
        "tags": ["grief", "pet-loss"],
        "body": "We had to put Biscuit to sleep on Monday. He was fourteen and with me through university, two house moves and my divorce. I can't stop crying and I called in sick today.\n\nA coworker said \"it's just a dog\". Am I overreacting?",
        "comments": ["Biscuit sounds like he was a wonderful friend. I'm so sorry."],
        "answers": [
            {
                "body": "You're not overreacting. Biscuit was your companion through some of the biggest chapters of your life, a daily presence who loved you without conditions. Grieving him is a reflection of that bond.\n\nPet loss is what's sometimes called *disenfranchised grief*: grief that others don't fully recognise, which can make it lonelier. Give yourself permission to mourn him properly: keep his collar, make a photo book, plant something. And consider pet bereavement support services, which exist precisely because this pain is so real.",
                "comments": ["Disenfranchised grief. That explains why the comments hurt so much."],
                "anonymous": None,
            },
            {
                "body": "Former vet nurse here. I've seen the toughest people fall apart saying goodbye to their dogs. It's never \"just a dog\". Be gentle with yourself this week.",
                "comments": [],
                "anonymous": None,
            },
            {
                "body": "Fourteen years is a whole era of your life. Of course it hurts.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "How do I explain death to a four-year-old?",
        "category": "grief-loss",
        "tags": ["grief", "parenting", "communication"],
        "body": "My daughter's grandpa died last week. She keeps asking when he's coming back, and I don't know what to tell her without scaring her or confusing her.",
        "comments": [],
        "answers": [
            {
                "body": "I'm sorry for your loss. Young children generally cope best with simple, honest, concrete language. For example:\n\n> Grandpa died. That means his body stopped working and he can't come back. He can't feel hurt or cold anymore. We're sad because we miss him.\n\nSome tips:\n\n- **Avoid euphemisms** like \"gone to sleep\" or \"we lost him\", which can cause fears about bedtime or getting lost.\n- **Expect the same questions many times.** At four, understanding that death is permanent takes time. Answer patiently each time.\n- **Let her see you sad.** It shows her grief is normal and safe.\n- **Keep routines steady** and give her ways to remember him, like drawing a picture or looking at photos together.\n\nIf your family has faith-based beliefs about death, you can share those too, alongside the concrete explanation.",
                "comments": [
                    'The "gone to sleep" point is so important. My son was scared of bedtime for months after we said that.'
                ],
                "anonymous": None,
            },
            {
                "body": "Children's picture books about death were a real help for us. Reading together gave her words for feelings she couldn't name.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "We lost a pregnancy at eleven weeks and people act like it never happened. How do I cope?",
        "category": "pregnancy-loss",
        "tags": ["grief", "pregnancy-loss", "relationships"],
        "body": "We'd only told close family. Now nobody mentions it, and my partner went back to work after two days as if nothing happened. I feel invisible, and so alone in this.",
        "comments": ["I'm so very sorry for your loss. It absolutely happened, and it matters."],
        "answers": [
            {
                "body": "I'm so sorry. Miscarriage is a real bereavement, and the silence around it can make the grief so much lonelier.\n\nA few thoughts:\n\n- **Your partner may be grieving differently,** not grieving less. Some people cope by getting busy. It might help to say: \"I need us to talk about it, even if it's hard.\"\n- **Tell the people you trust what you need.** Many people stay silent because they fear upsetting you. \"Please ask me how I'm doing\" can change that.\n- **Pregnancy loss charities and support groups** offer helplines, forums and counselling, and many find talking to others who've been through it helps enormously.\n- **Mark it, if that feels right:** a name, a candle, a tree, a small box of keepsakes.\n\nIf your low mood or anxiety doesn't lift over the coming weeks, please mention it to your GP.",
                "comments": ["We planted a tree. It helps every spring."],
                "anonymous": None,
            },
            {
                "body": "Partner's perspective here. After our loss I threw myself into work because I didn't know how to hold my wife's pain and mine. I wish I'd said that out loud to her instead. Maybe ask him gently how he's really doing.",
                "comments": ["Thank you for this. I'll try to talk to him tonight."],
                "anonymous": {"name": "a fellow traveller"},
            },
        ],
    },
    {
        "title": "How do we get through the first holidays after a death in the family?",
        "category": "bereavement",
        "tags": ["grief", "family"],
        "body": "My brother died in September. Christmas was always his thing: he did the cooking, the games, everything. None of us know what to do this year. Half the family wants to carry on as normal and half wants to cancel it entirely.",
        "comments": [],
        "answers": [
            {
                "body": "I'm so sorry about your brother. There's no right way to do the first holidays, and families often disagree. A few gentle ideas:\n\n- **Plan, but loosely.** Knowing roughly what will happen reduces dread, and it's fine to change plans on the day.\n- **Do something different on purpose.** New location, different meal, a walk in the morning. It can be easier than trying to recreate what was.\n- **Make space for him.** Light a candle, make his signature dish, or each share a memory. Acknowledging the gap is often easier than pretending it isn't there.\n- **Let people opt in and out.** Some may want to join for part of the day and slip away. That's okay.\n\nThe anticipation is often harder than the day itself.",
                "comments": [
                    "The anticipation really was worse than the day, for us.",
                    "We made his famous trifle. Terribly. He'd have loved it.",
                ],
                "anonymous": None,
            },
            {
                "body": "We set an empty place at the table the first year. It felt strange, then healing. Now we do it every year and share one story about my father.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Can you grieve someone who is still alive?",
        "category": "grief-loss",
        "tags": ["grief", "family", "caregiving"],
        "body": "My husband had a brain injury two years ago. He's alive and I love him, but his personality has changed so much. The man I married isn't really here anymore, and I feel guilty for grieving while he's sitting right next to me.",
        "comments": ["This sounds incredibly painful. Thank you for putting it into words."],
        "answers": [
            {
                "body": "Yes, and what you describe has been recognised for a long time. It's sometimes called **ambiguous loss**: grieving someone who is physically present but psychologically changed or absent. It's experienced by partners of people with brain injury, dementia, serious mental illness and more.\n\nIt's especially hard because there's no ending, no ritual, and often little recognition from others. The guilt you feel is very common, but grieving who he was doesn't mean you love who he is any less. Both can be true at once.\n\nSupport groups for family members of people with brain injury can be invaluable, as can a counsellor who understands ambiguous loss. You need support for your own journey, not only his.",
                "comments": [
                    "Ambiguous loss. I've felt this with my mum's dementia and never had words for it."
                ],
                "anonymous": None,
            },
            {
                "body": "My dad's stroke changed him completely. I grieved the old him and slowly got to know the new him. Some things I miss forever. Some new things I've come to love. Be patient with yourself.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "My partner and I grieve so differently that we're drifting apart. What helps?",
        "category": "grief-loss",
        "tags": ["grief", "marriage", "communication"],
        "body": "Our son died eighteen months ago. I need to talk about him constantly. My husband won't mention him and spends all his time in the garage working on projects. I feel like I've lost my son and now my marriage too.",
        "comments": [],
        "answers": [
            {
                "body": "I'm so deeply sorry. Losing a child is among the hardest things anyone can face, and it places enormous strain on even strong relationships.\n\nWhat you describe is very common. Some people grieve through talking and expressing emotion; others grieve through doing, building and keeping busy. Your husband's time in the garage may be his way of grieving, not a sign he doesn't care.\n\nA few ideas:\n\n1. **Name the difference without blame:** \"I think we grieve in different ways. I need to talk about him; I wonder if you need to do things.\"\n2. **Find bridges:** could he build something in your son's memory, while you write or talk about it?\n3. **Get support from more than one place,** so you're not relying only on each other. Bereaved parents' groups can be a lifeline.\n4. **Consider couples counselling with someone experienced in bereavement.**\n\nAnd please don't hesitate to reach out to your GP or a crisis line if the weight of it ever becomes too much.",
                "comments": [
                    "Grieving through doing. That describes my husband exactly. Thank you."
                ],
                "anonymous": None,
            },
            {
                "body": "My husband built a bench for our daughter's favourite spot in the park. He never said much, but everything he felt went into that bench. We sit on it together now.",
                "comments": ["I'm in tears. Thank you for sharing."],
                "anonymous": None,
            },
        ],
    },
    {
        "title": "Is it too soon to get a new cat after losing our old one?",
        "category": "pet-loss",
        "tags": ["pet-loss", "grief", "family"],
        "body": "Our cat Mochi died six weeks ago. The house feels empty and my kids keep asking for a kitten. Part of me wants one too, but another part feels it would be disloyal, like replacing her.",
        "comments": [],
        "answers": [
            {
                "body": "There's no universal \"right\" time. Some families find a new pet helps them heal quickly; others need months. A few questions to ask yourselves:\n\n- Are we hoping a kitten will stop us feeling sad about Mochi? If so, it may be worth waiting a little.\n- Can we welcome a new cat as *themselves*, not as a Mochi replacement?\n- Do the kids understand that loving a new cat doesn't mean forgetting Mochi?\n\nA new pet isn't disloyal. Many people see it as a way of honouring the love a previous pet taught them to give.",
                "comments": ['"Honouring the love they taught us to give" is lovely.'],
                "anonymous": None,
            },
            {
                "body": "We got a rescue cat two months after losing ours. The kids made a memory book for our old girl first. It helped them see it as a new chapter, not a replacement.",
                "comments": [],
                "anonymous": None,
            },
        ],
    },
]


if __name__ == "__main__":
    import re
    from collections import Counter

    top_slugs = [c["slug"] for c in CATEGORIES]
    child_slugs = [ch["slug"] for c in CATEGORIES for ch in c["children"]]
    all_slugs = top_slugs + child_slugs
    child_to_top = {ch["slug"]: c["slug"] for c in CATEGORIES for ch in c["children"]}
    answers = [a for q in QUESTIONS for a in q["answers"]]
    q_comments = sum(len(q["comments"]) for q in QUESTIONS)
    a_comments = sum(len(a["comments"]) for a in answers)
    anon = [a["anonymous"] for a in answers if a["anonymous"] is not None]
    anon_named = [x for x in anon if x["name"]]
    anon_blank = [x for x in anon if not x["name"]]
    tag_counts = Counter(t for q in QUESTIONS for t in q["tags"])

    print("categories:", len(CATEGORIES))
    print("subcategories:", len(child_slugs))
    print("users:", len(USERS))
    print("questions:", len(QUESTIONS))
    print("answers:", len(answers))
    print("comments:", q_comments + a_comments, f"(question {q_comments}, answer {a_comments})")
    print("anonymous answers:", len(anon), f"(named {len(anon_named)}, blank {len(anon_blank)})")
    print("edit notes:", len(EDIT_NOTES), "| extra edit sentences:", len(EXTRA_EDIT_SENTENCES))
    print("tags with 5+ questions:", sorted(t for t, n in tag_counts.items() if n >= 5))

    assert [c["name"] for c in CATEGORIES] == [
        "Psychology",
        "Relationships",
        "Anxiety",
        "Depression",
        "Family & Parenting",
        "Work & Stress",
        "Grief & Loss",
    ]
    assert all(2 <= len(c["children"]) <= 4 for c in CATEGORIES)
    assert len(set(all_slugs)) == len(all_slugs), "duplicate category slugs"
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", s) for s in all_slugs)
    assert len(USERS) >= 42
    names = [u["username"] for u in USERS]
    assert len(set(names)) == len(names), "duplicate usernames"
    assert len({n.lower() for n in names}) == len(names), "case-insensitive duplicate usernames"
    assert all(re.fullmatch(r"[\w.@+-]+", n) and len(n) <= 150 for n in names)
    assert len(QUESTIONS) >= 62
    titles = [q["title"] for q in QUESTIONS]
    assert len(set(titles)) == len(titles), "duplicate titles"
    covered = set()
    for q in QUESTIONS:
        t = q["title"]
        assert 15 <= len(t) <= 140 and t.endswith("?"), t
        assert q["category"] in all_slugs, (t, q["category"])
        covered.add(child_to_top.get(q["category"], q["category"]))
        assert 1 <= len(q["tags"]) <= 4 and all(
            re.fullmatch(r"[a-z0-9-]+", x) for x in q["tags"]
        ), t
        assert q["body"].strip() and 0 <= len(q["comments"]) <= 2, t
        assert q["answers"], t
        for a in q["answers"]:
            assert set(a) == {"body", "comments", "anonymous"}, t
            assert a["body"].strip() and len(a["comments"]) <= 3, t
            assert a["anonymous"] is None or set(a["anonymous"]) == {"name"}, t
    assert covered == set(top_slugs), covered
    assert len(answers) >= 155
    assert q_comments + a_comments >= 105
    assert len(anon) >= 8 and len(anon_named) >= 3 and len(anon_blank) >= 3
    assert len(EDIT_NOTES) >= 6 and len(EXTRA_EDIT_SENTENCES) >= 6
    assert sum(1 for n in tag_counts.values() if n >= 5) >= 3
    assert any(
        "former client" in q["title"] and q["category"] == "therapy-counselling" for q in QUESTIONS
    )
    print("OK: all checks passed")
