"""Residents, what they can do, what they agreed to, and the tasks they took on.

Every field that holds personal data is listed in ``volunteers.privacy.INVENTORY``;
a test fails when a new one is added without being covered by export and erasure.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The taxonomy moved to `skills`; still importable from here.
from skills.models import Skill, SkillCategory  # noqa: F401


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


def new_email_links_key() -> str:
    return secrets.token_urlsafe(16)


class SkillLevel(models.TextChoices):
    TEACH = "teach", _("I can teach it")
    DO = "do", _("I can do it")
    LEARN = "learn", _("I would like to learn")


class Season(models.TextChoices):
    SPRING = "spring", _("Spring")
    SUMMER = "summer", _("Summer")
    AUTUMN = "autumn", _("Autumn")
    WINTER = "winter", _("Winter")


class VolunteerProfileQuerySet(models.QuerySet):
    def reachable(self):
        """Residents who may appear where people are shown, counted or e-mailed.

        Their account is active (an administrator has not deactivated it) and their
        e-mail address is verified (someone who signed up with another person's
        address is nobody's candidate, contact or digest recipient). Candidates,
        contacts, counts, matches and digests all start here.
        """
        from allauth.account.models import EmailAddress

        return self.filter(
            user__is_active=True,
            user_id__in=EmailAddress.objects.filter(verified=True).values("user_id"),
        )

    def consenting(self, *purposes: str):
        """Residents with an active consent to every one of `purposes`."""
        profiles = self
        for purpose in purposes:
            profiles = profiles.filter(
                user_id__in=Consent.objects.active()
                .filter(purpose=purpose)
                .values("user_id")
            )
        return profiles


class VolunteerProfile(models.Model):
    """What a resident tells the platform about themselves: one per user."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="volunteer_profile",
        verbose_name=_("user"),
    )
    display_name = models.CharField(
        _("display name"),
        max_length=60,
        help_text=_("What others see, e.g. your first name."),
    )
    village = models.ForeignKey(
        "clusters.Village",
        verbose_name=_("village"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    postcode = models.CharField(
        _("postcode"),
        max_length=4,
        blank=True,
        validators=[RegexValidator(r"^\d{4}$", _("A postcode has four digits."))],
    )
    clusters = models.ManyToManyField(
        "clusters.ClusterPage",
        verbose_name=_("clusters you follow"),
        blank=True,
        related_name="+",
    )
    weekdays = models.BooleanField(_("weekdays (daytime)"), default=False)
    evenings = models.BooleanField(_("evenings"), default=False)
    weekends = models.BooleanField(_("weekends"), default=False)
    seasons = models.JSONField(_("seasons"), default=list, blank=True)
    hours_per_month = models.PositiveSmallIntegerField(
        _("hours per month"),
        default=4,
        validators=[MaxValueValidator(160)],
    )
    in_association = models.BooleanField(
        _("already a volunteer in an association"), null=True, blank=True
    )
    notify_new_tasks = models.BooleanField(
        _("e-mail me new tasks that fit me"), default=True
    )
    notify_signup_updates = models.BooleanField(
        _("e-mail me about my sign-ups"), default=True
    )
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="da"
    )
    calendar_token = models.CharField(
        max_length=64, unique=True, default=new_calendar_token, editable=False
    )
    # Part of every unsubscribe link sent to the resident; a new key revokes the
    # links already sent (done when the resident turns the digest on again).
    email_links_key = models.CharField(
        max_length=32, default=new_email_links_key, editable=False
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    last_active_at = models.DateTimeField(_("last active"), default=timezone.now)
    inactivity_warned_at = models.DateTimeField(null=True, blank=True, editable=False)
    age_confirmed_at = models.DateTimeField(
        _("confirmed being 15 or older"), null=True, blank=True, editable=False
    )

    objects = VolunteerProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer profile")
        verbose_name_plural = _("volunteer profiles")

    def __str__(self) -> str:
        return self.display_name

    def has_consent(self, purpose: str) -> bool:
        return (
            Consent.objects.active()
            .filter(user_id=self.user_id, purpose=purpose)
            .exists()
        )


class VolunteerSkill(models.Model):
    """A skill in the resident's own words, linked to the taxonomy where it matches."""

    profile = models.ForeignKey(
        VolunteerProfile, on_delete=models.CASCADE, related_name="skills"
    )
    phrase = models.CharField(_("in your own words"), max_length=80)
    # How the phrase is read (the skills it names, shared by every resident who wrote
    # it), and the strongest of those skills, shown as "Genkendt som".
    reading = models.ForeignKey(
        "skills.PhraseReading",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    skill = models.ForeignKey(
        Skill,
        verbose_name=_("skill"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    level = models.CharField(
        _("level"), max_length=8, choices=SkillLevel.choices, default=SkillLevel.DO
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("skill of a volunteer")
        verbose_name_plural = _("skills of volunteers")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "phrase"], name="volunteerskill_unique_phrase"
            )
        ]

    def __str__(self) -> str:
        return self.phrase


class ConsentPurpose(models.TextChoices):
    MATCHING = "matching", _("Matching with tasks in my cluster")
    CONTACT = "contact", _("Coordinators may see my contact details")


class ConsentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(withdrawn_at__isnull=True)


class Consent(models.Model):
    """Consent given for one purpose, with the version of the text agreed to."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents"
    )
    purpose = models.CharField(
        _("purpose"), max_length=20, choices=ConsentPurpose.choices
    )
    text_version = models.CharField(_("version of the text"), max_length=20)
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at", "-pk"]
        constraints = [
            # At most one active consent per person and purpose.
            models.UniqueConstraint(
                fields=["user", "purpose"],
                condition=Q(withdrawn_at__isnull=True),
                name="consent_one_active_per_purpose",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({self.text_version})"


class SignupStatus(models.TextChoices):
    INTERESTED = "interested", _("Signed up")
    WAITING = "waiting", _("On the waiting list")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    DONE = "done", _("Done")


# Sign-ups that take one of the places a task offers.
HOLDING_PLACE = (SignupStatus.INTERESTED, SignupStatus.CONFIRMED)
# Sign-ups that keep a task from being removed from its action plan.
ACTIVE = (*HOLDING_PLACE, SignupStatus.WAITING, SignupStatus.DONE)


class Signup(models.Model):
    """A resident taking on (or queueing for) a task."""

    volunteer = models.ForeignKey(
        VolunteerProfile,
        verbose_name=_("volunteer"),
        on_delete=models.CASCADE,
        related_name="signups",
    )
    task = models.ForeignKey(
        "clusters.Task",
        verbose_name=_("task"),
        on_delete=models.CASCADE,
        related_name="signups",
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=SignupStatus.choices,
        default=SignupStatus.INTERESTED,
    )
    message = models.CharField(
        _("message to the coordinators"), max_length=500, blank=True
    )
    hours = models.DecimalField(
        _("hours spent"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["volunteer", "task"], name="signup_once_per_task"
            )
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} – {self.task}"


class AnonymousSignup(models.Model):
    """What is left of a sign-up once its resident deleted their account: a count."""

    task = models.ForeignKey(
        "clusters.Task", on_delete=models.CASCADE, related_name="anonymous_signups"
    )
    status = models.CharField(max_length=12, choices=SignupStatus.choices)
    hours = models.DecimalField(max_digits=6, decimal_places=1, null=True, blank=True)

    class Meta:
        verbose_name = _("anonymous sign-up")
        verbose_name_plural = _("anonymous sign-ups")

    def __str__(self) -> str:
        return f"{self.task} ({self.get_status_display()})"


class AccessLog(models.Model):
    """Who looked at a resident's personal data, when and why (in their export)."""

    # What the apps that log write as `action`, for people to read.
    ACTION_LABELS = {
        "view_signups": _("An editor looked at sign-ups"),
        "view_candidates": _("An editor looked at candidates for a task"),
        "municipal_lookup": _("Municipal staff looked up residents to contact"),
    }

    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_logs"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_label = models.CharField(max_length=120)
    action = models.CharField(max_length=40)
    reason = models.CharField(max_length=200)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("access to personal data")
        verbose_name_plural = _("access to personal data")
        ordering = ["-at", "-pk"]
        # Every municipal look-up writes a row per resident shown: the administrators'
        # list (newest first, by action) must not read the whole table.
        indexes = [
            models.Index(fields=["-at", "-id"], name="accesslog_at"),
            models.Index(fields=["action", "-at"], name="accesslog_action_at"),
        ]

    def __str__(self) -> str:
        return f"{self.actor_label}: {self.action} ({self.at:%Y-%m-%d %H:%M})"

    @property
    def action_label(self) -> str:
        return str(self.ACTION_LABELS.get(self.action, self.action))


class SentEmail(models.Model):
    """An e-mail the platform sent to a resident (listed in their export)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_emails"
    )
    kind = models.CharField(max_length=40)
    subject = models.CharField(max_length=200)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("e-mail sent")
        verbose_name_plural = _("e-mails sent")
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return self.subject
