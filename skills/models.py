"""The skill taxonomy, and the words residents propose for it.

Skills owns what a skill is and every word for it (`Skill`, shipped as
``data/skills.json`` and kept in the admin), the one reading of a phrase into skills
(`skills.taxonomy`, the matching engine's own), suggestions while typing, and the
synonyms residents' words propose (`SynonymProposal`). It depends only on the pure
matching engine; residents, tasks and matching build on it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.search import index


class SkillCategory(models.TextChoices):
    HAANDVAERK = "haandvaerk", _("Crafts and building")
    BYGGERI = "byggeri-og-anlaeg", _("Construction and groundwork")
    NATUR = "natur-og-have", _("Nature and gardening")
    KOMMUNIKATION = "kommunikation", _("Communication")
    IT = "it", _("IT")
    OEKONOMI = "oekonomi", _("Finance")
    JURA = "jura", _("Law")
    FORENING = "foreningsarbejde", _("Running an association")
    UNDERVISNING = "undervisning", _("Teaching")
    BOERN = "boern-og-unge", _("Children and young people")
    SUNDHED = "sundhed-og-omsorg", _("Health and care")
    KULTUR = "kultur-og-musik", _("Culture and music")
    IDRAET = "idraet-og-bevaegelse", _("Sport and exercise")
    MAD = "mad", _("Food")
    KOERSEL = "koersel", _("Driving")
    PRAKTISK = "praktisk-hjaelp", _("Practical help and events")


class Skill(index.Indexed, models.Model):
    """One skill of the taxonomy, with the words people use for it.

    Shipped as data (``skills/data/skills.json``, loaded by a migration) and kept
    in the admin as a snippet, so administrators can add words residents use.
    """

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_da = models.CharField(_("Danish name"), max_length=80, unique=True)
    name_en = models.CharField(_("English name"), max_length=80)
    category = models.CharField(
        _("category"), max_length=40, choices=SkillCategory.choices
    )
    synonyms = models.TextField(
        _("synonyms"),
        blank=True,
        help_text=_(
            "One per line: other Danish words for the skill, inflections, trade "
            "names and abbreviations, e.g. “tømrer”, “VVS”, “e-conomic”."
        ),
    )
    english_words = models.TextField(
        _("English words"),
        blank=True,
        help_text=_("One per line: what English-speaking residents write."),
    )
    misspellings = models.TextField(
        _("common misspellings"),
        blank=True,
        help_text=_("One per line: spellings residents really type, e.g. “facebok”."),
    )
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_(
            "Where the words come from, e.g. “DISCO-08 (Danmarks Statistik)” for "
            "occupations, or “Klyngeportal” for everyday words."
        ),
    )
    related = models.ManyToManyField(
        "self",
        verbose_name=_("related skills"),
        blank=True,
        symmetrical=True,
        db_table="volunteers_skill_related",
    )
    implies = models.ManyToManyField(
        "self",
        verbose_name=_("includes"),
        blank=True,
        symmetrical=False,
        related_name="implied_by",
        help_text=_(
            "Skills whose work someone with this skill can do in full, one way: "
            "forestry includes felling trees, but not every tree-feller is a "
            "forester."
        ),
    )

    search_fields = [
        index.SearchField("name_da"),
        index.SearchField("name_en"),
        index.SearchField("synonyms"),
        index.AutocompleteField("name_da"),
        index.FilterField("category"),
    ]

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["name_da"]
        # The table keeps the name it had when skills lived in `volunteers`.
        db_table = "volunteers_skill"

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name in the active language."""
        return self.name_en if get_language() == "en" else self.name_da

    @staticmethod
    def lines(text: str) -> list[str]:
        return [line.strip().lower() for line in text.splitlines() if line.strip()]

    def phrases(self) -> dict[str, str]:
        """Map every word for this skill (lower case) to how it relates to it."""
        found = {}
        for kind, words in (
            ("misspelling", self.lines(self.misspellings)),
            ("english", self.lines(self.english_words)),
            ("synonym", self.lines(self.synonyms)),
            ("name", [self.name_en.lower(), self.name_da.lower()]),
        ):
            for word in words:
                found[word] = kind
        return found


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class ProposalSource(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed for a task that needs the skill")
    UNRECOGNISED = (
        "unrecognised",
        _("Written by residents; the skill list knows it not"),
    )


class SynonymProposal(models.Model):
    """A resident's own word that seems to mean a taxonomy skill.

    Learnt from confirmed sign-ups (a resident whose phrase the taxonomy did not know
    was confirmed for a task that needs the skill), and from the phrases residents
    write that nothing reads (with the nearest skill as a guess, or none). An
    administrator decides; nothing is added to the taxonomy without them.
    """

    phrase = models.CharField(_("phrase"), max_length=80)
    skill = models.ForeignKey(
        Skill,
        verbose_name=_("skill"),
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
        blank=True,
    )
    source = models.CharField(
        _("source"),
        max_length=12,
        choices=ProposalSource.choices,
        default=ProposalSource.CONFIRMED,
    )
    evidence = models.PositiveIntegerField(_("seen"), default=0)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ProposalStatus.choices,
        default=ProposalStatus.PROPOSED,
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("proposed synonym")
        verbose_name_plural = _("proposed synonyms")
        ordering = ["-evidence", "phrase"]
        # The table keeps the name it had when proposals lived in `matching`.
        db_table = "matching_synonymproposal"
        constraints = [
            models.UniqueConstraint(
                fields=["phrase", "skill"], name="synonym_proposal_once"
            ),
            models.UniqueConstraint(
                fields=["phrase"],
                condition=models.Q(skill__isnull=True),
                name="synonym_proposal_unknown_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.phrase} → {self.skill or '?'}"


class PhraseReading(models.Model):
    """How one phrase is read: the skills it names, by the engine's one reading.

    One row per distinct phrase (normalised), shared by every resident and task that
    wrote it; re-read when the taxonomy changes (`skills.readings.refresh`).
    """

    key = models.CharField(_("phrase"), max_length=200, unique=True)
    skills = models.ManyToManyField(
        Skill, through="PhraseSkill", related_name="readings", blank=True
    )
    # A fingerprint of the taxonomy it was read by (`skills.taxonomy.fingerprint`).
    taxonomy = models.CharField(_("taxonomy"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("reading of a phrase")
        verbose_name_plural = _("readings of phrases")

    def __str__(self) -> str:
        return self.key


class PhraseSkill(models.Model):
    """A skill a phrase was read as, how surely and how."""

    reading = models.ForeignKey(
        PhraseReading, on_delete=models.CASCADE, related_name="links"
    )
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="+")
    confidence = models.FloatField(_("confidence"))
    how = models.CharField(_("how"), max_length=20)

    class Meta:
        verbose_name = _("skill of a phrase")
        verbose_name_plural = _("skills of phrases")
        ordering = ["-confidence", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["reading", "skill"], name="phrase_skill_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reading} → {self.skill}"
