"""A way from the admin to the municipal pages, for the people who may see them."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .access import staff_municipalities


class MunicipalMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(staff_municipalities(request.user))


@hooks.register("register_admin_menu_item")
def register_municipal_menu_item():
    return MunicipalMenuItem(
        _("Municipal overview"),
        reverse("municipal:overview"),
        name="municipal-overview",
        icon_name="table",
        order=250,
    )
