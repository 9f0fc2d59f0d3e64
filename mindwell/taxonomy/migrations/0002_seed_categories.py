"""Seed the category tree a mental-health and relationships forum starts with."""

from django.db import migrations

TREE = [
    ("Psychology", "psychology", "How minds work, therapy and counselling.", [
        ("Therapy & Counselling", "therapy-counselling"),
        ("Research & Theory", "research-theory"),
    ]),
    ("Relationships", "relationships", "Partners, dating, friendship and breakups.", [
        ("Dating", "dating"),
        ("Marriage & Partnerships", "marriage-partnerships"),
        ("Friendship", "friendship"),
        ("Breakups", "breakups"),
    ]),
    ("Anxiety", "anxiety", "Worry, panic and fear, and what helps.", [
        ("Panic Attacks", "panic-attacks"),
        ("Social Anxiety", "social-anxiety"),
    ]),
    ("Depression", "depression", "Low mood, loss of interest, and finding a way through.", [
        ("Coping Day to Day", "coping-day-to-day"),
        ("Treatment & Medication", "treatment-medication"),
    ]),
    ("Family & Parenting", "family-parenting", "Parents, children and the families we live in.", [
        ("Parenting", "parenting"),
        ("Family Conflict", "family-conflict"),
    ]),
    ("Work & Stress", "work-stress", "Burnout, pressure and balance.", [
        ("Burnout", "burnout"),
        ("Workplace Relationships", "workplace-relationships"),
    ]),
    ("Grief & Loss", "grief-loss", "Bereavement and other losses.", [
        ("Bereavement", "bereavement"),
        ("Pet Loss", "pet-loss"),
    ]),
]  # fmt: skip


def seed(apps, schema_editor):
    Category = apps.get_model("taxonomy", "Category")
    for position, (name, slug, description, children) in enumerate(TREE):
        parent, _ = Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )
        for child_position, (child_name, child_slug) in enumerate(children):
            Category.objects.get_or_create(
                slug=child_slug,
                defaults={"name": child_name, "parent": parent, "position": child_position},
            )


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
