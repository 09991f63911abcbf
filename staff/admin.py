"""Admin actions of the libraries we install, given a permission like ours.

Every admin action names the permission it needs (`tests/test_admin_permissions.py` walks
them all). Two libraries' actions name none, so any staff account that may merely view
their lists could run them: post_office's "requeue" (sends mails again) now needs the
change permission of mails, django-axes' "clean up expired attempts" the delete permission
of attempts. No role holds either: superusers only.
"""

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin
from post_office.admin import EmailAdmin, requeue
from post_office.models import Email


def reregister(model, admin_class):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
        admin.site.register(model, admin_class)


class GuardedEmailAdmin(EmailAdmin):
    actions = ["requeue"]

    @admin.action(permissions=["change"], description=requeue.short_description)
    def requeue(self, request, queryset):
        return requeue(self, request, queryset)


CLEANUP = AccessAttemptAdmin.cleanup_expired_attempts.short_description


class GuardedAccessAttemptAdmin(AccessAttemptAdmin):
    @admin.action(permissions=["delete"], description=CLEANUP)
    def cleanup_expired_attempts(self, request, queryset):
        return super().cleanup_expired_attempts(request, queryset)


reregister(Email, GuardedEmailAdmin)
reregister(AccessAttempt, GuardedAccessAttemptAdmin)
