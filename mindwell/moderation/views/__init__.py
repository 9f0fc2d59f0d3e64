"""Moderation pages, split by area: flags, post tools, queue, member tools, audit log."""
