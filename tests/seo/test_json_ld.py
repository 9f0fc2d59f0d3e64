import json
import re

import pytest

from mindwell.qa.models import PostStatus
from mindwell.qa.services.best_answer import best_answer_select
from mindwell.qa.services.common import Poster
from mindwell.qa.services.publication import post_set_status
from mindwell.votes.services import vote_cast
from tests.factories import make_answer, make_question, make_user
from tests.seo.qapage_shape import qapage_errors

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
ANON_EMAIL = "gentle.visitor@private.test"


def json_ld(response) -> list:
    assert response.status_code == 200
    return [json.loads(block) for block in SCRIPT.findall(response.content.decode())]


@pytest.mark.django_db
def test_question_page_carries_valid_qapage_data(client, question, member, other_member):
    best = make_answer(question, author=other_member, body="Gentle routines in the morning help.")
    visitor = make_answer(
        question,
        poster=Poster(name="Gentle Visitor", email=ANON_EMAIL, notify=True, ip="10.4.4.4"),
        body="Try writing down what you feel before getting up.",
    )
    best_answer_select(question=question, answer=best, user=member)
    vote_cast(user=other_member, post=question, value=1)
    vote_cast(user=member, post=visitor, value=1)

    response = client.get(question.get_absolute_url())
    [data] = json_ld(response)
    assert qapage_errors(data) == []
    main = data["mainEntity"]
    assert main["name"] == question.title
    assert main["answerCount"] == 2
    assert main["upvoteCount"] == 1
    assert main["author"] == {
        "@type": "Person",
        "name": "alice",
        "url": "http://testserver/users/alice/",
    }
    assert main["acceptedAnswer"]["text"] == "Gentle routines in the morning help."
    assert main["acceptedAnswer"]["url"].endswith(f"#{best.anchor}")
    [suggested] = main["suggestedAnswer"]
    assert suggested["author"] == {"@type": "Person", "name": "Gentle Visitor"}
    assert suggested["upvoteCount"] == 1
    assert ANON_EMAIL not in response.content.decode()
    assert "10.4.4.4" not in response.content.decode()


@pytest.mark.django_db
def test_without_an_accepted_answer_all_answers_are_suggested(client, question):
    make_answer(question)
    make_answer(question)
    [data] = json_ld(client.get(question.get_absolute_url()))
    assert qapage_errors(data) == []
    assert "acceptedAnswer" not in data["mainEntity"]
    assert len(data["mainEntity"]["suggestedAnswer"]) == 2


@pytest.mark.django_db
def test_a_question_without_answers_carries_no_qapage_data(client, question):
    assert json_ld(client.get(question.get_absolute_url())) == []


@pytest.mark.django_db
def test_staff_pages_never_put_unpublished_posts_in_the_data(client, question):
    shown = make_answer(question, body="An answer everybody can read.")
    hidden = make_answer(question, body="An answer a moderator has hidden.")
    post_set_status(post=hidden, status=PostStatus.HIDDEN)
    client.force_login(make_user("mo", is_staff=True))
    [data] = json_ld(client.get(question.get_absolute_url()))
    assert [answer["url"] for answer in data["mainEntity"]["suggestedAnswer"]] == [
        f"http://testserver{question.get_absolute_url()}#{shown.anchor}"
    ]
    post_set_status(post=question, status=PostStatus.HIDDEN)
    assert json_ld(client.get(question.get_absolute_url())) == []


@pytest.mark.django_db
def test_post_text_cannot_break_out_of_the_script(client, member):
    payload = '</script><script>alert("x")</script><!-- & \u2028'
    question = make_question(author=member, title=f"Title {payload}", body=f"Body {payload}")
    make_answer(question, body=f"Answer `{payload}` here")
    html = client.get(question.get_absolute_url()).content.decode()
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    block = html[start : html.index("</script>", start)]
    assert "<" not in block and ">" not in block and "&" not in block
    data = json.loads(block)
    assert qapage_errors(data) == []
    assert data["mainEntity"]["name"] == f"Title {payload}".strip()
    # Plain text: white space (U+2028 too) collapses to single spaces.
    answer_text = data["mainEntity"]["suggestedAnswer"][0]["text"]
    assert answer_text == 'Answer </script><script>alert("x")</script><!-- & here'
    assert '<script>alert("x")' not in html


def test_the_shape_check_catches_what_search_engines_reject():
    answer = {"@type": "Answer", "text": "Yes.", "author": {"@type": "Person", "name": "kim"}}
    good = {
        "@context": "https://schema.org",
        "@type": "QAPage",
        "mainEntity": {
            "@type": "Question",
            "name": "Why?",
            "answerCount": 1,
            "suggestedAnswer": [answer],
        },
    }
    assert qapage_errors(good) == []
    broken = json.loads(json.dumps(good))
    del broken["mainEntity"]["name"]
    broken["mainEntity"]["answerCount"] = "1"
    broken["mainEntity"]["suggestedAnswer"][0]["text"] = ""
    broken["mainEntity"]["suggestedAnswer"][0]["author"] = {"@type": "Person"}
    broken["mainEntity"]["upvotes"] = 3
    assert qapage_errors(broken) == [
        "mainEntity: properties not in the shape: ['upvotes']",
        "mainEntity.name: required text is missing",
        "mainEntity.answerCount: must be an integer",
        "mainEntity.suggestedAnswer[0].text: required text is missing",
        "mainEntity.suggestedAnswer[0].author.name: required text is missing",
    ]
    no_answers = json.loads(json.dumps(good))
    del no_answers["mainEntity"]["suggestedAnswer"]
    assert qapage_errors(no_answers) == ["mainEntity: needs an acceptedAnswer or a suggestedAnswer"]
