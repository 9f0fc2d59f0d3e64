"""The profile edit forms. They only parse input; mindwell.accounts.services_profile and
mindwell.accounts.avatars decide what is acceptable."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from mindwell.accounts.avatars import FORMAT_NAMES


class ProfileForm(forms.Form):
    about = forms.CharField(
        label=gettext_lazy("About you"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": 2000}),
        help_text=gettext_lazy("Shown on your profile as plain text. Up to 2,000 characters."),
    )
    location = forms.CharField(
        label=gettext_lazy("Location"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": 100, "autocomplete": "address-level2"}),
        help_text=gettext_lazy("A town or a region is plenty; never share your address here."),
    )
    pronouns = forms.CharField(
        label=gettext_lazy("Pronouns"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": 40}),
        help_text=gettext_lazy("For example she/her, he/him, they/them."),
    )
    # A plain text box: the service checks the address, so what was typed is kept as it was
    # typed when it is refused.
    website = forms.CharField(
        label=gettext_lazy("Website"),
        required=False,
        widget=forms.URLInput(attrs={"maxlength": 200, "autocomplete": "url"}),
        help_text=gettext_lazy("A full address starting with https://."),
    )
    accepts_messages = forms.BooleanField(
        label=gettext_lazy("Let members send me private messages"),
        required=False,
        help_text=gettext_lazy(
            "When the site has private messages on. You can also block single members."
        ),
    )
    show_wall = forms.BooleanField(
        label=gettext_lazy("Show a wall on my profile where members can leave notes"),
        required=False,
        help_text=gettext_lazy("When the site has walls on. You can delete any note on your wall."),
    )


class AvatarForm(forms.Form):
    picture = forms.FileField(
        label=gettext_lazy("Profile picture"),
        help_text=(
            f"A {FORMAT_NAMES} picture. It is cropped to a square and saved without its hidden "
            "details (such as where a photo was taken)."
        ),
        error_messages={
            "required": gettext_lazy("Please choose a picture to upload."),
            "empty": gettext_lazy("That file is empty. Please choose a picture."),
            "invalid": gettext_lazy("Please choose a picture file to upload."),
        },
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )
