"""Admin forms: keep each cluster's choices inside that cluster."""

from django.utils.translation import gettext as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from .registry import task_removal_blockers


class ClusterChildPageForm(WagtailAdminPageForm):
    """Offer only the villages and meeting places of the page's own cluster."""

    scoped_fields = ("village", "meeting_place")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cluster = self._find_cluster()
        forms = [self]
        for formset in self.formsets.values():
            forms.extend(formset.forms)
            forms.append(formset.empty_form)
        for form in forms:
            self._scope(form, cluster)

    def _find_cluster(self):
        from .models import ClusterPage

        page = self.instance if self.instance.pk else self.parent_page
        if page is None or not page.path:
            return None
        return ClusterPage.objects.filter(path=page.path[: Page.steplen * 3]).first()

    def _scope(self, form, cluster):
        from .models import MeetingPlacePage, Village

        if "village" in form.fields:
            form.fields["village"].queryset = (
                Village.objects.filter(cluster=cluster)
                if cluster
                else Village.objects.none()
            )
        if "meeting_place" in form.fields:
            form.fields["meeting_place"].queryset = (
                MeetingPlacePage.objects.child_of(cluster).order_by("title")
                if cluster
                else MeetingPlacePage.objects.none()
            )


class ActionPlanPageForm(ClusterChildPageForm):
    """Refuse to remove tasks that other records (such as sign-ups) depend on."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("tasks")
        if formset is None:
            return cleaned_data
        formset.full_clean()  # cached: validates each task form once
        removed = [
            form.instance
            for form in formset.forms
            if form.instance.pk and getattr(form, "cleaned_data", {}).get("DELETE")
        ]
        blockers = task_removal_blockers([task.pk for task in removed])
        for task in removed:
            if task.pk in blockers:
                self.add_error(
                    None,
                    _(
                        "The task “%(title)s” cannot be removed: %(reason)s "
                        "Mark it as done instead, or ask the volunteers to "
                        "withdraw first."
                    )
                    % {"title": task.title, "reason": blockers[task.pk]},
                )
        return cleaned_data
