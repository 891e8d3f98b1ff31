"""Admin panels shared by the page types."""

from __future__ import annotations

from django.utils.text import capfirst

from wagtail.admin.panels import FieldPanel


class PermissionFieldPanel(FieldPanel):
    """A field that only holders of `permission` may change; others see it read-only.

    Wagtail's ``FieldPanel(permission=…)`` leaves the field out of the form for users
    without the permission (so a tampered POST cannot set it either) but also hides
    it; here they still see its value, read-only.
    """

    def __init__(self, field_name, *args, permission: str, **kwargs):
        super().__init__(field_name, *args, permission=permission, **kwargs)

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.form is not None and self.bound_field is None and self._denied():
                self.read_only = True
                self.heading = self.panel.heading or capfirst(
                    self.panel.db_field.verbose_name
                )
                self.help_text = self.panel.help_text or capfirst(
                    self.panel.db_field.help_text
                )

        def _denied(self) -> bool:
            user = getattr(self.request, "user", None)
            return user is None or not user.has_perm(self.panel.permission)

        def is_shown(self):
            if self.read_only:
                return True
            return super().is_shown()
