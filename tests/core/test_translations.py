"""The interface in Spanish and German: complete catalogues, every template string marked,
the language switcher, and numbers that stay compact in every language."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.test import Client
from django.utils import translation

from mindwell.core.templatetags.mindwell import compact_number, points, votes

LOCALE = Path(settings.LOCALE_PATHS[0])
TEMPLATES = Path(settings.TEMPLATES[0]["DIRS"][0])
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
HTML_TAG = re.compile(r"</?([a-z]+)\b")


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language):
    po = catalogue(language)
    assert len(po) > 1000
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder_and_tag(language):
    """A translation that drops %(name)s crashes at render time; one that drops a tag breaks
    the link or markup it wrapped."""
    broken = []
    for entry in catalogue(language).translated_entries():
        pairs = (
            [(entry.msgid, entry.msgstr)]
            if not entry.msgid_plural
            else [(entry.msgid_plural, text) for text in entry.msgstr_plural.values()]
        )
        for source, translated in pairs:
            if set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(translated)):
                # A singular may leave the count out ("one badge"), never another name.
                missing = set(PLACEHOLDER.findall(source)) - set(PLACEHOLDER.findall(translated))
                if not entry.msgid_plural or missing - {"count", "total", "days", "others"}:
                    broken.append((entry.msgid, translated))
            if sorted(HTML_TAG.findall(source)) != sorted(HTML_TAG.findall(translated)):
                broken.append((entry.msgid, translated))
    assert broken == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogues_match_the_sources(language):
    """The .mo files ship in the package (a fresh machine has no msgfmt): they must say what
    the .po files say."""
    po = catalogue(language)
    with open(LOCALE / language / "LC_MESSAGES" / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in po.translated_entries():
        if entry.msgid_plural:
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 5) == entry.msgstr_plural[1]
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, entry.msgid


def visible_template_text(source: str) -> list[str]:
    """Text a reader would see that is not inside a translation tag."""
    source = re.sub(r"{% comment %}.*?{% endcomment %}", " ", source, flags=re.S)
    source = re.sub(r"{% blocktranslate.*?{% endblocktranslate %}", " ", source, flags=re.S)
    source = re.sub(r"<(script|style|code)\b.*?</\1>", " ", source, flags=re.S)
    source = re.sub(r"{%.*?%}|{{.*?}}|{#.*?#}", " ", source, flags=re.S)
    attributes = re.findall(r'\b(?:aria-label|title|placeholder|alt)="([^"]*)"', source)
    source = re.sub(r"<[^>]*>", " ", source)
    source = re.sub(r"&[a-z#0-9]+;", " ", source)
    pieces = [line.strip() for line in source.splitlines()] + [a.strip() for a in attributes]
    # "(RSS)" and "(Atom)" name feed formats; they read the same in every language.
    pieces = [re.sub(r"\((RSS|Atom)\)", "", piece).strip() for piece in pieces]
    return [piece for piece in pieces if re.search(r"[A-Za-z]{2}", piece)]


def test_every_template_string_goes_through_translation():
    # Django's admin templates are Django's own (and translated by Django).
    pages = [p for p in TEMPLATES.rglob("*.html") if p.relative_to(TEMPLATES).parts[0] != "admin"]
    assert len(pages) > 150
    untranslated = {
        str(page.relative_to(TEMPLATES)): visible_template_text(page.read_text())
        for page in pages
    }
    assert {name: text for name, text in untranslated.items() if text} == {}


def test_every_plural_pair_a_template_uses_is_in_the_catalogue():
    listed = (Path(settings.PACKAGE_DIR) / "core" / "plurals.py").read_text()
    used = set()
    for page in TEMPLATES.rglob("*.html"):
        used |= set(re.findall(r'\|plural:"([^"]+)"', page.read_text()))
        used |= set(re.findall(r"\|plural:'([^']+)'", page.read_text()))
    for pair in used:
        singular, _, many = pair.partition(",")
        assert f'"%(count)s {singular}", "%(count)s {many}"' in listed, pair


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "4.6k points"), ("es", "4,6k puntos"), ("de", "4,6k Punkte")]
)
def test_points_stay_compact_in_every_language(language, expected):
    with translation.override(language):
        assert points(4600) == expected
        assert compact_number(1_250_000).endswith("m")
    with translation.override(language):
        assert points(1).endswith(("point", "punto", "Punkt"))


def test_votes_are_pluralised_in_the_active_language():
    with translation.override("de"):
        assert votes(1) == "1 Stimme"
        assert votes(22) == "+22 Stimmen"
    with translation.override("es"):
        assert votes(-3) == "-3 votos"


@pytest.mark.django_db
def test_the_switcher_changes_the_language_and_remembers_it(client: Client):
    home = client.get("/")
    assert '<html lang="en"' in home.content.decode()
    assert 'name="language"' in home.content.decode()
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/tags/"})
    assert response.status_code == 302
    assert response["Location"] == "/tags/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    page = client.get("/").content.decode()
    assert '<html lang="es"' in page
    assert "Hacer una pregunta" in page
    assert "Ask a question" not in page


@pytest.mark.django_db
def test_the_browser_language_is_used_without_a_choice():
    page = Client(headers={"accept-language": "de-DE,de;q=0.9"}).get("/").content.decode()
    assert '<html lang="de"' in page
    assert "Frage stellen" in page


@pytest.mark.django_db
def test_an_unknown_language_falls_back_to_english(client: Client):
    response = client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    assert response.status_code == 302
    assert '<html lang="en"' in client.get("/").content.decode()


def test_blocktranslate_renders_the_translated_sentence():
    template = Template(
        "{% load i18n %}{% blocktranslate with name=n %}Questions by {{ name }}"
        "{% endblocktranslate %}"
    )
    with translation.override("de"):
        assert template.render(Context({"n": "Ana"})) == "Fragen von Ana"
