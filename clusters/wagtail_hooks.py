from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Facility, FundingPool


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
