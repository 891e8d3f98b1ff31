from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "volunteers"
    verbose_name = _("Volunteers")

    def ready(self):
        from django.db.models.signals import pre_save

        from allauth.account.signals import password_reset

        from clusters.registry import (
            register_demo_extension,
            register_task_removal_check,
        )

        from .auth import reset_lockout_after_password_reset
        from .models import VolunteerSkill
        from .signals import _read_phrase

        pre_save.connect(_read_phrase, sender=VolunteerSkill, dispatch_uid="read")

        password_reset.connect(reset_lockout_after_password_reset)
        from .services import tasks_with_active_signups

        register_task_removal_check(tasks_with_active_signups)
        from .demo import VolunteerDemo

        register_demo_extension(VolunteerDemo())
