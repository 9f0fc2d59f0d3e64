from django.db import transaction

from mindwell.accounts.models import User


def user_register(*, username: str, email: str, password: str) -> User:
    with transaction.atomic():
        user = User(username=username, email=email)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save()
    return user
