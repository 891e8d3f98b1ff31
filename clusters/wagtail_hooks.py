from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Facility, FundingPool
from .selectors import editable_paths, private_pages


class FundingPoolViewSet(SnippetViewSet):
    model = FundingPool
    icon = "doc-full"
    menu_label = _("Funding pools")
    list_display = ["name", "owner", "municipality", "amount", "deadline"]
    list_filter = ["owner_type", "municipality"]
    search_fields = ["name", "owner", "topics"]
    ordering = ["deadline"]


class FacilityViewSet(SnippetViewSet):
    model = Facility
    icon = "tag"
    menu_label = _("Facilities")
    list_display = ["name_da", "name_en", "slug"]
    search_fields = ["name_da", "name_en"]


class ClusterDataGroup(SnippetViewSetGroup):
    menu_label = _("Cluster data")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (FundingPoolViewSet, FacilityViewSet)


register_snippet(ClusterDataGroup)


@hooks.register("construct_page_chooser_queryset")
def chooser_within_own_cluster(pages, request):
    """Editors choose among their own cluster's pages (and the pages above it, to
    find their way there); nobody else's drafts or titles. People who edit no pages
    (search editors choosing a promoted page) see live, public pages only."""
    paths = editable_paths(request.user)
    if paths is None:
        return pages
    public = Q(live=True) & ~private_pages()
    if not paths:
        return pages.filter(public)
    within = Q(pk__in=[])
    for path in paths:
        ancestors = [path[:end] for end in range(Page.steplen, len(path), Page.steplen)]
        within |= Q(path__startswith=path) | Q(path__in=ancestors)
    if request.user.has_perm("wagtailsearchpromotions.add_query"):
        within |= public
    return pages.filter(within)
