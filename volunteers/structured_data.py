"""Tasks as search engines read volunteer roles: schema.org JobPosting, VOLUNTEER.

Google and Bing read a volunteer opportunity as a `JobPosting` with
``employmentType: "VOLUNTEER"``. Only public facts of a public task go in: never a
person (no sign-ups, no contact), and the text as plain text.
"""

from __future__ import annotations

import datetime as dt
import json

from django.utils.safestring import SafeString, mark_safe

# As Django's json_script: a "</script>" in a title cannot end the script element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data: dict) -> SafeString:
    """`data` as the body of a <script type="application/ld+json"> element."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_ESCAPES))  # noqa: S308


def _place(task, cluster) -> dict | None:
    """Where the work is: the task's meeting place or village, else the cluster's
    first village (a posting without a place is not shown by search engines)."""
    place = task.meeting_place
    village = task.village or (place.village if place else None)
    if village is None and cluster is not None:
        village = cluster.villages.order_by("sort_order", "pk").first()
    address: dict = {"@type": "PostalAddress", "addressCountry": "DK"}
    if place and place.address:
        address["streetAddress"] = place.address
    if village:
        address["addressLocality"] = village.name
        if village.postcode:
            address["postalCode"] = village.postcode
    if len(address) == 2:
        return None
    found: dict = {"@type": "Place", "address": address}
    if place:
        found["name"] = place.title
    return found


def job_posting(task, *, url: str, cluster_url: str | None) -> dict:
    """A public task as a schema.org JobPosting for a volunteer role."""
    plan = task.page
    cluster = plan.cluster
    posted = plan.first_published_at or plan.latest_revision_created_at
    data: dict = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": task.title,
        "description": task.description or task.title,
        "employmentType": "VOLUNTEER",
        "directApply": True,
        "url": url,
        "hiringOrganization": {
            "@type": "Organization",
            "name": cluster.title if cluster else plan.title,
        },
        "totalJobOpenings": task.volunteers_needed,
    }
    if cluster_url:
        data["hiringOrganization"]["sameAs"] = cluster_url
    if posted:
        data["datePosted"] = posted.date().isoformat()
    if task.starts_on:
        data["jobStartDate"] = task.starts_on.isoformat()
    if task.deadline:
        end = dt.datetime.combine(task.deadline, dt.time(23, 59))
        data["validThrough"] = end.isoformat()
    place = _place(task, cluster)
    if place:
        data["jobLocation"] = place
    skills = task.skill_phrases
    if skills:
        data["skills"] = ", ".join(skills)
    return data
