"""The notifications app in the admin. Django discovers only `admin.py`, so the email
admin (outbox, digests, mass mailings, email templates) is imported from its module."""

from mindwell.notifications import admin_email  # noqa: F401
