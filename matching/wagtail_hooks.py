from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem


class CandidatesMenuItem(MenuItem):
    def is_shown(self, request):
        from volunteers.editors import can_see_signups

        return can_see_signups(request.user)


@hooks.register("register_admin_urls")
def register_candidate_urls():
    from . import admin_views

    urls = [
        path("", admin_views.task_list, name="tasks"),
        path("<id:task_id>/", admin_views.candidates, name="candidates"),
        path(
            "<id:task_id>/<id:profile_id>/ikke-egnet/",
            admin_views.unsuitable,
            name="unsuitable",
        ),
    ]
    return [path("kandidater/", include((urls, "matching_admin")))]


@hooks.register("register_admin_menu_item")
def register_candidates_menu_item():
    return CandidatesMenuItem(
        _("Candidates"), reverse("matching_admin:tasks"), icon_name="user", order=260
    )
