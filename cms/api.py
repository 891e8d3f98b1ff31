"""The API router: each app contributes its viewsets from `<app>/api/`."""

from rest_framework.routers import DefaultRouter

router = DefaultRouter()
