"""Matches as stored for editors and digests, and the outbox of work for Celery."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Synonym proposals moved to `skills`; still importable from here.
from skills.models import (  # noqa: F401
    ProposalSource,
    ProposalStatus,
    SynonymProposal,
)


class Match(models.Model):
    """How well a resident fits a task, as the engine last saw it."""

    task = models.ForeignKey(
        "clusters.Task", on_delete=models.CASCADE, related_name="matches"
    )
    volunteer = models.ForeignKey(
        "volunteers.VolunteerProfile", on_delete=models.CASCADE, related_name="matches"
    )
    score = models.FloatField(_("score"))
    skill_coverage = models.FloatField(_("skill coverage"), default=0.0)
    reasons = models.JSONField(_("reasons"), default=list)
    engine_version = models.CharField(_("engine version"), max_length=20)
    computed_at = models.DateTimeField(_("computed"), default=timezone.now)

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "volunteer"], name="match_once_per_pair"
            )
        ]
        indexes = [models.Index(fields=["volunteer", "-score"])]

    def __str__(self) -> str:
        return f"{self.volunteer} – {self.task} ({self.score:.0f})"


class OutboxMessage(models.Model):
    """Work for Celery, written in the same transaction as the change it follows.

    Published after the commit; if the broker is down or hangs, the row stays and the
    sweeper publishes it later, so nothing is lost and no request waits on Redis.
    """

    task_name = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.task_name}{tuple(self.args)}"


class FeedbackKind(models.TextChoices):
    DISMISSED = "dismissed", _("Not for me (the resident)")
    UNSUITABLE = "unsuitable", _("Not suitable (an editor)")


class Feedback(models.Model):
    """A suggestion a resident dismissed, or a candidate an editor ruled out.

    The next ranking leaves the pair out.
    """

    task = models.ForeignKey(
        "clusters.Task", on_delete=models.CASCADE, related_name="match_feedback"
    )
    volunteer = models.ForeignKey(
        "volunteers.VolunteerProfile",
        on_delete=models.CASCADE,
        related_name="match_feedback",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=FeedbackKind.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("feedback on a match")
        verbose_name_plural = _("feedback on matches")
        constraints = [
            models.UniqueConstraint(
                fields=["task", "volunteer", "kind"], name="feedback_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.volunteer} – {self.task}"


class DigestEntry(models.Model):
    """A task a resident was told about in a digest, so it is never sent twice."""

    volunteer = models.ForeignKey(
        "volunteers.VolunteerProfile",
        on_delete=models.CASCADE,
        related_name="digest_entries",
    )
    task = models.ForeignKey(
        "clusters.Task", on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("task sent in a digest")
        verbose_name_plural = _("tasks sent in digests")
        constraints = [
            models.UniqueConstraint(
                fields=["volunteer", "task"], name="digest_task_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} – {self.task}"
