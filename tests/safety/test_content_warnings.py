"""Content warnings: chosen on the ask, answer and edit forms, shown folded behind a native
<details>, and kept out of lists or collapsed for members who chose to hide them."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from mindwell.accounts.models import User
from mindwell.core.errors import ServiceError
from mindwell.qa.models import Post
from mindwell.qa.selectors import question_list
from mindwell.safety.warnings import (
    crisis_countries,
    hidden_warnings_for,
    safety_preferences_update,
    without_warnings,
)
from tests.factories import make_answer, make_comment, make_question, make_user
from tests.qa.views.posting_helpers import answer_data, question_data, text

pytestmark = pytest.mark.django_db
SETTINGS_URL = "/accounts/safety/"
FILTERED = "Hidden by your content-warning settings — show anyway"


def hide(user: User, *warnings: str) -> User:
    user.hidden_warnings = list(warnings)
    user.save(update_fields=["hidden_warnings"])
    return user


# --- writing a warning -----------------------------------------------------------------------


def test_ask_form_offers_an_optional_warning(client, member):
    client.force_login(member)
    page = text(client.get("/ask/"))
    assert '<label for="id_content_warning">Content warning (optional)' in page
    assert '<option value="" selected>No content warning</option>' in page
    assert '<option value="self-harm">self-harm</option>' in page
    assert 'aria-describedby="id_content_warning_helptext"' in page
    assert 'id="id_content_warning_helptext"' in page


def test_asking_with_a_warning_stores_it(client, member):
    client.force_login(member)
    response = client.post("/ask/", question_data(content_warning="self-harm"))
    assert response.status_code == 302
    assert Post.objects.questions().get().content_warning == "self-harm"


def test_an_unknown_warning_is_refused_keeping_the_text(client, member):
    client.force_login(member)
    response = client.post("/ask/", question_data(content_warning="spiders"))
    assert response.status_code == 400
    page = text(response)
    assert "Please choose a content warning from the list." in page
    assert "Every night my thoughts race about work and family." in page
    assert not Post.objects.exists()


def test_answering_with_a_warning(client, question, other_member):
    client.force_login(other_member)
    page = text(client.get(question.get_absolute_url()))
    assert 'name="content_warning"' in page.split('id="answer"')[1]
    response = client.post(
        f"/questions/{question.pk}/answer/", answer_data(content_warning="death")
    )
    assert response.status_code == 302
    assert Post.objects.answers().get().content_warning == "death"


def test_editing_shows_changes_and_removes_a_warning(client, member):
    question = make_question(author=member, content_warning="abuse")
    client.force_login(member)
    page = text(client.get(f"/posts/{question.pk}/edit/"))
    assert '<option value="abuse" selected>abuse or violence</option>' in page
    data = {"title": question.title, "body": question.body, "category": question.category_id}
    data["tags"] = "anxiety sleep"
    response = client.post(f"/posts/{question.pk}/edit/", {**data, "content_warning": "eating"})
    assert response.status_code == 302
    assert Post.objects.get(pk=question.pk).content_warning == "eating"
    response = client.post(f"/posts/{question.pk}/edit/", {**data, "content_warning": ""})
    assert response.status_code == 302
    assert Post.objects.get(pk=question.pk).content_warning == ""


def test_answer_edit_offers_the_warning_too(client, question, other_member):
    answer = make_answer(question, author=other_member)
    client.force_login(other_member)
    response = client.post(
        f"/posts/{answer.pk}/edit/", {"body": answer.body, "content_warning": "medical"}
    )
    assert response.status_code == 302
    assert Post.objects.get(pk=answer.pk).content_warning == "medical"


# --- reading ----------------------------------------------------------------------------------


def test_posts_with_warnings_are_folded_for_everyone(client, member):
    question = make_question(author=member, content_warning="suicide", body="Question words.")
    answer = make_answer(question, content_warning="death", body="Answer words for you.")
    comment = make_comment(answer, body="Comment words here.")
    Post.objects.filter(pk=comment.pk).update(content_warning="medical")  # set by an edit
    make_answer(question, body="Plain answer words.")
    page = text(client.get(question.get_absolute_url()))
    for label, words in (
        ("suicide", "Question words."),
        ("death and grief", "Answer words for you."),
        ("medical detail", "Comment words here."),
    ):
        summary = f'<details class="cw">\n  <summary>Content warning: {label} — show post</summary>'
        assert summary in page
        folded = page.split(summary)[1].split("</details>")[0]
        assert words in folded
    # The page head's structured data repeats answer text: look in the visible page only.
    main = page.split("<main", 1)[1]
    plain_article = main.split("Plain answer words.")[0].rsplit("<article", 1)[1]
    assert "<details" not in plain_article
    assert page.count('<details class="cw">') == 3
    assert FILTERED not in page


def test_question_lists_mark_warnings(client):
    make_question(content_warning="eating", title="How do I talk to my sister about food?")
    page = text(client.get("/"))
    assert '<abbr title="Content warning">CW</abbr>: eating disorders</span>' in page


def test_hidden_warnings_stay_collapsed_with_their_own_message(client, member):
    question = make_question(content_warning="self-harm")
    make_answer(question, content_warning="death")
    client.force_login(hide(member, "self-harm"))
    page = text(client.get(question.get_absolute_url()))
    assert (
        '<details class="cw cw-filtered">\n  <summary>Content warning: self-harm. ' + FILTERED
    ) in page
    assert "<summary>Content warning: death and grief — show post</summary>" in page
    assert page.count(FILTERED) == 1
    assert f'href="{SETTINGS_URL}">Change which warnings you hide' in page


def test_lists_leave_out_hidden_warnings(client, member):
    hidden = make_question(content_warning="self-harm", title="Something hard to read about")
    kept = make_question(content_warning="death", title="Losing my grandmother last spring")
    plain = make_question(title="Trouble sleeping before exams")
    client.force_login(hide(member, "self-harm", "substances"))
    for url in ("/", "/?sort=votes", "/categories/psychology/", "/tags/anxiety/"):
        page = text(client.get(url))
        assert hidden.title not in page, url
        assert kept.title in page and plain.title in page, url
    # Visitors and other members still see everything.
    assert hidden.title in text(Client().get("/"))
    other = Client()
    other.force_login(make_user())
    assert hidden.title in text(other.get("/categories/psychology/"))


def test_question_list_selector_filter(member):
    first = make_question(content_warning="abuse")
    second = make_question(content_warning="")
    third = make_question(content_warning="eating")
    everything = set(question_list(viewer=member))
    assert {first, second, third} <= everything
    shown = set(question_list(viewer=member, hide_warnings=["abuse", "eating"]))
    assert second in shown and first not in shown and third not in shown
    assert set(without_warnings(Post.objects.all(), [])) == set(Post.objects.all())
    # Unknown values are ignored rather than matched.
    assert set(without_warnings(Post.objects.questions(), ["", "nonsense"])) >= {second}


def test_hidden_warnings_for_ignores_junk(member):
    from django.contrib.auth.models import AnonymousUser

    assert hidden_warnings_for(AnonymousUser()) == []
    member.hidden_warnings = ["death", "bogus", "self-harm", "death"]
    assert hidden_warnings_for(member) == ["self-harm", "death"]
    member.hidden_warnings = "self-harm"
    assert hidden_warnings_for(member) == []


def test_filtered_list_query_count_does_not_grow(client, member):
    client.force_login(hide(member, "self-harm"))
    client.get("/")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/categories/psychology/").status_code == 200
        return len(queries)

    for i in range(3):
        make_question(content_warning="self-harm" if i % 2 else "death")
    few = count()
    for i in range(12):
        make_question(content_warning="self-harm" if i % 2 else "death")
    assert count() == few


# --- the preferences page ---------------------------------------------------------------------


def test_preferences_page_needs_an_account(client):
    response = client.get(SETTINGS_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_preferences_page_shows_labelled_choices(client, member):
    client.force_login(hide(member, "eating"))
    page = text(client.get(SETTINGS_URL))
    assert "<legend>Keep posts with these content warnings hidden</legend>" in page
    assert (
        '<input type="checkbox" name="hidden_warnings" value="eating" id="id_hidden_warnings_4" '
        'checked><label for="id_hidden_warnings_4">Eating disorders</label>'
    ) in page
    assert '<label for="id_crisis_country">Show crisis lines for' in page
    countries = page.split('name="crisis_country"')[1].split("</select>")[0]
    assert '<option value="GB">United Kingdom</option>' in countries
    assert countries.index("United States") < countries.index("Outside these countries")


def test_preferences_are_saved(client, member):
    client.force_login(member)
    response = client.post(
        SETTINGS_URL, {"hidden_warnings": ["suicide", "self-harm"], "crisis_country": "IE"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.hidden_warnings == ["suicide", "self-harm"]
    assert member.crisis_country == "IE"
    page = text(client.get(response["Location"]))
    assert "Your safety preferences are saved." in page
    assert 'value="IE" selected' in page
    response = client.post(SETTINGS_URL, {"crisis_country": ""})
    member.refresh_from_db()
    assert (member.hidden_warnings, member.crisis_country) == ([], "")


def test_bad_preferences_are_refused_keeping_the_choices(client, member):
    client.force_login(member)
    response = client.post(
        SETTINGS_URL, {"hidden_warnings": ["suicide", "spiders"], "crisis_country": "XX"}
    )
    assert response.status_code == 400
    page = text(response)
    assert "Please choose content warnings from the list." in page
    assert "Please choose a country from the list." in page
    assert re.search(r'value="suicide" id="id_hidden_warnings_0"[^>]* checked>', page)
    assert not re.search(r'value="death" [^>]* checked>', page)
    member.refresh_from_db()
    assert member.hidden_warnings == []


def test_preferences_service_validates(member):
    with pytest.raises(ServiceError, match="from the list"):
        safety_preferences_update(user=member, hidden_warnings=["nope"], crisis_country="")
    with pytest.raises(ServiceError, match="no crisis lines for that country"):
        safety_preferences_update(user=member, hidden_warnings=[], crisis_country="QQ")
    safety_preferences_update(user=member, hidden_warnings=["death", "abuse"], crisis_country="zz")
    member.refresh_from_db()
    assert member.hidden_warnings == ["abuse", "death"]
    assert member.crisis_country == "ZZ"


def test_crisis_countries_come_from_the_resources():
    codes = [code for code, _ in crisis_countries()]
    assert set(codes) == {"US", "GB", "IE", "CA", "AU", "ES", "FR", "DE", "ZZ"}
    assert codes[-1] == "ZZ"
