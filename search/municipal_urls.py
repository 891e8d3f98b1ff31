"""/kommune/: the municipal resource search and overview, for municipal staff."""

from django.urls import path

from . import municipal, resource_views

app_name = "municipal"

urlpatterns = [
    path("", municipal.index, name="index"),
    path("moedesteder/", resource_views.places, name="places"),
    path("faerdigheder/", resource_views.skills, name="skills"),
    path("faerdigheder/kontakt/", resource_views.contacts, name="contacts"),
    path("mangler/", resource_views.gaps, name="gaps"),
    path("aktiviteter/", resource_views.events, name="events"),
    path("oversigt/", municipal.overview, name="overview"),
]
