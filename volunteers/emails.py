"""E-mails to residents, in their own language, each logged for their data export."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext as _

from .models import SentEmail


def _site_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def may_write_to(profile) -> bool:
    """Residents who withdrew their consent get no more e-mails from us, at once.

    (Account e-mails they ask for themselves, such as a password reset, still go.)
    """
    from .models import ConsentPurpose

    return profile is not None and profile.has_consent(ConsentPurpose.MATCHING)


def send(user, *, kind: str, subject: str, template: str, context: dict) -> None:
    """Send a plain-text e-mail to `user` and record that it was sent."""
    profile = getattr(user, "volunteer_profile", None)
    language = getattr(profile, "language", None) or settings.LANGUAGE_CODE
    with translation.override(language):
        subject_text = str(subject)
        body = render_to_string(
            template,
            {**context, "user": user, "profile": profile, "site_url": _site_url("")},
        )
    send_mail(subject_text, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    SentEmail.objects.create(user=user, kind=kind, subject=subject_text[:200])


def _task_context(task) -> dict:
    """What the e-mails about a place on a task say of it: the task, and when in the
    week it happens (labels rendered in the resident's language)."""
    labels = [
        task._meta.get_field(name).verbose_name
        for name in ("weekdays", "evenings", "weekends")
        if getattr(task, name)
    ]
    # Joined when the e-mail is rendered, in the resident's language.
    slots = lazy(lambda: ", ".join(str(label) for label in labels), str)()
    return {"task": task, "slots": slots if labels else ""}


def moved_up(signup) -> None:
    """Tell a resident they moved up from the waiting list."""
    profile = signup.volunteer
    if not profile.notify_signup_updates or not may_write_to(profile):
        return
    with translation.override(profile.language):
        subject = _("You have a place: %(task)s") % {"task": signup.task.title}
    send(
        profile.user,
        kind="moved_up",
        subject=subject,
        template="volunteers/email/moved_up.txt",
        context={"signup": signup, **_task_context(signup.task)},
    )


def signup_decided(signup) -> None:
    """Tell a resident that an editor confirmed or declined their sign-up."""
    from .models import SignupStatus

    profile = signup.volunteer
    if not profile.notify_signup_updates or not may_write_to(profile):
        return
    confirmed = signup.status == SignupStatus.CONFIRMED
    with translation.override(profile.language):
        subject = (
            _("Your place is confirmed: %(task)s")
            if confirmed
            else _("About your sign-up: %(task)s")
        ) % {"task": signup.task.title}
    send(
        profile.user,
        kind="signup_confirmed" if confirmed else "signup_declined",
        subject=subject,
        template="volunteers/email/signup_decided.txt",
        context={
            "signup": signup,
            **_task_context(signup.task),
            "confirmed": confirmed,
        },
    )


def relay(signup, *, sender, subject: str, body: str) -> bool:
    """Send an editor's message to a resident without showing the editor their address.

    Replies go to the editor, so the resident decides whether to share theirs.
    """
    from django.core.mail import EmailMessage

    profile = signup.volunteer
    if not may_write_to(profile):
        return False
    with translation.override(profile.language):
        text = render_to_string(
            "volunteers/email/relayed.txt",
            {
                "profile": profile,
                "task": signup.task,
                "sender_name": sender.get_full_name() or _("A coordinator"),
                "body": body,
                "site_url": _site_url(""),
            },
        )
    EmailMessage(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[profile.user.email],
        reply_to=[sender.email],
    ).send()
    SentEmail.objects.create(user=profile.user, kind="message", subject=subject[:200])
    return True
