"""The account forms: allauth's, with the site's words, and the check question on
registration when the site settings ask for it.

allauth validates (unique names and addresses, password rules, confirmation); these classes
only relabel fields in sentence case and drop placeholders that repeat the label.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias

from allauth.account import forms as allauth_forms
from django import forms
from django.utils.translation import gettext, gettext_lazy

from mindwell.moderation.captcha import add_captcha
from mindwell.siteconfig.models import SiteSettings

# name: (label, help text or None to keep allauth's)
if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

Labels: TypeAlias = "dict[str, tuple[StrOrPromise, StrOrPromise | None]]"

PASSWORD_AGAIN = (
    gettext_lazy("New password (again)"),
    gettext_lazy("Type it once more, to be sure of it."),
)


def relabel(form: forms.BaseForm, labels: Labels) -> None:
    for name, (label, help_text) in labels.items():
        field = form.fields.get(name)
        if field is None:
            continue
        field.label = label
        field.widget.attrs.pop("placeholder", None)
        if help_text is not None:
            field.help_text = help_text


class SignupForm(allauth_forms.SignupForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        relabel(
            self,
            {
                "username": (
                    "Username",
                    "Shown beside everything you post. Letters, digits and @ . + - _ only.",
                ),
                "email": (
                    "Email",
                    "Private: used for account mail and the notifications you choose, never "
                    "shown. We send a link to it to confirm it is yours.",
                ),
                "password1": (gettext("Password"), None),
                "password2": (
                    gettext("Password (again)"),
                    gettext("Type it once more, to be sure of it."),
                ),
            },
        )
        if SiteSettings.current().captcha_registration:
            add_captcha(self)


class LoginForm(allauth_forms.LoginForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        relabel(
            self,
            {
                "login": (gettext("Username or email"), ""),
                # The page links to the reset form itself; allauth's help text would too.
                "password": (gettext("Password"), ""),
                "remember": (
                    "Keep me logged in on this device",
                    "Leave this off on a shared or public computer: you are then logged out "
                    "when the browser closes.",
                ),
            },
        )
        self.fields["login"].widget.attrs["autocomplete"] = "username"


class ChangePasswordForm(allauth_forms.ChangePasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        relabel(
            self,
            {
                "oldpassword": (gettext("Current password"), ""),
                "password1": (gettext("New password"), None),
                "password2": PASSWORD_AGAIN,
            },
        )


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        relabel(
            self,
            {"email": (gettext("Email"), gettext("The address you registered or last confirmed."))},
        )


class ResetPasswordKeyForm(allauth_forms.ResetPasswordKeyForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        relabel(self, {"password1": (gettext("New password"), None), "password2": PASSWORD_AGAIN})


class AddEmailForm(allauth_forms.AddEmailForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        relabel(
            self,
            {
                "email": (
                    "New email address",
                    "We send a link to the new address; your current one stays in use until "
                    "you open it.",
                )
            },
        )
