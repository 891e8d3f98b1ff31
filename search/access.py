"""Who may see which municipality in the resource search and the overview.

Municipal staff are the members of a group "Kommune: <name>" (one per municipality, see
`clusters.municipalities.staff_group_name`); they see their municipality's clusters
only. Administrators (superusers) see every municipality. Everyone else gets a 403.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from clusters.municipalities import MUNICIPALITIES, municipality_of_group


def staff_municipalities(user) -> list[str]:
    """The municipality keys a user may look into, in the order of the national list."""
    if not user.is_authenticated or not user.is_active:
        return []
    if user.is_superuser:
        return [key for key, _name in MUNICIPALITIES]
    keys = {
        key
        for name in user.groups.values_list("name", flat=True)
        if (key := municipality_of_group(name))
    }
    return [key for key, _name in MUNICIPALITIES if key in keys]


def staff_required(view):
    """Log-in, then at least one municipality; sets `request.municipalities`."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            # Staff sign in where they work: the admin's log-in (residents' accounts
            # under /konto/ need a verified address, staff accounts are made by hand).
            return redirect_to_login(
                request.get_full_path(), login_url=reverse("wagtailadmin_login")
            )
        municipalities = staff_municipalities(request.user)
        if not municipalities:
            raise PermissionDenied
        request.municipalities = municipalities
        return view(request, *args, **kwargs)

    return wrapper


def chosen_municipalities(request) -> list[str]:
    """The municipalities a page shows: `?kommune=<key>` if allowed, else all allowed.

    A key the user may not see is ignored (never an error that reveals it exists).
    """
    allowed = request.municipalities
    wanted = request.GET.get("kommune", "")
    if wanted in allowed:
        return [wanted]
    return allowed
