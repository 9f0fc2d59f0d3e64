import pytest
from tests.factories import make_question, make_user

@pytest.mark.browser
def test_debug(live_server, page):
    q = make_question(author=make_user("noor"))
    msgs = []
    page.on("console", lambda m: msgs.append(("console", m.type, m.text)))
    page.on("pageerror", lambda e: msgs.append(("error", str(e))))
    page.on("response", lambda r: msgs.append(("resp", r.status, r.url, r.headers.get("content-type"))))
    page.goto(q.get_absolute_url())
    page.wait_for_load_state("load")
    print(msgs)
    print(page.evaluate("() => [...document.querySelectorAll('.toolbar')].map(t => [t.hidden, getComputedStyle(t).display])"))
    print(page.evaluate("() => document.querySelector('script').src"))
