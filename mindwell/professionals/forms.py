"""Forms for applying and reviewing. They parse input; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from mindwell.core.errors import ServiceError
from mindwell.professionals.documents import ACCEPT_ATTRIBUTE, document_check
from mindwell.professionals.models import Profession


class DateInput(forms.DateInput):
    input_type = "date"


class ApplicationForm(forms.Form):
    profession = forms.ChoiceField(
        choices=[("", "Choose your profession")] + list(Profession.choices),
        help_text=gettext_lazy("The profession your licence is for."),
    )
    profession_other = forms.CharField(
        label=gettext_lazy("Your profession, if other"),
        max_length=80,
        required=False,
        help_text=gettext_lazy("For example: art therapist, addiction counsellor."),
    )
    licence_number = forms.CharField(
        label=gettext_lazy("Licence or registration number"),
        max_length=80,
        help_text=gettext_lazy("As it appears on the register, so staff can look it up."),
    )
    issuing_body = forms.CharField(
        label=gettext_lazy("Issuing body"),
        max_length=160,
        help_text=gettext_lazy(
            "The board, college or register that licensed you, e.g. HCPC, BACP, "
            "the State Board of Psychology."
        ),
    )
    jurisdiction = forms.CharField(
        label=gettext_lazy("Country, state or province"),
        max_length=120,
        help_text=gettext_lazy("Where the licence is valid."),
    )
    expires_on = forms.DateField(
        label=gettext_lazy("Licence expiry date"),
        widget=DateInput(format="%Y-%m-%d"),
        help_text=gettext_lazy("The badge shows until this date. Format: year-month-day."),
    )
    document = forms.FileField(
        label=gettext_lazy("Proof of licence"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
        help_text=gettext_lazy(
            "A PDF, JPEG or PNG of up to 5 MB, such as your certificate or a screenshot "
            "of the register. Only staff can see it; it is never shown on the site."
        ),
    )

    def clean_document(self) -> Any:
        upload = self.cleaned_data.get("document")
        if upload:
            try:
                document_check(upload)
            except ServiceError as error:
                raise forms.ValidationError(error.message) from None
        return upload


class ApproveForm(forms.Form):
    expires_on = forms.DateField(
        label=gettext_lazy("Verified until"),
        widget=DateInput(format="%Y-%m-%d"),
        help_text=gettext_lazy(
            "The licence's expiry date; correct it if the register says otherwise."
        ),
    )
    note = forms.CharField(
        label=gettext_lazy("Note to the member (optional)"),
        max_length=500,
        required=False,
    )


class ReasonForm(forms.Form):
    """Rejecting or revoking: the member is told why."""

    reason = forms.CharField(
        label=gettext_lazy("Reason (shown to the member)"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
