"""/kommune/: the municipal resource search and overview, for municipal staff."""

from django.urls import path

from . import municipal

app_name = "municipal"

urlpatterns = [
    path("", municipal.index, name="index"),
    path("oversigt/", municipal.overview, name="overview"),
]
