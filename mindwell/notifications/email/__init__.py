"""Rendering emails: the context each kind of email gets (`context`), the templates and
the administrator's overrides (`templates`), and the finished message with its headers
(`message`)."""
