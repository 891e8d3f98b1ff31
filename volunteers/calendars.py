"""A resident's own tasks as an iCalendar feed for their calendar app."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

import icalendar

from .models import HOLDING_PLACE, Signup


def signups_ical(profile, request) -> bytes:
    """Return the tasks the resident holds a place on, as all-day events."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Klyngeportal//klyngeportal.dk//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Klyngeportal")
    host = request.get_host().split(":")[0] or "klyngeportal"
    signups = (
        Signup.objects.filter(volunteer=profile, status__in=HOLDING_PLACE)
        .select_related("task", "task__page", "task__meeting_place", "task__village")
        .order_by("task__starts_on", "task__deadline", "pk")
    )
    for signup in signups:
        task = signup.task
        start = task.starts_on or task.deadline
        if start is None:
            continue  # no date: nothing to put in a calendar
        end = (task.deadline or start) + dt.timedelta(days=1)
        event = icalendar.Event()
        event.add("uid", f"task-{task.pk}-signup-{signup.pk}@{host}")
        event.add("summary", task.title)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("dtstamp", signup.status_changed_at or timezone.now())
        if task.meeting_place_id:
            event.add("location", task.meeting_place.title)
        elif task.village_id:
            event.add("location", task.village.name)
        description = f"{task.page.title}\n{task.description}".strip()
        event.add("description", description)
        event.add(
            "url",
            request.build_absolute_uri(
                reverse("volunteers:task_detail", args=[task.pk])
            ),
        )
        calendar.add_component(event)
    return calendar.to_ical()
