from django.urls import path

from . import views

app_name = "skills"

urlpatterns = [path("laes/", views.read_phrases, name="read")]
