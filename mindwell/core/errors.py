"""Errors that services raise and views turn into clear messages."""


class ServiceError(Exception):
    """A request that cannot be carried out, with a message fit to show the person."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class PermissionDenied(ServiceError):
    pass


class RateLimited(ServiceError):
    pass
