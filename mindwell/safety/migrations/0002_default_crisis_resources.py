"""Crisis lines for the countries the site starts with. Administrators keep them current."""

from django.db import migrations

RESOURCES = [
    ("US", "United States", "988 Suicide & Crisis Lifeline", "988", "Text 988", "https://988lifeline.org/", "24/7"),
    ("US", "United States", "Crisis Text Line", "", "Text HOME to 741741", "https://www.crisistextline.org/", "24/7"),
    ("US", "United States", "Emergency services", "911", "", "", "24/7"),
    ("GB", "United Kingdom", "Samaritans", "116 123", "", "https://www.samaritans.org/", "24/7"),
    ("GB", "United Kingdom", "Shout", "", "Text SHOUT to 85258", "https://giveusashout.org/", "24/7"),
    ("GB", "United Kingdom", "Emergency services", "999", "", "", "24/7"),
    ("IE", "Ireland", "Samaritans", "116 123", "", "https://www.samaritans.org/ireland/", "24/7"),
    ("IE", "Ireland", "Text About It", "", "Text HELLO to 50808", "https://text50808.ie/", "24/7"),
    ("IE", "Ireland", "Emergency services", "112 or 999", "", "", "24/7"),
    ("CA", "Canada", "9-8-8 Suicide Crisis Helpline", "988", "Text 988", "https://988.ca/", "24/7"),
    ("CA", "Canada", "Emergency services", "911", "", "", "24/7"),
    ("AU", "Australia", "Lifeline", "13 11 14", "Text 0477 13 11 14", "https://www.lifeline.org.au/", "24/7"),
    ("AU", "Australia", "Emergency services", "000", "", "", "24/7"),
    ("ES", "Spain", "Línea 024 (atención a la conducta suicida)", "024", "", "https://www.sanidad.gob.es/linea024/", "24/7"),
    ("ES", "Spain", "Teléfono de la Esperanza", "717 003 717", "", "https://telefonodelaesperanza.org/", "24/7"),
    ("ES", "Spain", "Emergencias", "112", "", "", "24/7"),
    ("FR", "France", "3114, numéro national de prévention du suicide", "3114", "", "https://3114.fr/", "24/7"),
    ("FR", "France", "SOS Amitié", "09 72 39 40 50", "", "https://www.sos-amitie.com/", "24/7"),
    ("FR", "France", "Urgences", "112 or 15", "", "", "24/7"),
    ("DE", "Germany", "TelefonSeelsorge", "0800 111 0 111", "", "https://www.telefonseelsorge.de/", "24/7"),
    ("DE", "Germany", "TelefonSeelsorge (second line)", "0800 111 0 222", "", "https://www.telefonseelsorge.de/", "24/7"),
    ("DE", "Germany", "Notruf", "112", "", "", "24/7"),
    ("ZZ", "Outside these countries", "Find A Helpline (free lines by country)", "", "", "https://findahelpline.com/", "varies"),
    ("ZZ", "Outside these countries", "Your local emergency number", "112 works in many countries", "", "", "24/7"),
]  # fmt: skip


def seed(apps, schema_editor):
    CrisisResource = apps.get_model("safety", "CrisisResource")
    for position, (country, country_name, name, phone, text_line, url, hours) in enumerate(
        RESOURCES
    ):
        CrisisResource.objects.get_or_create(
            country=country,
            name=name,
            defaults={
                "country_name": country_name,
                "phone": phone,
                "text_line": text_line,
                "url": url,
                "hours": hours,
                "position": position,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("safety", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
