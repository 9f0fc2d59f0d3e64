"""The profile edit forms. They only parse input; mindwell.accounts.services_profile and
mindwell.accounts.avatars decide what is acceptable."""

from __future__ import annotations

from django import forms

from mindwell.accounts.avatars import FORMAT_NAMES


class ProfileForm(forms.Form):
    about = forms.CharField(
        label="About you",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": 2000}),
        help_text="Shown on your profile as plain text. Up to 2,000 characters.",
    )
    location = forms.CharField(
        label="Location",
        required=False,
        widget=forms.TextInput(attrs={"maxlength": 100, "autocomplete": "address-level2"}),
        help_text="A town or a region is plenty; never share your address here.",
    )
    pronouns = forms.CharField(
        label="Pronouns",
        required=False,
        widget=forms.TextInput(attrs={"maxlength": 40}),
        help_text="For example she/her, he/him, they/them.",
    )
    # A plain text box: the service checks the address, so what was typed is kept as it was
    # typed when it is refused.
    website = forms.CharField(
        label="Website",
        required=False,
        widget=forms.URLInput(attrs={"maxlength": 200, "autocomplete": "url"}),
        help_text="A full address starting with https://.",
    )
    accepts_messages = forms.BooleanField(
        label="Let members send me private messages",
        required=False,
        help_text="When the site has private messages on. You can also block single members.",
    )
    show_wall = forms.BooleanField(
        label="Show a wall on my profile where members can leave notes",
        required=False,
        help_text="When the site has walls on. You can delete any note on your wall.",
    )


class AvatarForm(forms.Form):
    picture = forms.FileField(
        label="Profile picture",
        help_text=(
            f"A {FORMAT_NAMES} picture. It is cropped to a square and saved without its hidden "
            "details (such as where a photo was taken)."
        ),
        error_messages={
            "required": "Please choose a picture to upload.",
            "empty": "That file is empty. Please choose a picture.",
            "invalid": "Please choose a picture file to upload.",
        },
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )
