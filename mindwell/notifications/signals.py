"""`notifications_created` is sent once the transaction that wrote new notifications has
committed, with `ids`: the rows just created (repeats of an earlier event are not among
them). Email delivery listens to it to send instant notifications; nothing is sent for a
write that rolled back."""

from django.dispatch import Signal

notifications_created = Signal()
