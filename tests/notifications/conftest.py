"""Fixtures shared by the notification tests."""

# The email tests' real SMTP server (smtp_sink.py) and real task queues (queue_helpers.py).
from tests.notifications.queue_helpers import database_queue, queue  # noqa: F401
from tests.notifications.smtp_sink import smtp_sink  # noqa: F401
