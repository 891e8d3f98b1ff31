"""What every page inside a cluster shares."""

from django.utils.functional import cached_property

from wagtail.models import Page

from core.routing import routed_ancestors


class ClusterChildMixin:
    """Give a page inside a cluster cheap access to its ClusterPage."""

    @cached_property
    def cluster(self):
        from .cluster import ClusterPage

        # Reached by a URL, the cluster is the third step of the routed chain.
        chain = routed_ancestors(self) or []
        if len(chain) > 1 and isinstance(chain[1], ClusterPage):
            return chain[1]
        # Root (1) > HomePage (2) > ClusterPage (3): the cluster's path is the first
        # three steps of ours, so one indexed look-up finds it.
        path = self.path[: Page.steplen * 3]
        return ClusterPage.objects.filter(path=path).first()
