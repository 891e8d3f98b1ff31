"""allauth's e-mails (verification, password reset) are logged like our own.

A resident's data export lists every e-mail the platform sent them.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from allauth.account.adapter import DefaultAccountAdapter

from .models import SentEmail


class AccountAdapter(DefaultAccountAdapter):
    def render_mail(self, template_prefix, email, context, headers=None):
        message = super().render_mail(template_prefix, email, context, headers=headers)
        self._last_subject = message.subject
        return message

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        super().send_mail(template_prefix, email, context)
        user = context.get("user")
        if user is None or not getattr(user, "pk", None):
            user = get_user_model().objects.filter(email__iexact=email).first()
        if user is not None:
            SentEmail.objects.create(
                user=user,
                kind=template_prefix.rsplit("/", 1)[-1][:40],
                subject=getattr(self, "_last_subject", "")[:200],
            )
