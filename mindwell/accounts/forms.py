from typing import Any

from django import forms
from django.contrib.auth.forms import UserCreationForm

from mindwell.accounts.models import User
from mindwell.moderation.captcha import add_captcha
from mindwell.siteconfig.models import SiteSettings


class RegistrationForm(UserCreationForm):
    email = forms.EmailField(
        label="Email",
        help_text="Private: used for account mail and the notifications you choose, never shown.",
    )

    class Meta:
        model = User
        fields = ("username", "email")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if SiteSettings.current().captcha_registration:
            add_captcha(self)

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                "An account with this email already exists. Log in, or reset your password."
            )
        return email
