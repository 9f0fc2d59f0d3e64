"""The pages every Mindwell site starts with; administrators rewrite them in the admin."""

from django.db import migrations

from mindwell.core.markdown import render_markdown

PAGES = [
    ("about", "About", """This is a community where people ask and answer questions about
relationships and mental health. Members share what has helped them; some are trained
counsellors, most are people who have been through something similar.

Answers here are peer support, not a diagnosis or treatment. If you are in danger, contact
your local emergency services or a crisis line."""),
    ("guidelines", "Community guidelines", """- **Be kind.** People write here at hard moments.
- **Answer the question asked**, from your own experience or training, and say which it is.
- **No diagnoses of strangers** and no advice to stop prescribed treatment.
- **Keep privacy**: no names, addresses or details that identify someone else.
- **Ask for help early**: if a post worries you, flag it so a moderator sees it.
- Votes are for helpfulness, not agreement."""),
    ("privacy", "Privacy", """- You can post answers and comments without an account. If you give an email
  address, it is used **only** to send the notifications you asked for, and it is never shown
  on any page, feed or API.
- We keep the address you posted from for a limited time to stop abuse.
- This site loads nothing from other websites: no trackers, fonts, analytics or adverts.
- Members can ask an administrator to export or delete their data."""),
    ("terms", "Terms of use", """By posting you agree to follow the community guidelines and you confirm
you have the right to share what you post. Content here is shared by members and is not
professional advice. Moderators may edit, hide or remove posts that break the guidelines."""),
]


def create_pages(apps, schema_editor):
    Page = apps.get_model("siteconfig", "Page")
    for position, (slug, title, body) in enumerate(PAGES):
        Page.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "body": body,
                "body_html": render_markdown(body),
                "position": position,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("siteconfig", "0001_initial")]
    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
