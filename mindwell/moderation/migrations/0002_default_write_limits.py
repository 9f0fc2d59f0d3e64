"""Hourly write limits per member and per address, generous for people and low for bots."""

from django.db import migrations

LIMITS = {
    # action: (per member per hour, per address per hour)
    "ask": (10, 20),
    "answer": (30, 60),
    "comment": (60, 120),
    "edit": (60, 120),
    "vote": (200, 400),
    "flag": (30, 60),
    "register": (0, 5),
    "feedback": (5, 10),
}


def seed(apps, schema_editor):
    WriteLimit = apps.get_model("moderation", "WriteLimit")
    for action, (per_member, per_ip) in LIMITS.items():
        WriteLimit.objects.get_or_create(
            action=action,
            defaults={"per_member_per_hour": per_member, "per_ip_per_hour": per_ip},
        )


class Migration(migrations.Migration):
    dependencies = [("moderation", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
