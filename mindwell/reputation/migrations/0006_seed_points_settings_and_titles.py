"""The points settings row, with Question2Answer's defaults (and no daily limit), and the
first titles members earn by points.

The values are copied here, not imported, so this migration means the same thing whatever
the code becomes. Seeding skips what exists, so it can run again (the tests do).
"""

from django.db import migrations

TITLES = [
    (0, "Newcomer"),
    (200, "Helper"),
    (1000, "Trusted listener"),
    (5000, "Pillar of the community"),
]


def seed(apps, schema_editor):
    PointsSettings = apps.get_model("reputation", "PointsSettings")
    UserTitle = apps.get_model("reputation", "UserTitle")
    PointsSettings.objects.get_or_create(
        pk=1,
        defaults={
            "base": 100,
            "multiple": 10,
            "post_question": 2,
            "post_answer": 4,
            "select_answer": 3,
            "answer_selected": 30,
            "vote_up_question": 1,
            "vote_down_question": 1,
            "vote_up_answer": 1,
            "vote_down_answer": 1,
            "per_question_voted_up": 1,
            "per_question_voted_down": 1,
            "question_voted_max_gain": 10,
            "question_voted_max_loss": 3,
            "per_answer_voted_up": 2,
            "per_answer_voted_down": 2,
            "answer_voted_max_gain": 20,
            "answer_voted_max_loss": 5,
            "votes_received_daily_cap": 0,
        },
    )
    if not UserTitle.objects.exists():
        UserTitle.objects.bulk_create(
            [UserTitle(min_points=points, title=title) for points, title in TITLES]
        )


class Migration(migrations.Migration):
    dependencies = [("reputation", "0005_points_settings_titles_daily_cap")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
