"""The editors' field for a task's required skills, with "Genkendt som" per phrase."""

from __future__ import annotations

from django import forms
from django.urls import reverse
from django.utils.translation import get_language


class SkillPhrasesWidget(forms.Textarea):
    """A textarea of skills in everyday words; below it, what the site read.

    Rendered on the server (it works without JavaScript, after a save); a small
    script reads the phrases again as the editor types, and adds a skill chosen from
    the taxonomy's names.
    """

    template_name = "skills/widgets/skill_phrases.html"

    class Media:
        js = ["skills/skill_phrases.js"]
        css = {"all": ["skills/skill_phrases.css"]}

    def get_context(self, name, value, attrs):
        from .taxonomy import vocabulary
        from .views import recognised

        context = super().get_context(name, value, attrs)
        language = get_language() or "da"
        key = "name_en" if language == "en" else "name_da"
        context["widget"].update(
            {
                "recognised": recognised(value or "", language=language),
                "read_url": reverse("skills:read"),
                "skill_names": sorted(data[key] for data in vocabulary()[2].values()),
            }
        )
        return context
