"""Log-in protection shared by the residents' log-in (allauth) and the Wagtail admin."""


def axes_username(request, credentials=None) -> str:
    """Return the e-mail address a log-in attempt is for, in lower case.

    allauth authenticates with ``email=…`` and posts the field ``login``; the Wagtail
    admin posts ``username``. django-axes counts failures per address and IP.
    """
    if credentials:
        for key in ("email", "username", "login"):
            if credentials.get(key):
                return str(credentials[key]).strip().lower()
    data = getattr(request, "POST", {}) or {}
    for key in ("login", "username", "email"):
        if data.get(key):
            return str(data[key]).strip().lower()
    return ""


def reset_lockout_after_password_reset(sender, request, user, **kwargs) -> None:
    """A new password lifts django-axes' lock on the address, as the lock page says."""
    from axes.utils import reset

    reset(username=user.email.lower())
