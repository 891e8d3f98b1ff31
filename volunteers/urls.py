from django.urls import path

from . import views

app_name = "volunteers"

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("samtykke/", views.consents, name="consents"),
    path("faerdigheder/forslag/", views.skill_suggestions, name="skill_suggestions"),
]
