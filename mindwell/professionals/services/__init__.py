"""Writing professional applications: members apply and withdraw (`applications`), staff
approve, reject and revoke (`reviews`), and the site expires old licences (`expiry`)."""

from mindwell.professionals.services.applications import (
    application_submit,
    application_withdraw,
    professional_data_erase,
)
from mindwell.professionals.services.expiry import applications_expire
from mindwell.professionals.services.reviews import (
    application_approve,
    application_reject,
    application_revoke,
)

__all__ = [
    "application_approve",
    "application_reject",
    "application_revoke",
    "application_submit",
    "application_withdraw",
    "applications_expire",
    "professional_data_erase",
]
