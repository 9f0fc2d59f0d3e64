"""Watched words: whole-word matching, wildcards, accents, censoring, the compiled list
following changes, and the bulk import (command and admin page)."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from mindwell.moderation import watched_words
from mindwell.moderation.models import AuditAction, AuditEntry, WatchedWord
from mindwell.moderation.watched_words import compile_watch_list, parse_import_line

pytestmark = pytest.mark.django_db


def words(*rows: tuple[str, str]) -> watched_words.WatchList:
    return compile_watch_list(list(rows))


def test_whole_words_only():
    found = words(("ass", "block")).find
    assert found("block", "You ass.") == ["ass"]
    assert found("block", "I went to class and felt a sense of passion.") == []


def test_the_wildcard_matches_any_letters_or_digits():
    found = words(("spam*", "block"), ("*pill*", "flag")).find
    assert found("block", "Spammers and spam, and spam4u too.") == ["Spammers", "spam", "spam4u"]
    assert found("block", "A spa day.") == []
    assert found("flag", "My pillbox and the sleeping-pills.") == ["pillbox", "pills"]


def test_case_and_accents_are_ignored_both_ways():
    found = words(("cafe", "block"), ("naïve", "block")).find
    assert found("block", "Meet me at the CAFÉ, don't be naive.") == ["CAFÉ", "naive"]


def test_phrases_match_across_spaces_and_punctuation():
    found = words(("kill yourself", "block")).find
    assert found("block", "Just kill   yourself.") == ["kill   yourself"]
    assert found("block", "kill-yourself") == ["kill-yourself"]
    assert found("block", "Don't overkill yourselves") == []


def test_censoring_keeps_the_length_even_with_accents():
    censor = words(("merde", "censor"), ("dumb*", "censor")).censor
    assert censor("Oh mèrde, how DUMB of me.") == "Oh *****, how **** of me."
    assert censor("Dumbest idea; dumbbell is fine?") == "******* idea; ******** is fine?"
    assert censor("Nothing here.") == "Nothing here."


def test_longer_patterns_win():
    censor = words(("self", "censor"), ("self harm", "censor")).censor
    assert censor("About self harm.") == "About *********."


def test_the_compiled_list_follows_changes():
    assert watched_words.current().find("block", "buy viagra") == []
    word = WatchedWord.objects.create(pattern="viagra", action="block")
    assert watched_words.current().find("block", "buy viagra") == ["viagra"]
    word.action = "censor"
    word.save()
    assert watched_words.current().censor("buy viagra") == "buy ******"
    word.delete()
    assert watched_words.current().censor("buy viagra") == "buy viagra"


def test_the_compiled_list_is_reused_between_posts(django_assert_num_queries):
    WatchedWord.objects.create(pattern="viagra", action="block")
    watched_words.current()
    with django_assert_num_queries(0):
        assert watched_words.current().find("block", "viagra") == ["viagra"]


def test_import_lines():
    assert parse_import_line("  Cheap   Pills ", "block") == ("cheap pills", "block")
    assert parse_import_line("telegram,Approve", "block") == ("telegram", "approve")
    with pytest.raises(ValueError, match="unknown action “ban”"):
        parse_import_line("telegram,ban", "block")
    with pytest.raises(ValueError, match="at least one letter"):
        parse_import_line("**", "block")


def test_import_command_dry_run_changes_nothing(tmp_path, capsys):
    WatchedWord.objects.create(pattern="telegram", action="block")
    source = tmp_path / "words.txt"
    source.write_text("# spam words\nviagra\ntelegram,approve\ncasino*,flag\n\nbad,ban\n")
    call_command("import_watched_words", str(source), "--dry-run")
    out, err = capsys.readouterr()
    assert "Watched words would be imported: 2 added, 1 changed action, 0 already there" in out
    assert "line 6: unknown action “ban”" in err
    assert list(WatchedWord.objects.values_list("pattern", "action")) == [("telegram", "block")]
    assert not AuditEntry.objects.exists()


def test_import_command_adds_and_updates(tmp_path, capsys):
    WatchedWord.objects.create(pattern="telegram", action="block")
    WatchedWord.objects.create(pattern="viagra", action="censor")
    source = tmp_path / "words.txt"
    source.write_text("viagra,censor\ntelegram\ncasino*\nwhatsapp,approve\n")
    call_command("import_watched_words", str(source), "--action", "flag")
    out, _ = capsys.readouterr()
    assert "Watched words were imported: 2 added, 1 changed action, 1 already there." in out
    assert dict(WatchedWord.objects.values_list("pattern", "action")) == {
        "casino*": "flag",
        "telegram": "flag",
        "viagra": "censor",
        "whatsapp": "approve",
    }
    # The compiled list knows the imported words at once (bulk writes send no signals).
    assert watched_words.current().find("flag", "casinos") == ["casinos"]
    entry = AuditEntry.objects.get(action=AuditAction.WATCHED_WORDS)
    assert entry.actor is None and entry.detail["added"] == ["casino*", "whatsapp"]


def test_import_command_reports_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_watched_words", str(tmp_path / "missing.txt"))


def test_admin_import_page(client):
    from tests.factories import make_user

    moderator = make_user(is_staff=True)
    client.force_login(moderator)
    url = "/admin/moderation/watchedword/import/"
    assert client.get(url).status_code == 200
    lines = "telegram,approve\nviagra"
    preview = client.post(url, {"lines": lines, "action": "block", "dry_run": "on"})
    assert preview.status_code == 200
    assert "Would be added: telegram, viagra" in preview.content.decode()
    assert not WatchedWord.objects.exists()
    done = client.post(url, {"lines": lines, "action": "block"})
    assert done.status_code == 302
    assert dict(WatchedWord.objects.values_list("pattern", "action")) == {
        "telegram": "approve",
        "viagra": "block",
    }
    assert AuditEntry.objects.get(action=AuditAction.WATCHED_WORDS).actor == moderator
