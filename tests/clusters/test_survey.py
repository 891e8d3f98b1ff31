"""A cluster's mapping survey collects answers that its editors export to CSV."""

import csv
import io

from django.urls import reverse

import pytest

from clusters.models import ClusterAdministration, SurveyFormField
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(cluster):
    survey = f.SurveyPageFactory(parent=cluster, slug="kortlaegning")
    SurveyFormField.objects.create(
        page=survey,
        sort_order=0,
        label="Hvilket mødested bruger du?",
        field_type="singleline",
        required=True,
    )
    SurveyFormField.objects.create(
        page=survey,
        sort_order=1,
        label="Hvad kan du hjælpe med?",
        field_type="multiline",
    )
    return survey


def _answer(client, survey, place, help_with):
    names = [field.clean_name for field in survey.get_form_fields()]
    response = client.post(
        survey.url, dict(zip(names, [place, help_with], strict=True))
    )
    assert response.status_code == 200


def _editor_of(cluster):
    user = f.UserFactory()
    user.groups.add(ClusterAdministration.objects.get(cluster=cluster).editors_group)
    return user


def test_editor_exports_answers_to_csv_with_danish_letters(survey, cluster, client):
    _answer(client, survey, "Knebel Forsamlingshus", "Bålpladsen og købmanden")
    _answer(client, survey, "Agri Friskole", "Regnskab")
    client.force_login(_editor_of(cluster))
    response = client.get(
        reverse("wagtailforms:list_submissions", args=[survey.pk]), {"export": "csv"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][1:] == ["Hvilket mødested bruger du?", "Hvad kan du hjælpe med?"]
    answers = {tuple(row[1:]) for row in rows[1:]}
    assert answers == {
        ("Knebel Forsamlingshus", "Bålpladsen og købmanden"),
        ("Agri Friskole", "Regnskab"),
    }


def test_editor_of_another_cluster_cannot_read_the_answers(survey, client):
    _answer(client, survey, "Knebel Forsamlingshus", "Kaffe")
    other = f.ClusterPageFactory(title="Landet på Midtlyn", slug="midtlyn")
    client.force_login(_editor_of(other))
    response = client.get(
        reverse("wagtailforms:list_submissions", args=[survey.pk]), {"export": "csv"}
    )
    assert response.status_code in (302, 403)
    assert b"Kaffe" not in b"".join(
        getattr(response, "streaming_content", [response.content])
    )


def test_a_required_answer_is_asked_for_and_nothing_stored(survey, client):
    from wagtail.contrib.forms.models import FormSubmission

    response = client.post(survey.url, {})
    assert response.status_code == 200
    assert "errors" in response.content.decode()
    assert FormSubmission.objects.count() == 0
