"""The skills menu in the admin: the taxonomy and the proposed synonyms, together."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Skill


class SkillViewSet(SnippetViewSet):
    """The skill taxonomy: administrators add the words residents use."""

    model = Skill
    icon = "tag"
    menu_label = _("Skills")
    list_display = ["name_da", "name_en", "category"]
    list_filter = ["category"]
    search_fields = ["name_da", "name_en", "synonyms", "english_words", "misspellings"]
    # The database, not the search index: the taxonomy is small, its rows come from
    # a migration (never indexed), and every word list is searched as typed.
    search_backend_name = None
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
        FieldPanel("implies"),
        FieldPanel("source"),
    ]


register_snippet(SkillViewSet)


class TaxonomyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("skills.change_skill")


@hooks.register("register_admin_urls")
def register_proposal_urls():
    from . import admin_views

    urls = [
        path("", admin_views.proposals, name="proposals"),
        path(
            "<id:proposal_id>/godkend/",
            admin_views.decide_proposal,
            {"decision": "accept"},
            name="proposal_accept",
        ),
        path(
            "<id:proposal_id>/afvis/",
            admin_views.decide_proposal,
            {"decision": "reject"},
            name="proposal_reject",
        ),
    ]
    return [path("faerdigheder/forslag/", include((urls, "skills_admin")))]


@hooks.register("register_admin_menu_item")
def register_skills_menu():
    menu = Menu(
        items=[
            TaxonomyMenuItem(
                _("Skills"),
                reverse(Skill.snippet_viewset.get_url_name("list")),
                icon_name="tag",
                order=100,
            ),
            TaxonomyMenuItem(
                _("Proposed synonyms"),
                reverse("skills_admin:proposals"),
                icon_name="tag",
                order=200,
            ),
        ]
    )
    return SkillsMenu(_("Skills"), menu, icon_name="tag", order=310)


class SkillsMenu(SubmenuMenuItem):
    def is_shown(self, request):
        return request.user.has_perm("skills.change_skill")
