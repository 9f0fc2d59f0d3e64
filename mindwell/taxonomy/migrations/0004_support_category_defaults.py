"""Support categories take no downvotes on questions; health ones carry a notice."""

from django.db import migrations

NO_QUESTION_DOWNVOTES = [
    "anxiety", "panic-attacks", "social-anxiety", "depression", "coping-day-to-day",
    "treatment-medication", "grief-loss", "bereavement", "pet-loss", "breakups",
    "family-conflict", "burnout",
]  # fmt: skip
HEALTH = [
    "psychology", "therapy-counselling", "anxiety", "panic-attacks", "social-anxiety",
    "depression", "coping-day-to-day", "treatment-medication", "burnout",
]  # fmt: skip


def apply(apps, schema_editor):
    Category = apps.get_model("taxonomy", "Category")
    Category.objects.filter(slug__in=NO_QUESTION_DOWNVOTES).update(question_downvotes=False)
    Category.objects.filter(slug__in=HEALTH).update(health_notice=True)


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0003_support_friendly_category_options")]

    operations = [migrations.RunPython(apply, migrations.RunPython.noop)]
