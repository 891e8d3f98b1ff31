"""Each factory builds a valid object in the right place of the tree."""

import pytest

from clusters.models import ClusterAdministration, Task

from . import factories as f

pytestmark = pytest.mark.django_db


def test_cluster_factory_places_cluster_under_home_with_village():
    cluster = f.ClusterPageFactory()
    assert cluster.get_parent().specific == f.home_page()
    assert cluster.villages.count() == 1
    assert cluster.latitude == pytest.approx(56.2145)


def test_cluster_gets_editors_group_and_collection():
    cluster = f.ClusterPageFactory(title="Mols i Udvikling")
    admin = ClusterAdministration.objects.get(cluster=cluster)
    assert "Mols i Udvikling" in admin.editors_group.name
    assert admin.collection.name == "Mols i Udvikling"


def test_child_page_factories():
    cluster = f.ClusterPageFactory()
    index = f.NewsIndexPageFactory(parent=cluster)
    news = f.NewsPageFactory(parent=index)
    place = f.MeetingPlacePageFactory(parent=cluster)
    event = f.EventPageFactory(parent=cluster, meeting_place=place)
    plan = f.ActionPlanPageFactory(parent=cluster)
    task = f.TaskFactory(page=plan)
    survey = f.SurveyPageFactory(parent=cluster)
    for page in (index, news, place, event, plan, survey):
        assert page.cluster == cluster
    assert list(Task.objects.filter(page=plan)) == [task]
    assert f.UserFactory().check_password("correct horse battery staple")
    assert f.FundingPoolFactory().name.startswith("Landdistriktspuljen")
    assert f.StandardPageFactory(parent=f.home_page()).live
    assert f.SteeringGroupMemberFactory(cluster=cluster).cluster == cluster
    assert f.VillageFactory(cluster=cluster).cluster == cluster
