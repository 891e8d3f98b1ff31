from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem


class SignupsMenuItem(MenuItem):
    def is_shown(self, request):
        from .editors import can_see_signups

        return can_see_signups(request.user)


@hooks.register("register_admin_urls")
def register_signup_urls():
    from . import admin_views

    urls = [
        path("", admin_views.signup_list, name="signups"),
        path(
            "<id:signup_id>/bekraeft/",
            admin_views.signup_decide,
            {"decision": "confirm"},
            name="signup_confirm",
        ),
        path(
            "<id:signup_id>/afvis/",
            admin_views.signup_decide,
            {"decision": "decline"},
            name="signup_decline",
        ),
        path(
            "<id:signup_id>/skriv/",
            admin_views.signup_message,
            name="signup_message",
        ),
    ]
    return [path("tilmeldinger/", include((urls, "volunteers_admin")))]


@hooks.register("register_admin_menu_item")
def register_signups_menu_item():
    return SignupsMenuItem(
        _("Sign-ups"), reverse("volunteers_admin:signups"), icon_name="group", order=250
    )


class AccessLogMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_admin_urls")
def register_access_log_urls():
    from . import admin_views

    return [
        path(
            "adgang-til-persondata/",
            include(
                (
                    [path("", admin_views.access_log, name="access_log")],
                    "access_log_admin",
                )
            ),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_access_log_menu_item():
    return AccessLogMenuItem(
        _("Access to personal data"),
        reverse("access_log_admin:access_log"),
        icon_name="view",
        order=900,
    )
