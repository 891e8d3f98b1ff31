from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Matching")

    def ready(self):
        from clusters.registry import register_demo_extension

        from . import signals  # noqa: F401
        from .demo import MatchingDemo

        # After the volunteers' extension (apps are ready in INSTALLED_APPS order).
        register_demo_extension(MatchingDemo())
