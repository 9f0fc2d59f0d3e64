"""Members for the messaging tests, and the site switches (both off by default)."""

from __future__ import annotations

import pytest

from mindwell.accounts.models import User
from tests.factories import make_user
from tests.messaging.helpers import THRESHOLD, switch


@pytest.fixture
def messages_on(db) -> None:
    switch(private_messages_enabled=True)


@pytest.fixture
def wall_on(db) -> None:
    switch(wall_enabled=True)


@pytest.fixture
def sender(db) -> User:
    return make_user("sam", points=THRESHOLD)


@pytest.fixture
def recipient(db) -> User:
    return make_user("rita", points=THRESHOLD)
