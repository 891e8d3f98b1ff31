"""Forms residents fill in."""

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import ConsistentInlineFormSet

from .consent import TEXTS
from .models import (
    ConsentPurpose,
    Season,
    VolunteerProfile,
    VolunteerSkill,
    new_email_links_key,
)
from .services import (
    create_profile,
    give_consent,
    home_clusters,
    nearby_clusters,
    resolve_village,
)
from .text import clean_phrase, clean_text


class ResidentSignupForm(forms.Form):
    """Extra fields on allauth's sign-up form: a name, consent and age.

    Both consent boxes start unticked; only the first is required.
    """

    display_name = forms.CharField(
        label=_("What should we call you?"),
        max_length=60,
        help_text=_("Shown to others, e.g. your first name."),
    )
    consent_matching = forms.BooleanField(
        label=TEXTS[ConsentPurpose.MATCHING].label,
        help_text=TEXTS[ConsentPurpose.MATCHING].text,
        required=True,
        error_messages={
            "required": _(
                "Klyngeportal can only match you with tasks with your consent."
            )
        },
    )
    consent_contact = forms.BooleanField(
        label=TEXTS[ConsentPurpose.CONTACT].label,
        help_text=TEXTS[ConsentPurpose.CONTACT].text,
        required=False,
    )
    # MINIMUM_AGE is 15, the Danish age of digital consent.
    age_confirmed = forms.BooleanField(
        label=_("I am 15 years old or older"),
        required=True,
        error_messages={
            "required": _("You must be 15 or older to sign up on your own."),
        },
    )

    def clean_display_name(self):
        return clean_phrase(self.cleaned_data["display_name"], max_length=60)

    def signup(self, request, user):
        """Called by allauth once the user exists: profile, age and consents."""
        with transaction.atomic():
            profile = create_profile(
                user, display_name=self.cleaned_data["display_name"]
            )
            profile.age_confirmed_at = timezone.now()
            profile.save(update_fields=["age_confirmed_at"])
            give_consent(user, ConsentPurpose.MATCHING)
            if self.cleaned_data.get("consent_contact"):
                give_consent(user, ConsentPurpose.CONTACT)


class ProfileForm(forms.ModelForm):
    """Who the resident is, where they live and when they have time."""

    village_name = forms.CharField(
        label=_("Village"),
        max_length=80,
        required=False,
        help_text=_("The village you live in or near, e.g. Knebel."),
    )
    seasons = forms.MultipleChoiceField(
        label=_("Seasons"),
        choices=Season.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    in_association = forms.TypedChoiceField(
        label=_("Are you already a volunteer in an association?"),
        choices=[("yes", _("Yes")), ("no", _("No")), ("", _("I'd rather not say"))],
        coerce=lambda value: {"yes": True, "no": False}.get(value),
        empty_value=None,
        widget=forms.RadioSelect,
        required=False,
    )

    class Meta:
        model = VolunteerProfile
        fields = [
            "display_name",
            "postcode",
            "clusters",
            "weekdays",
            "evenings",
            "weekends",
            "seasons",
            "hours_per_month",
            "in_association",
            "notify_new_tasks",
            "notify_signup_updates",
            "language",
        ]
        widgets = {
            "clusters": forms.CheckboxSelectMultiple,
            "postcode": forms.TextInput(
                attrs={"inputmode": "numeric", "autocomplete": "postal-code"}
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.village = self.instance.village if self.instance.pk else None
        if self.village is not None:
            self.fields["village_name"].initial = self.village.name
        if self.instance.pk:
            self.fields["in_association"].initial = {True: "yes", False: "no"}.get(
                self.instance.in_association, ""
            )
        self.fields["clusters"].queryset = nearby_clusters(self.instance)
        self.fields["clusters"].required = False
        self.fields["clusters"].help_text = _(
            "Your own village's cluster is always included."
        )
        self.fields["postcode"].required = False

    def clean_display_name(self):
        return clean_phrase(self.cleaned_data["display_name"], max_length=60)

    def clean(self):
        data = super().clean()
        name = clean_text(data.get("village_name") or "")
        postcode = data.get("postcode") or ""
        if not name and not postcode and not self.errors.get("postcode"):
            raise forms.ValidationError(
                _("Tell us your village or your postcode, so we can find your cluster.")
            )
        if name:
            try:
                self.village = resolve_village(name, postcode)
            except forms.ValidationError as error:
                self.add_error("village_name", error)
        else:
            self.village = None
        return data

    def save(self, commit=True):
        profile = super().save(commit=False)
        profile.village = self.village
        profile.in_association = self.cleaned_data.get("in_association")
        profile.last_active_at = timezone.now()
        if "notify_new_tasks" in self.changed_data and profile.notify_new_tasks:
            # Turned on again: unsubscribe links already sent stop working.
            profile.email_links_key = new_email_links_key()
        if commit:
            profile.save()
            self.save_m2m()
            home = home_clusters(profile)
            if home:
                profile.clusters.add(*home)
        return profile


class SkillForm(forms.ModelForm):
    class Meta:
        model = VolunteerSkill
        fields = ["phrase", "level"]
        widgets = {
            "phrase": forms.TextInput(
                attrs={
                    "list": "skill-names",
                    "autocomplete": "off",
                    "class": "skill-input",
                }
            ),
            "level": forms.RadioSelect,
        }

    def clean_phrase(self):
        return clean_phrase(self.cleaned_data["phrase"])


class BaseSkillFormSet(ConsistentInlineFormSet):
    def get_queryset(self):
        return super().get_queryset().select_related("skill")

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            phrase = (form.cleaned_data.get("phrase") or "").lower()
            if phrase in seen:
                form.add_error("phrase", _("You have already written this skill."))
            seen.add(phrase)


MAX_SKILLS = 40

SkillFormSet = forms.inlineformset_factory(
    VolunteerProfile,
    VolunteerSkill,
    form=SkillForm,
    formset=BaseSkillFormSet,
    extra=3,
    max_num=MAX_SKILLS,
    validate_max=True,
    absolute_max=MAX_SKILLS,
    can_delete=True,
)


class TaskFilterForm(forms.Form):
    """Filters of the task list; every field optional, bad values ignored."""

    skill = forms.ModelChoiceField(
        label=_("Skill"),
        queryset=None,
        required=False,
        to_field_name="slug",
        empty_label=_("All skills"),
    )
    village = forms.TypedChoiceField(
        label=_("Village"), required=False, coerce=int, empty_value=None
    )
    period = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[
            ("", _("Any time")),
            ("month", _("Within the next month")),
            ("flexible", _("Whenever it suits me")),
        ],
    )

    def __init__(self, *args, villages=(), **kwargs):
        super().__init__(*args, **kwargs)
        from .models import Skill

        self.fields["skill"].queryset = Skill.objects.order_by("name_da")
        self.fields["village"].choices = [("", _("All villages"))] + [
            (village.pk, village.name) for village in villages
        ]


class SignupForm(forms.Form):
    message = forms.CharField(
        label=_("A message to the coordinators (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_message(self):
        return clean_text(self.cleaned_data.get("message") or "")


class HoursForm(forms.Form):
    hours = forms.DecimalField(
        label=_("Hours spent"),
        min_value=0,
        max_value=1000,
        max_digits=6,
        decimal_places=1,
    )


class DeleteAccountForm(forms.Form):
    """Deleting an account asks for the password, so nobody else can do it."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and my data are deleted for good"),
        required=True,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password
