"""The accessibility statement, a footer page like About and Privacy; administrators can
rewrite it in the admin (and should, with their own contact details)."""

from django.db import migrations

from mindwell.core.markdown import render_markdown

SLUG = "accessibility"
TITLE = "Accessibility statement"
BODY = """People read this site on phones late at night, with screen readers, with the text made
larger, with a keyboard only. We want every one of them to be able to ask, answer and find
help here.

## Our target

The site aims to meet the **Web Content Accessibility Guidelines (WCAG) 2.2 at level AA** on
every page: the pages for reading and posting, the account and settings pages, and the pages
moderators use.

## What we do

- Every page has a "Skip to content" link as its first link, headings in order, and named
  regions (main content, navigation, footer).
- Everything can be done with a keyboard alone, and the element that has the focus is always
  outlined.
- Every form field has a label; errors are shown next to the field, in words, and what you
  typed is kept.
- Text and controls have enough contrast in both the light and the dark theme; the site
  follows your device's choice of light or dark.
- Animations and transitions are turned off when your device asks for reduced motion.
- Pages fit a phone's screen without scrolling sideways, and reading and posting work
  without JavaScript.
- The site loads nothing from other websites: no web fonts, trackers or adverts.

## How we test it

Every change is tested in a real browser (Chromium) on a desktop and a phone screen size, in
light and dark mode:

- a tour of every kind of page, as a visitor, a member, a moderator and an administrator,
  checked with the axe-core accessibility engine (no serious or critical problems allowed);
- the HTML of every page checked with the Nu Html Checker (no errors allowed);
- a test that asks a question using only the keyboard, and tests for the skip link, the
  focus outline and reduced motion.

Automated tools find many problems, but not all of them: some things (whether a label is
clear, whether a page makes sense read aloud) only people can judge, and that is why we ask
for your help below.

## Known limitations

- Posts are written by members. A post may contain unclear link text or a table that is
  hard to read aloud; images in posts are shown as links, described by the writer's words.
- The administration pages (`/admin/`) are built on Django's admin. They are checked by the
  same tests, but they are designed for a desktop screen.
- The moderation dashboard's charts are drawings; screen readers read the same numbers from
  a table that goes with each chart, but the drawings themselves cannot be explored by
  keyboard.
- We have not yet had the site audited by an outside accessibility expert or tested by
  screen-reader users; the checks above are our own.

## Tell us

If something on this site is hard to use for you, please tell us through the
[feedback form](/moderation/feedback/): say which page and what happened. You do not need an
account. We read every message, and we treat problems with access as bugs.
"""


def create_statement(apps, schema_editor):
    Page = apps.get_model("siteconfig", "Page")
    last = Page.objects.order_by("-position").values_list("position", flat=True).first()
    Page.objects.get_or_create(
        slug=SLUG,
        defaults={
            "title": TITLE,
            "body": BODY,
            "body_html": render_markdown(BODY),
            "position": (last or 0) + 1,
        },
    )


def remove_statement(apps, schema_editor):
    apps.get_model("siteconfig", "Page").objects.filter(slug=SLUG).delete()


class Migration(migrations.Migration):
    dependencies = [("siteconfig", "0004_member_features")]
    operations = [migrations.RunPython(create_statement, remove_statement)]
