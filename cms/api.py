"""The API router: each app contributes its viewsets from `<app>/api/`."""

from rest_framework.routers import DefaultRouter

router = DefaultRouter()


def project_endpoints_only(endpoints):
    """Document our own API, not the Wagtail admin's internal one."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]
