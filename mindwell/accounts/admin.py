from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from mindwell.accounts.models import User
from mindwell.reputation.levels import grant_refusal, level_set


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """The level is edited here (or on the member's level page); Django's staff and superuser
    flags follow it, so they are shown but not edited."""

    list_display = ("username", "points", "level", "is_staff", "is_active", "date_joined")
    list_filter = ("level", *BaseUserAdmin.list_filter)
    readonly_fields = ("points", "is_staff", "is_superuser")
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        ("Community", {"fields": ("level", "about", "points")}),
    )

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any):  # type: ignore[no-untyped-def]
        base = super().get_form(request, obj, change=change, **kwargs)
        actor = request.user

        class LevelCheckedForm(base):  # type: ignore[valid-type,misc]
            def clean_level(self) -> int:
                level = int(self.cleaned_data["level"])
                if self.instance.pk and level != self.instance.level:
                    refusal = grant_refusal(actor=actor, member=self.instance, level=level)
                    if refusal:
                        raise ValidationError(refusal)
                return level

        return LevelCheckedForm

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if change and "level" in form.changed_data:
            # Through the service, for its audit entry; then the flags follow on this save.
            level_set(user=obj, level=obj.level, by=request.user, reason="Changed in the admin")
            obj.set_level(obj.level)
        super().save_model(request, obj, form, change)
