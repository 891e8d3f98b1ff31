from django.urls import path

from . import views

app_name = "volunteers"

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("samtykke/", views.consents, name="consents"),
    path("faerdigheder/forslag/", views.skill_suggestions, name="skill_suggestions"),
    path("opgaver/", views.task_list, name="task_list"),
    path("opgaver/<id:task_id>/", views.task_detail, name="task_detail"),
    path("opgaver/<id:task_id>/tilmeld/", views.task_signup, name="task_signup"),
    path("opgaver/<id:task_id>/afmeld/", views.task_withdraw, name="task_withdraw"),
    path("mine/", views.my_signups, name="my_signups"),
    path("kalender/<str:token>.ics", views.calendar, name="calendar"),
    path("kalender/nyt-link/", views.calendar_reset, name="calendar_reset"),
    path("data/", views.my_data, name="my_data"),
    path("privatliv/", views.privacy_page, name="privacy"),
]
