from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Matching")

    def ready(self):
        from django.db.models.signals import post_migrate

        from clusters.registry import register_demo_extension

        from . import signals
        from .demo import MatchingDemo

        post_migrate.connect(signals.readings_up_to_date, sender=self)

        # After the volunteers' extension (apps are ready in INSTALLED_APPS order).
        register_demo_extension(MatchingDemo())
