"""Errors that services raise and views turn into clear messages."""

from django.utils.functional import Promise


class ServiceError(Exception):
    """A request that cannot be carried out, with a message fit to show the person."""

    def __init__(self, message: str | Promise, *, field: str | None = None) -> None:
        # Messages may be lazy translations (module constants): fix them in the language of
        # the request that raised them, so they are plain strings wherever they travel.
        super().__init__(str(message))
        self.message = str(message)
        self.field = field


class PermissionDenied(ServiceError):
    pass


class RateLimited(ServiceError):
    pass
