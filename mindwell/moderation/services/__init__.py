"""Moderation writes that are not moderator actions: flags, and the audit log itself."""
