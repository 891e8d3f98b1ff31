"""The engine's reasons in plain Danish (or English) for residents and editors."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

RELATED = "related skill"
IMPLIED = "included in their work"
NEAR = "near match"

# The engine's words for how two phrases meet, for people.
HOW = {
    "same skill": gettext_lazy("the same skill"),
    "synonym": gettext_lazy("another word for it"),
    "English word": gettext_lazy("the English word"),
    "spelling variant": gettext_lazy("another spelling"),
    "same word, other form": gettext_lazy("another form of the word"),
    "part of a compound word": gettext_lazy("part of a compound word"),
    RELATED: gettext_lazy("a related skill"),
    IMPLIED: gettext_lazy("part of that work"),
    NEAR: gettext_lazy("a near match"),
}


def explain(reason) -> str:
    """One sentence for one reason, in the active language."""
    if reason.kind == "skill":
        values = {"phrase": reason.phrase, "requirement": reason.requirement}
        if reason.how == RELATED:
            text = _(
                "You wrote “%(phrase)s” – close to what the task needs: "
                "“%(requirement)s”."
            )
        elif reason.how == IMPLIED:
            text = _(
                "You wrote “%(phrase)s” – that work includes what the task needs: "
                "“%(requirement)s”."
            )
        elif reason.how == NEAR:
            text = _(
                "You wrote “%(phrase)s” – much like “%(requirement)s”, "
                "which the task needs."
            )
        else:
            text = _("You wrote “%(phrase)s” – the task needs “%(requirement)s”.")
        return text % values
    if reason.kind == "place":
        return {
            "village": _("The task is in your village."),
            "cluster": _("The task is in your cluster."),
            "municipality": _("The task is in your municipality."),
        }.get(reason.how, "")
    if reason.kind == "availability":
        return _("It fits when you have time.")
    if reason.kind == "newcomer":
        if reason.how == "welcome":
            return _("A good first task near you: a fine place to start.")
        return _("A good first task if you are new to volunteering.")
    if reason.kind == "feedback":
        # An editor's "not suitable" lowers the ranking, but is not said to the
        # resident.
        return {
            "declined": _("You have said no thanks to similar tasks."),
            "proven": _("You have helped with similar tasks before."),
        }.get(reason.how, "")
    return ""
