"""The first badges, one per rule in mindwell.badges.rules (the slugs must match).

The texts are copied here, not imported, so this migration means the same thing whatever
the code becomes. Seeding skips badges that exist, so it can run again (the tests do).
"""

from django.db import migrations

BADGES = [
    # slug, name, level, description
    ("first-question", "First question", "bronze", "Asked a first question."),
    ("first-answer", "First answer", "bronze", "Answered a question for the first time."),
    ("supporter", "Supporter", "bronze", "Voted up a post for the first time."),
    ("commentator", "Commentator", "bronze", "Left 10 comments."),
    ("first-edit", "Editor", "bronze", "Improved someone else’s post with an edit that stands."),
    ("thanks", "Thanks", "bronze", "Had an answer chosen as the best by the person who asked."),
    ("helpful", "Helpful", "silver", "Wrote 10 answers that others voted up."),
    ("trusted", "Trusted answerer", "silver", "Had 5 answers chosen as the best."),
    ("good-question", "Good question", "silver", "Asked a question with a score of 10 or more."),
    ("good-answer", "Good answer", "silver", "Wrote an answer with a score of 10 or more."),
    ("great-answer", "Great answer", "gold", "Wrote an answer with a score of 25 or more."),
    (
        "listener",
        "Listener",
        "silver",
        "Answered 10 different questions in the support categories.",
    ),
    ("regular", "Regular", "silver", "Visited the site on 7 days in a row."),
    (
        "verified-professional",
        "Verified professional",
        "gold",
        "Holds a professional licence checked by the staff.",
    ),
]


def seed(apps, schema_editor):
    Badge = apps.get_model("badges", "Badge")
    existing = set(Badge.objects.values_list("slug", flat=True))
    Badge.objects.bulk_create(
        [
            Badge(slug=slug, name=name, level=level, description=description, position=position)
            for position, (slug, name, level, description) in enumerate(BADGES)
            if slug not in existing
        ]
    )


class Migration(migrations.Migration):
    dependencies = [("badges", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
