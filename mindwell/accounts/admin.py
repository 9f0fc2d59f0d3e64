from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from mindwell.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "points", "is_staff", "is_active", "date_joined")
    readonly_fields = ("points",)
    fieldsets = (*(BaseUserAdmin.fieldsets or ()), ("Community", {"fields": ("about", "points")}))
