"""The texts residents consent to, each with a version recorded with the consent.

Change a text's wording only together with its version, so that every recorded
consent still says which words the resident agreed to.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import ConsentPurpose

# Denmark's age of digital consent (databeskyttelsesloven § 6).
MINIMUM_AGE = 15


@dataclass(frozen=True)
class ConsentText:
    purpose: str
    version: str
    label: Promise
    text: Promise


TEXTS = {
    ConsentPurpose.MATCHING: ConsentText(
        purpose=ConsentPurpose.MATCHING,
        version="2026-11-27",
        label=_("I agree that Klyngeportal matches me with tasks in my cluster"),
        text=_(
            "Klyngeportal stores your display name, village, skills and "
            "availability, and uses them to suggest tasks in the clusters you "
            "follow and to tell the cluster's coordinators that you might fit a "
            "task. Coordinators see your display name, village and skills — not "
            "your e-mail address. You can withdraw your consent at any time under "
            "Consent on your page; matching and e-mails stop at once."
        ),
    ),
    ConsentPurpose.CONTACT: ConsentText(
        purpose=ConsentPurpose.CONTACT,
        version="2026-11-26",
        label=_("Coordinators in my cluster may see my e-mail address"),
        text=_(
            "Optional. With this consent the coordinators of the clusters you "
            "follow, and municipal staff looking for local resources, can see "
            "your e-mail address and contact you directly. Every time someone "
            "looks it up, it is logged and shown in your data export. Without it "
            "they can only write to you through Klyngeportal."
        ),
    ),
}
