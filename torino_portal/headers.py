"""Security headers that Django does not set by itself.

- Content-Security-Policy (django-csp): the public pages run only this site's scripts and
  styles — no inline code at all, so a script that got into a page could not run. The admin
  gets its own policy (ADMIN_CONTENT_SECURITY_POLICY): CKEditor 5 positions its toolbars and
  balloons with inline `style` attributes and shows a `data:` image while an upload
  runs, so there, and only there, style *attributes* may be inline (`style-src-attr`);
  `<style>` elements and scripts stay 'self' everywhere.
- Permissions-Policy: the portal uses no camera, microphone, location or payment; the
  browser refuses them to any page of the site (and to anything embedded in one).
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy for paths under /admin/."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and _is_admin(request):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


def _is_admin(request):
    return request.path_info.startswith("/admin/")


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
