from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.urls import register_converter

        from . import choosers, exports, lookups, widgets
        from .ids import IdConverter

        register_converter(IdConverter, "id")
        lookups.register()
        exports.secure_wagtail_exports()
        choosers.secure_wagtail_choosers()
        widgets.register()
