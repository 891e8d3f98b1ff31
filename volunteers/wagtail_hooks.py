from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Skill


class SkillViewSet(SnippetViewSet):
    """The skill taxonomy: administrators add the words residents use."""

    model = Skill
    icon = "tag"
    menu_label = _("Skills")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name_da", "name_en", "category"]
    list_filter = ["category"]
    search_fields = ["name_da", "name_en", "synonyms", "english_words"]
    ordering = ["name_da"]
    panels = [
        MultiFieldPanel(
            [FieldPanel("name_da"), FieldPanel("name_en"), FieldPanel("slug")],
            heading=_("Names"),
        ),
        FieldPanel("category"),
        FieldPanel("synonyms"),
        FieldPanel("english_words"),
        FieldPanel("misspellings"),
        FieldPanel("related"),
    ]


register_snippet(SkillViewSet)
