"""Danish demo content for `manage.py seed_demo`.

Three clusters written by hand, modelled on the pilots of the landsbyklynge campaign,
and the raw material (place names, headlines, tasks) from which any number of plausible
generated clusters, news items and tasks are made. Dates are given as days from today
so the demo always looks current. Everything here is plain data or pure functions of a
`random.Random`, so the same seed always gives the same demo.
"""

from __future__ import annotations

import random
from typing import Any

from core.text import danish_slugify

from .municipalities import MUNICIPALITY_NAMES

# Fixed so that re-running with the same options finds (and skips) what it made before.
SEED = 2015

Spec = dict[str, Any]


# StreamField blocks in the JSON form Wagtail accepts (see core/blocks.py).
def heading(text: str, level: str = "h2") -> dict:
    """Return a heading block."""
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html: str) -> dict:
    """Return a rich-text paragraph block."""
    return {"type": "paragraph", "value": html}


def quote(text: str, attribution: str = "") -> dict:
    """Return a quote block."""
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def fact_box(title: str, facts: list[tuple[str, str]]) -> dict:
    """Return a fact box block."""
    return {
        "type": "fact_box",
        "value": {
            "title": title,
            "facts": [{"label": label, "value": value} for label, value in facts],
        },
    }


def call_to_action(
    title: str, text: str, button_label: str, *, page_slug: str = "", url: str = ""
) -> dict:
    """Return a call-to-action block; `page_slug` names a sibling page to resolve "
    "later."""
    value = {
        "title": title,
        "text": text,
        "button_label": button_label,
        "page": None,
        "external_url": url,
    }
    if page_slug:
        value["page_slug"] = page_slug
    return {"type": "call_to_action", "value": value}


# ------------------------------------------------------------------------------
# Site-wide pages, funding pools and accounts
# ------------------------------------------------------------------------------

HOME_PAGE: Spec = {
    "title": "Landsbyklynger i Danmark",
    "intro": (
        "Her samarbejder landsbyer fra hele landet om fællesskab, natur og gode "
        "mødesteder. Find klyngen nær dig, læs nyhederne, og se de opgaver, du kan "
        "give en hånd med – også selvom du aldrig har været med i en forening."
    ),
    "body": [
        heading("Hvad er en landsbyklynge?"),
        paragraph(
            "<p>En landsbyklynge er en gruppe landsbyer, der arbejder sammen i stedet "
            "for hver for sig. Én landsby har hallen, en anden skolen og en tredje "
            "forsamlingshuset – sammen kan de mere. Klyngen ledes af en styregruppe "
            "med folk fra alle landsbyerne og bygges op over fem faser: etablering, "
            "kortlægning, vision, handleplaner og implementering.</p>"
        ),
        fact_box(
            "Landsbyklynger i tal",
            [("Klynger i kampagnen", "29"), ("Kommuner", "23"), ("Faser", "5")],
        ),
    ],
}

ABOUT_PAGE: Spec = {
    "title": "Om Klyngeportalen",
    "slug": "om",
    "intro": (
        "Klyngeportalen giver hver landsbyklynge sin egen hjemmeside og gør det let at "
        "finde frivillige til klyngens opgaver."
    ),
    "body": [
        heading("Hvem står bag?"),
        paragraph(
            "<p>Portalen er lavet til landsbyklynger, deres styregrupper og de "
            "kommunale kontaktpersoner, der følger klyngerne. Hver klynge redigerer "
            "selv sine nyheder, mødesteder, arrangementer og handleplaner.</p>"
        ),
        heading("Privatliv og dine oplysninger"),
        paragraph(
            "<p>Når du opretter dig som frivillig, gemmer vi dit navn, din e-mail, "
            "hvilken landsby du bor i, og hvad du gerne vil hjælpe med. Vi bruger "
            "oplysningerne til at foreslå opgaver, der passer til dig, og til at "
            "klyngens styregruppe kan kontakte dig, når du har givet samtykke til "
            "det.</p>"
            "<ul><li>Du kan til enhver tid se og hente alle dine oplysninger.</li>"
            "<li>Du kan trække dit samtykke tilbage og slette din profil.</li>"
            "<li>Kommunen ser kun antal og kompetencer – aldrig dit navn uden dit "
            "samtykke.</li></ul>"
        ),
        heading("Cookies"),
        paragraph(
            "<p>Portalen bruger kun de cookies, der er nødvendige for at du kan logge "
            "ind. Vi bruger ingen cookies til statistik eller markedsføring.</p>"
        ),
        heading("Kontakt"),
        paragraph(
            '<p>Skriv til <a href="mailto:kontakt@klyngeportal.dk">'
            "kontakt@klyngeportal.dk</a>, hvis du har spørgsmål til portalen eller "
            "til behandlingen af dine oplysninger.</p>"
        ),
    ],
}

# Deadlines are days from today; amounts in whole kroner.
FUNDING_POOLS: list[Spec] = [
    {
        "name": "Landdistriktspuljen",
        "owner_type": "national",
        "owner": "Staten",
        "amount": 20_000_000,
        "deadline_days": 75,
        "url": "",
        "topics": "landdistrikter, fællesskab, mødesteder, bosætning",
    },
    {
        "name": "Lokale- og Anlægsfonden",
        "owner_type": "fond",
        "owner": "Lokale- og Anlægsfonden",
        "amount": 2_000_000,
        "deadline_days": 120,
        "url": "https://loa-fonden.dk/",
        "topics": "idræt, friluftsliv, kultur, faciliteter",
    },
    {
        "name": "Friluftsrådets udlodningsmidler",
        "owner_type": "national",
        "owner": "Friluftsrådet",
        "amount": 500_000,
        "deadline_days": 45,
        "url": "https://www.friluftsraadet.dk/",
        "topics": "natur, friluftsliv, shelters, stier",
    },
    {
        "name": "LAG-midler til lokal udvikling",
        "owner_type": "eu",
        "owner": "Lokal Aktionsgruppe (LAG)",
        "amount": 1_500_000,
        "deadline_days": 150,
        "url": "",
        "topics": "lokal udvikling, erhverv, turisme, natur",
    },
    {
        "name": "Syddjurs Kommunes landdistriktspulje",
        "owner_type": "kommunal",
        "owner": "Syddjurs Kommune",
        "municipality": "syddjurs",
        "amount": 300_000,
        "deadline_days": 30,
        "url": "",
        "topics": "landsbyer, fællesskab, grønne områder",
    },
    {
        "name": "Randers Kommunes landsbypulje",
        "owner_type": "kommunal",
        "owner": "Randers Kommune",
        "municipality": "randers",
        "amount": 400_000,
        "deadline_days": 60,
        "url": "",
        "topics": "landsbyer, foreningsliv, mødesteder",
    },
    {
        "name": "Faaborg-Midtfyn Kommunes landdistriktspulje",
        "owner_type": "kommunal",
        "owner": "Faaborg-Midtfyn Kommune",
        "municipality": "faaborg-midtfyn",
        "amount": 250_000,
        "deadline_days": 90,
        "url": "",
        "topics": "landdistrikter, kultur, fællesskab",
    },
]

ADMIN_ACCOUNT: Spec = {
    "email": "admin@klyngeportal.dk",
    "first_name": "Klyngeportalens",
    "last_name": "Administrator",
}

# Municipal staff; each gets the group "Kommune: <name>".
MUNICIPAL_ACCOUNTS: list[Spec] = [
    {
        "email": "kommune@syddjurs.dk",
        "first_name": "Henriette",
        "last_name": "Bach",
        "municipality": "syddjurs",
    },
    {
        "email": "kommune@randers.dk",
        "first_name": "Rasmus",
        "last_name": "Thygesen",
        "municipality": "randers",
    },
    {
        "email": "kommune@faaborg-midtfyn.dk",
        "first_name": "Lone",
        "last_name": "Frandsen",
        "municipality": "faaborg-midtfyn",
    },
]


def survey_spec(villages: list[str]) -> Spec:
    """Return the mapping survey (kortlægning) for a cluster of these villages."""
    return {
        "title": "Kortlægning: Hvad betyder mest for dig?",
        "slug": "kortlaegning",
        "intro": (
            "<p>Hjælp os med at kortlægge klyngens mødesteder, foreninger og idéer. "
            "Det tager fem minutter, og alle svar bliver læst af styregruppen.</p>"
        ),
        "thank_you_text": (
            "<p>Tak for dine svar! Resultaterne bliver fremlagt på næste "
            "borgermøde.</p>"
        ),
        "fields": [
            {
                "label": "Hvilken landsby bor du i?",
                "field_type": "dropdown",
                "required": True,
                "choices": [*villages, "Uden for klyngen"],
            },
            {
                "label": "Hvilke mødesteder bruger du?",
                "field_type": "checkboxes",
                "required": False,
                "choices": [
                    "Forsamlingshuset",
                    "Hallen",
                    "Skolen",
                    "Kirken",
                    "Købmanden",
                    "Naturen, stier og shelters",
                ],
            },
            {
                "label": "Hvad savner du mest i dit lokalområde?",
                "field_type": "multiline",
                "required": False,
            },
            {
                "label": "Hvad kunne du tænke dig at give en hånd med?",
                "field_type": "checkboxes",
                "required": False,
                "choices": [
                    "Praktisk arbejde og håndværk",
                    "Kommunikation og sociale medier",
                    "Økonomi og regnskab",
                    "Arrangementer og fællesspisning",
                    "Børn og unge",
                ],
            },
            {
                "label": "Dit navn",
                "field_type": "singleline",
                "required": False,
                "help_text": "Frivilligt – du kan også svare anonymt.",
            },
            {
                "label": "Din e-mail, hvis vi må kontakte dig",
                "field_type": "email",
                "required": False,
            },
        ],
    }


# ------------------------------------------------------------------------------
# The three hand-written clusters
# ------------------------------------------------------------------------------

MOLS: Spec = {
    "title": "Mols i Udvikling",
    "slug": "mols-i-udvikling",
    "municipality": "syddjurs",
    "phase": "handleplaner",
    "intro": (
        "Seks landsbyer på Mols arbejder sammen om natur, fællesskab og gode rammer "
        "for både nye og gamle molboer."
    ),
    "contact_email": "kontakt@molsiudvikling.dk",
    "municipal_contact": "Henriette Bach, landdistriktskoordinator",
    "municipal_contact_email": "kommune@syddjurs.dk",
    "editor": {
        "email": "redaktoer@molsiudvikling.dk",
        "first_name": "Signe",
        "last_name": "Mølgaard",
    },
    "villages": [
        ("Knebel", "8420", 56.2145, 10.4876),
        ("Agri", "8420", 56.2335, 10.5105),
        ("Vrinners", "8420", 56.2003, 10.4705),
        ("Tved", "8420", 56.1952, 10.4231),
        ("Femmøller", "8400", 56.2052, 10.5612),
        ("Helgenæs", "8420", 56.1385, 10.5302),
    ],
    "steering_group": [
        ("Lene Kjær Mortensen", "Formand", "Knebel"),
        ("Jens Peter Hvid", "Næstformand", "Agri"),
        ("Birgitte Holm", "Kasserer", "Vrinners"),
        ("Mads Overgaard", "Sekretær", "Tved"),
        ("Karen Sørensen", "Medlem", "Femmøller"),
        ("Anders Bøgh", "Medlem", "Helgenæs"),
    ],
    "vision": (
        "<h2>Mols – sammen om det gode liv</h2>"
        "<p>Vi vil være et sted, hvor man kender hinanden på tværs af landsbyerne, "
        "hvor naturen i Mols Bjerge er noget, vi bruger og passer på i fællesskab, og "
        "hvor nye familier føler sig velkomne fra første dag.</p>"
        "<h3>Vores indsatsområder</h3>"
        "<ul><li><b>Fællesskab og mødesteder</b> – levende forsamlingshuse og grønne "
        "torve, der inviterer til ophold.</li>"
        "<li><b>Natur og friluftsliv</b> – stier, shelters og bålpladser, som alle kan "
        "bruge.</li>"
        "<li><b>Bosætning og synlighed</b> – vi fortæller om Mols og tager godt imod "
        "tilflyttere.</li></ul>"
    ),
    "description": [
        heading("Hvem er vi?"),
        paragraph(
            "<p>Mols i Udvikling er landsbyklyngen for Knebel, Agri, Vrinners, Tved, "
            "Femmøller og Helgenæs. Vi gik sammen, fordi landsbyerne står stærkere "
            "sammen end hver for sig: én landsby har hallen, en anden skolen og en "
            "tredje den bedste bålplads.</p>"
        ),
        fact_box(
            "Klyngen i tal",
            [
                ("Landsbyer", "6"),
                ("Indbyggere", "ca. 3.400"),
                ("Forsamlingshuse", "3"),
                ("Foreninger", "over 40"),
            ],
        ),
        quote(
            "Vi har altid hjulpet hinanden på Mols. Nu gør vi det bare på tværs af "
            "sognegrænserne.",
            "Lene Kjær Mortensen, formand for styregruppen",
        ),
        heading("Sådan kan du være med"),
        paragraph(
            "<p>Du behøver ikke være medlem af en forening for at give en hånd med. Se "
            "opgaverne i vores handleplaner, og meld dig til det, du har lyst og tid "
            "til – en enkelt weekend er også en stor hjælp.</p>"
        ),
        call_to_action(
            "Vil du give en hånd med?",
            "Vi mangler blandt andet en tømrer til plantekasserne og en, der kan holde "
            "Facebook-siden i gang.",
            "Se opgaverne",
            page_slug="groenne-og-levende-landsbymidter",
        ),
    ],
    "news": [
        {
            "title": "Over 150 mødte op til borgermøde i Knebel",
            "days_ago": 6,
            "tags": ["borgermøde", "fællesskab"],
            "intro": (
                "Forsamlingshuset var fyldt, da styregruppen fremlagde klyngens tre "
                "første handleplaner."
            ),
            "body": [
                paragraph(
                    "<p>Der måtte hentes ekstra stole fra Molsskolen, da over 150 "
                    "borgere fra alle seks landsbyer mødte op i Knebel Forsamlingshus. "
                    "Styregruppen fremlagde handleplanerne for landsbymidterne, "
                    "naturen og synligheden, og bagefter var der kaffe og snak ved "
                    "bordene.</p>"
                ),
                quote(
                    "Det var dejligt at se så mange fra Helgenæs. Vi føler os for "
                    "alvor som en del af klyngen nu.",
                    "Anders Bøgh, styregruppen",
                ),
                paragraph(
                    "<p>Allerede samme aften meldte 23 sig til konkrete opgaver. Der "
                    "er stadig brug for flere – se opgaverne under handleplanerne.</p>"
                ),
            ],
        },
        {
            "title": "Plantekasserne til torvet i Knebel er på tegnebrættet",
            "days_ago": 19,
            "tags": ["grønne områder", "frivillige"],
            "intro": (
                "Tolv plantekasser med bænke skal gøre torvet til et sted, man har "
                "lyst til at blive."
            ),
            "body": [
                paragraph(
                    "<p>Arbejdsgruppen for grønne landsbymidter har tegnet tolv "
                    "plantekasser i lærketræ, hvoraf fire får indbygget bænk. Kasserne "
                    "bygges af frivillige i sløjdlokalet på Molsskolen.</p>"
                ),
                paragraph(
                    "<p>Vi søger stadig en tømrer eller snedker, der vil stå for "
                    "byggeriet, og et par hjælpere til at plante i dem.</p>"
                ),
            ],
        },
        {
            "title": "Ny shelterplads ved Tved er klar til brug",
            "days_ago": 41,
            "tags": ["natur", "friluftsliv"],
            "intro": (
                "To shelters og en bålplads i kanten af Mols Bjerge kan nu bookes af "
                "alle."
            ),
            "body": [
                paragraph(
                    "<p>Efter tre arbejdsweekender står shelterpladsen ved Tved "
                    "færdig. Pladsen har to shelters med plads til ti personer, en "
                    "overdækket bålplads og brænde, som spejderne holder fyldt op.</p>"
                ),
                paragraph(
                    "<p>Pladsen er bygget med støtte fra Friluftsrådets "
                    "udlodningsmidler og Syddjurs Kommunes landdistriktspulje.</p>"
                ),
            ],
        },
        {
            "title": "Kortlægningen er færdig: Mols har 38 mødesteder",
            "days_ago": 67,
            "tags": ["kortlægning", "mødesteder"],
            "intro": (
                "Fra forsamlingshuse til bådebroer: Kortlægningen viser, hvor rigt "
                "området er på steder at mødes."
            ),
            "body": [
                paragraph(
                    "<p>320 borgere svarede på klyngens spørgeskema. Kortlægningen "
                    "viser 38 mødesteder og over 40 foreninger – og at mange savner "
                    "et fælles overblik over, hvad der sker.</p>"
                ),
                fact_box(
                    "Kortlægningen i tal",
                    [("Svar", "320"), ("Mødesteder", "38"), ("Foreninger", "42")],
                ),
            ],
        },
        {
            "title": "Fællesspisning samlede fire generationer i Agri",
            "days_ago": 96,
            "tags": ["fællesspisning", "fællesskab"],
            "intro": (
                "Fra den yngste på otte måneder til den ældste på 94: Fællesspisningen "
                "i Agri Forsamlingshus blev en succes."
            ),
            "body": [
                paragraph(
                    "<p>Madholdet havde lavet hakkebøf med bløde løg til 110 personer, "
                    "og børnene stod for desserten. Næste fællesspisning bliver i "
                    "Knebel Forsamlingshus.</p>"
                ),
            ],
        },
    ],
    "meeting_places": [
        {
            "title": "Knebel Forsamlingshus",
            "slug": "knebel-forsamlingshus",
            "kind": "forsamlingshus",
            "village": "Knebel",
            "address": "Forsamlingshusvej 2, 8420 Knebel",
            "coordinates": (56.2151, 10.4862),
            "capacity": 160,
            "facilities": (
                "koekken scene lydanlaeg handicapadgang handicaptoilet borde-stole "
                "service parkering wifi"
            ),
            "intro": "Klyngens største sal med scene, køkken og plads til 160 gæster.",
            "booking_contact": "Birthe Lund",
            "booking_email": "udlejning@knebelforsamlingshus.dk",
            "booking_phone": "20 45 67 89",
            "opening_hours": "Udlejes alle dage. Nøglen afhentes efter aftale.",
        },
        {
            "title": "Molshallen",
            "slug": "molshallen",
            "kind": "hal",
            "village": "Knebel",
            "address": "Skolevej 5, 8420 Knebel",
            "coordinates": (56.2128, 10.4901),
            "capacity": 400,
            "facilities": (
                "bad handicapadgang handicaptoilet parkering lydanlaeg opvarmet "
                "anretterkoekken moedelokale"
            ),
            "intro": "Idrætshal med cafeteria og mødelokale til klyngens foreninger.",
            "booking_contact": "Hallens kontor",
            "booking_email": "booking@molshallen.dk",
            "booking_phone": "86 35 10 20",
            "opening_hours": "Hverdage 7–22, weekender 8–18.",
        },
        {
            "title": "Molsskolen",
            "slug": "molsskolen",
            "kind": "skole",
            "village": "Knebel",
            "address": "Skolevej 1, 8420 Knebel",
            "coordinates": (56.2135, 10.4915),
            "capacity": 120,
            "facilities": (
                "vaerksted projektor moedelokale handicapadgang parkering legeplads "
                "wifi"
            ),
            "intro": "Aula og sløjdlokale, som klyngen må låne uden for skoletiden.",
            "booking_contact": "Skolens kontor",
            "booking_email": "kontor@molsskolen.dk",
            "booking_phone": "87 53 60 00",
            "opening_hours": "Hverdage efter kl. 17 og i weekender.",
        },
        {
            "title": "Agri Forsamlingshus",
            "slug": "agri-forsamlingshus",
            "kind": "forsamlingshus",
            "village": "Agri",
            "address": "Agri Bygade 14, 8420 Knebel",
            "coordinates": (56.2329, 10.5097),
            "capacity": 80,
            "facilities": "koekken borde-stole service opvarmet parkering",
            "intro": (
                "Hyggeligt forsamlingshus midt i Agri – perfekt til fællesspisning."
            ),
            "booking_contact": "Poul Erik Dam",
            "booking_email": "agriforsamlingshus@gmail.com",
            "booking_phone": "30 12 45 78",
            "opening_hours": "Udlejes hele året.",
        },
        {
            "title": "Shelterpladsen ved Tved",
            "slug": "shelterpladsen-ved-tved",
            "kind": "friluft",
            "village": "Tved",
            "address": "Tvedvej 30, 8420 Knebel",
            "coordinates": (56.1931, 10.4268),
            "capacity": 20,
            "facilities": "shelter baalplads udendoersareal parkering",
            "intro": "To shelters og en overdækket bålplads i kanten af Mols Bjerge.",
            "booking_contact": "Tved Spejderne",
            "booking_email": "shelter@molsiudvikling.dk",
            "booking_phone": "",
            "opening_hours": "Åben hele året. Overnatning bookes på forhånd.",
        },
    ],
    "events": [
        {
            "title": "Fællesspisning i Knebel Forsamlingshus",
            "days_ahead": 8,
            "start": (18, 0),
            "hours": 3,
            "meeting_place": "knebel-forsamlingshus",
            "intro": (
                "Tag naboen med: Vi spiser sammen for 60 kr. – børn under 12 gratis."
            ),
        },
        {
            "title": "Arbejdsdag: Vi bygger plantekasser",
            "days_ahead": 15,
            "start": (10, 0),
            "hours": 6,
            "meeting_place": "molsskolen",
            "intro": (
                "Vi bygger de første plantekasser til torvet. Frokost er sponsoreret."
            ),
        },
        {
            "title": "Bålaften for børnefamilier",
            "days_ahead": 22,
            "start": (17, 30),
            "hours": 2.5,
            "meeting_place": "shelterpladsen-ved-tved",
            "intro": "Snobrød, historiefortælling og gåtur i mørket i Mols Bjerge.",
        },
        {
            "title": "Borgermøde om stier mellem landsbyerne",
            "days_ahead": 36,
            "start": (19, 0),
            "hours": 2,
            "meeting_place": "agri-forsamlingshus",
            "intro": "Hvor skal de nye stier gå? Kom og sæt streger på kortet.",
        },
        {
            "title": "Molsløbet – motionsløb på tværs af landsbyerne",
            "days_ahead": 50,
            "start": (10, 0),
            "hours": 3,
            "meeting_place": "molshallen",
            "intro": (
                "5 og 10 km gennem Knebel, Vrinners og Agri. Start og mål ved hallen."
            ),
        },
    ],
    "action_plans": [
        {
            "title": "Grønne og levende landsbymidter",
            "slug": "groenne-og-levende-landsbymidter",
            "focus_area": "Fællesskab og mødesteder",
            "goal": (
                "Torvet i Knebel og pladsen ved Agri Forsamlingshus er grønne steder, "
                "hvor man mødes og bliver hængende."
            ),
            "status": "i_gang",
            "budget": 85_000,
            "funding": (
                "40.000 kr. er søgt hos Syddjurs Kommunes landdistriktspulje. Resten "
                "kommer fra klyngens loppemarked og lokale sponsorer."
            ),
            "funding_pools": [
                "Syddjurs Kommunes landdistriktspulje",
                "Landdistriktspuljen",
            ],
            "body": [
                paragraph(
                    "<p>Kortlægningen viste, at mange savner et sted at sætte sig i "
                    "landsbyerne. Vi starter med torvet i Knebel og tager erfaringerne "
                    "med til Agri og Femmøller.</p>"
                ),
            ],
            "tasks": [
                {
                    "title": "Byg plantekasser til torvet",
                    "description": (
                        "Tolv plantekasser i lærketræ efter arbejdsgruppens tegninger, "
                        "fire af dem med indbygget bænk. Vi bygger i sløjdlokalet på "
                        "Molsskolen."
                    ),
                    "skills": "tømrer, snedker, håndværk",
                    "volunteers_needed": 4,
                    "estimated_hours": 12,
                    "starts_in_days": 15,
                    "deadline_days": 45,
                    "village": "Knebel",
                    "meeting_place": "molsskolen",
                },
                {
                    "title": "Plant blomster og krydderurter i kasserne",
                    "description": "Vi planter sammen, når kasserne står på torvet.",
                    "skills": "havearbejde, planter",
                    "volunteers_needed": 8,
                    "estimated_hours": 3,
                    "deadline_days": 60,
                    "village": "Knebel",
                    "good_first_task": True,
                },
                {
                    "title": "Lav budget for plantekasser og beplantning",
                    "description": (
                        "Saml tilbud på træ, jord og planter, og lav et budget, vi kan "
                        "sende med ansøgningen til landdistriktspuljen."
                    ),
                    "skills": "regnskab, økonomi, budget",
                    "volunteers_needed": 1,
                    "estimated_hours": 6,
                    "deadline_days": 20,
                },
                {
                    "title": "Tegn en plan for pladsen ved Agri Forsamlingshus",
                    "description": "En enkel skitse med bænke, bålfad og beplantning.",
                    "skills": "tegning, landskabsarkitektur, design",
                    "volunteers_needed": 1,
                    "estimated_hours": 8,
                    "village": "Agri",
                    "meeting_place": "agri-forsamlingshus",
                },
            ],
        },
        {
            "title": "Mols på kortet",
            "slug": "mols-paa-kortet",
            "focus_area": "Bosætning og synlighed",
            "goal": (
                "Flere kender Mols som et godt sted at bo, og nye tilflyttere bliver "
                "budt velkommen personligt."
            ),
            "status": "planlagt",
            "budget": 25_000,
            "funding": "Dækkes af klyngens egen kasse og et tilskud fra kommunen.",
            "funding_pools": ["Syddjurs Kommunes landdistriktspulje"],
            "body": [
                paragraph(
                    "<p>Vi vil fortælle de gode historier fra landsbyerne og gøre det "
                    "let for nye at finde ind i fællesskabet.</p>"
                ),
            ],
            "tasks": [
                {
                    "title": "Driv klyngens Facebook-side",
                    "description": (
                        "Del nyheder og arrangementer fra alle seks landsbyer, og svar "
                        "på spørgsmål. Ca. en time om ugen."
                    ),
                    "skills": "sociale medier, facebook, kommunikation",
                    "volunteers_needed": 2,
                    "estimated_hours": 4,
                },
                {
                    "title": "Tag billeder til velkomstmappen",
                    "description": "Billeder af landsbyerne, naturen og livet i dem.",
                    "skills": "fotografering, foto",
                    "volunteers_needed": 2,
                    "estimated_hours": 5,
                    "good_first_task": True,
                },
                {
                    "title": "Skriv velkomstbrev til nye tilflyttere",
                    "description": "Et varmt brev med foreninger, kontakter og tips.",
                    "skills": "skrivning, kommunikation, dansk",
                    "volunteers_needed": 1,
                    "estimated_hours": 4,
                    "good_first_task": True,
                },
                {
                    "title": "Besøg nye tilflyttere med en velkomstkurv",
                    "description": "Kør ud med kurven og fortæl om livet på Mols.",
                    "skills": "besøgsven, snak, kørsel",
                    "volunteers_needed": 3,
                    "estimated_hours": 2,
                    "good_first_task": True,
                },
            ],
        },
        {
            "title": "Naturen som fælles samlingspunkt",
            "slug": "naturen-som-faelles-samlingspunkt",
            "focus_area": "Natur og friluftsliv",
            "goal": (
                "Der er stier mellem alle seks landsbyer, og shelterpladsen bruges."
            ),
            "status": "planlagt",
            "budget": 150_000,
            "funding": (
                "Ansøgning til Friluftsrådet og LAG Djursland er under udarbejdelse."
            ),
            "funding_pools": [
                "Friluftsrådets udlodningsmidler",
                "LAG-midler til lokal udvikling",
            ],
            "body": [],
            "tasks": [
                {
                    "title": "Ryd stien mellem Tved og Knebel",
                    "description": "Klip grene og fjern væltede træer langs stien.",
                    "skills": "naturpleje, fysisk arbejde, motorsav",
                    "volunteers_needed": 6,
                    "estimated_hours": 5,
                    "village": "Tved",
                    "good_first_task": True,
                },
                {
                    "title": "Søg fondsmidler til stier mellem landsbyerne",
                    "description": "Skriv ansøgningen til Friluftsrådet sammen med os.",
                    "skills": "fundraising, ansøgninger, skrivning",
                    "volunteers_needed": 1,
                    "estimated_hours": 15,
                    "deadline_days": 40,
                },
                {
                    "title": "Lær børnene at sejle jolle i Knebel Vig",
                    "description": (
                        "Sommerens sejlerskole for børn fra klyngen: vi har to joller "
                        "og mangler én, der kan sejle og holde øje med sikkerheden."
                    ),
                    "skills": "sejlads, livredning",
                    "volunteers_needed": 1,
                    "estimated_hours": 12,
                    "village": "Knebel",
                },
                {
                    "title": "Arranger bålaftener for børnefamilier",
                    "description": "Én aften om måneden ved shelterpladsen ved Tved.",
                    "skills": "børn, madlavning, arrangementer",
                    "volunteers_needed": 2,
                    "estimated_hours": 3,
                    "meeting_place": "shelterpladsen-ved-tved",
                },
            ],
        },
    ],
}

MELLEM_FJORDENE: Spec = {
    "title": "Landet mellem fjordene",
    "slug": "landet-mellem-fjordene",
    "municipality": "randers",
    "phase": "vision",
    "intro": (
        "Landsbyerne mellem Randers Fjord og Kattegat samarbejder om foreningsliv, "
        "fjorden og et godt hverdagsliv på landet."
    ),
    "contact_email": "kontakt@landetmellemfjordene.dk",
    "municipal_contact": "Rasmus Thygesen, landdistriktskonsulent",
    "municipal_contact_email": "kommune@randers.dk",
    "editor": {
        "email": "redaktoer@landetmellemfjordene.dk",
        "first_name": "Thomas",
        "last_name": "Kjeldsen",
    },
    "villages": [
        ("Havndal", "8970", 56.6466, 10.1931),
        ("Udbyhøj", "8970", 56.6088, 10.3046),
        ("Dalbyover", "8970", 56.6263, 10.1117),
        ("Gjerlev", "8983", 56.5874, 10.1392),
        ("Kastbjerg", "8970", 56.6148, 10.2205),
        ("Øster Tørslev", "8983", 56.5570, 10.2071),
    ],
    "steering_group": [
        ("Hanne Vestergaard", "Formand", "Havndal"),
        ("Søren Bundgaard", "Næstformand", "Øster Tørslev"),
        ("Kirsten Lauridsen", "Kasserer", "Gjerlev"),
        ("Morten Skov", "Medlem", "Udbyhøj"),
        ("Inge Dalsgaard", "Medlem", "Dalbyover"),
        ("Niels Kastbjerg Poulsen", "Medlem", "Kastbjerg"),
    ],
    "vision": (
        "<h2>Fællesskab mellem fjordene</h2>"
        "<p>Vi vil være et landområde, hvor foreningerne hjælper hinanden, hvor "
        "fjorden og kysten er noget, vi er stolte af og bruger, og hvor "
        "børnefamilier vælger at slå sig ned.</p>"
        "<h3>Det arbejder vi med</h3>"
        "<ol><li>Stærke foreninger på tværs af landsbyerne</li>"
        "<li>Fjorden og kysten som fælles attraktion</li>"
        "<li>Gode forhold for børn og unge</li></ol>"
    ),
    "description": [
        heading("Seks landsbyer – ét landområde"),
        paragraph(
            "<p>Havndal, Udbyhøj, Dalbyover, Gjerlev, Kastbjerg og Øster Tørslev "
            "ligger mellem Randers Fjord og Mariager Fjord. Vi deler skole, hal og "
            "færgeleje, og nu også en fælles styregruppe.</p>"
        ),
        fact_box(
            "Klyngen i tal",
            [("Landsbyer", "6"), ("Indbyggere", "ca. 4.100"), ("Skoler", "2")],
        ),
        quote(
            "Hvis vi vil have vores landsbyer til at bestå, så er vi nødt til at gøre "
            "noget selv – og sammen.",
            "Hanne Vestergaard, formand",
        ),
        heading("Vi er i visionsfasen"),
        paragraph(
            "<p>Lige nu samler vi idéerne fra kortlægningen til en fælles vision. Kom "
            "til visionsværkstedet, eller skriv til styregruppen.</p>"
        ),
        call_to_action(
            "Vær med i visionsarbejdet",
            "Svar på spørgeskemaet og fortæl os, hvad der betyder mest for dig.",
            "Til spørgeskemaet",
            page_slug="kortlaegning",
        ),
    ],
    "news": [
        {
            "title": "Klyngen har fået navn: Landet mellem fjordene",
            "days_ago": 4,
            "tags": ["klyngen", "identitet"],
            "intro": "Over 200 forslag kom ind, og det vindende navn blev fundet ved "
            "afstemning.",
            "body": [
                paragraph(
                    "<p>Navnekonkurrencen gav 214 forslag. Ved afstemningen i Havndal "
                    "Hallen vandt „Landet mellem fjordene“ med klar margin.</p>"
                ),
            ],
        },
        {
            "title": "Visionsværksted: 90 borgere satte ord på fremtiden",
            "days_ago": 23,
            "tags": ["vision", "borgermøde"],
            "intro": (
                "Børn og unge, foreninger og erhvervsliv bidrog til klyngens vision."
            ),
            "body": [
                paragraph(
                    "<p>I Gjerlev Forsamlingshus arbejdede 90 borgere ved otte borde "
                    "med hver sit tema. Styregruppen samler nu forslagene til et "
                    "udkast til visionen.</p>"
                ),
                quote(
                    "Vi unge vil gerne have et sted at være om aftenen, der ikke er "
                    "inde i Randers.",
                    "Emma, 15 år, Øster Tørslev",
                ),
            ],
        },
        {
            "title": "Havndal Hallen får solceller på taget",
            "days_ago": 48,
            "tags": ["grøn omstilling", "hallen"],
            "intro": "Solcellerne skal sænke hallens elregning med en tredjedel.",
            "body": [
                paragraph(
                    "<p>Med støtte fra Lokale- og Anlægsfonden monteres 180 "
                    "solcellepaneler på hallens tag. Overskuddet går til "
                    "børneholdene.</p>"
                ),
            ],
        },
        {
            "title": "Udbyhøj Havn skal være klyngens fælles udflugtsmål",
            "days_ago": 81,
            "tags": ["fjorden", "natur"],
            "intro": "En arbejdsgruppe vil gøre havnen til et samlingspunkt for hele "
            "klyngen.",
            "body": [
                paragraph(
                    "<p>Med kabelfærgen, fiskerhusene og udsigten over fjorden har "
                    "Udbyhøj noget helt særligt. Arbejdsgruppen foreslår bænke, "
                    "en badebro og en fælles madpakkehytte.</p>"
                ),
            ],
        },
    ],
    "meeting_places": [
        {
            "title": "Havndal Hallen",
            "slug": "havndal-hallen",
            "kind": "hal",
            "village": "Havndal",
            "address": "Idrætsvej 4, 8970 Havndal",
            "coordinates": (56.6449, 10.1958),
            "capacity": 500,
            "facilities": (
                "bad handicapadgang handicaptoilet parkering lydanlaeg "
                "anretterkoekken opvarmet"
            ),
            "intro": "Hal med cafeteria, fitnessrum og plads til store arrangementer.",
            "booking_contact": "Halinspektør Jan Møller",
            "booking_email": "booking@havndalhallen.dk",
            "booking_phone": "86 47 00 11",
            "opening_hours": "Alle dage 7–23.",
        },
        {
            "title": "Gjerlev Forsamlingshus",
            "slug": "gjerlev-forsamlingshus",
            "kind": "forsamlingshus",
            "village": "Gjerlev",
            "address": "Forsamlingshusvej 1, 8983 Gjerlev J",
            "coordinates": (56.5868, 10.1405),
            "capacity": 140,
            "facilities": (
                "koekken scene borde-stole service handicapadgang parkering projektor"
            ),
            "intro": (
                "Stor sal med scene og projektor – her holdes klyngens værksteder."
            ),
            "booking_contact": "Karen Mikkelsen",
            "booking_email": "gjerlevforsamlingshus@gmail.com",
            "booking_phone": "22 33 44 55",
            "opening_hours": "Udlejes hele året.",
        },
        {
            "title": "Udbyhøj Havn",
            "slug": "udbyhoej-havn",
            "kind": "havn",
            "village": "Udbyhøj",
            "address": "Havnevej 10, 8970 Havndal",
            "coordinates": (56.6094, 10.3061),
            "capacity": 60,
            "facilities": "udendoersareal baalplads parkering handicaptoilet",
            "intro": "Havn og færgeleje ved mundingen af Randers Fjord.",
            "booking_contact": "Udbyhøj Bådelaug",
            "booking_email": "havn@udbyhoej.dk",
            "booking_phone": "40 50 60 70",
            "opening_hours": "Åben hele året.",
        },
        {
            "title": "Øster Tørslev Skole",
            "slug": "oester-toerslev-skole",
            "kind": "skole",
            "village": "Øster Tørslev",
            "address": "Skolegade 6, 8983 Gjerlev J",
            "coordinates": (56.5581, 10.2085),
            "capacity": 150,
            "facilities": "vaerksted projektor moedelokale legeplads wifi",
            "intro": "Skolens aula, værksted og boldbane kan lånes af klyngen.",
            "booking_contact": "Skolens kontor",
            "booking_email": "kontor@oestertoerslevskole.dk",
            "booking_phone": "89 15 40 00",
            "opening_hours": "Hverdage efter kl. 16 og i weekender.",
        },
        {
            "title": "Dalbyover Kirke",
            "slug": "dalbyover-kirke",
            "kind": "kirke",
            "village": "Dalbyover",
            "address": "Kirkevej 3, 8970 Havndal",
            "coordinates": (56.6270, 10.1102),
            "capacity": 180,
            "facilities": "handicapadgang parkering opvarmet",
            "intro": "Landsbykirke, der også bruges til koncerter og foredrag.",
            "booking_contact": "Kordegnen",
            "booking_email": "kirkekontor@dalbyover.dk",
            "booking_phone": "86 47 50 12",
            "opening_hours": "Dagligt 8–16.",
        },
        {
            "title": "Spejderhytten i Kastbjerg",
            "slug": "spejderhytten-i-kastbjerg",
            "kind": "klubhus",
            "village": "Kastbjerg",
            "address": "Skovvej 21, 8970 Havndal",
            "coordinates": (56.6163, 10.2180),
            "capacity": 35,
            "facilities": "overnatning koekken baalplads shelter",
            "intro": "Spejdernes hytte med sovesal, køkken og bålplads i skovkanten.",
            "booking_contact": "Kastbjerg Spejderne",
            "booking_email": "hytten@kastbjergspejder.dk",
            "booking_phone": "",
            "opening_hours": "Weekender efter aftale.",
        },
    ],
    "events": [
        {
            "title": "Visionsværksted nr. 2",
            "days_ahead": 10,
            "start": (19, 0),
            "hours": 2.5,
            "meeting_place": "gjerlev-forsamlingshus",
            "intro": "Vi samler trådene fra første værksted. Kaffe og kage fra 18.30.",
        },
        {
            "title": "Foredrag: Fuglelivet ved Randers Fjord",
            "days_ahead": 17,
            "start": (19, 30),
            "hours": 2,
            "meeting_place": "dalbyover-kirke",
            "intro": "Lokal ornitolog fortæller om de fugle, der raster ved fjorden.",
        },
        {
            "title": "Stort loppemarked i hallen",
            "days_ahead": 24,
            "start": (10, 0),
            "hours": 5,
            "meeting_place": "havndal-hallen",
            "intro": "Overskuddet går til klyngens fælles projekter. Stadeplads 50 kr.",
        },
        {
            "title": "Fællesspisning ved havnen",
            "days_ahead": 38,
            "start": (17, 30),
            "hours": 3,
            "meeting_place": "udbyhoej-havn",
            "intro": "Grill, fiskefrikadeller og udsigt over fjorden.",
        },
    ],
    "action_plans": [
        {
            "title": "Stærke foreninger på tværs",
            "slug": "staerke-foreninger-paa-tvaers",
            "focus_area": "Fællesskab og foreningsliv",
            "goal": (
                "Foreningerne deler frivillige, udstyr og kalender, så ingen "
                "arrangementer kolliderer, og ingen forening må lukke."
            ),
            "status": "planlagt",
            "budget": 40_000,
            "funding": "Søges hos Randers Kommunes landsbypulje.",
            "funding_pools": ["Randers Kommunes landsbypulje"],
            "body": [
                paragraph(
                    "<p>Kortlægningen viste 37 foreninger i klyngen – og at de fleste "
                    "mangler frivillige til bestyrelser og praktiske opgaver.</p>"
                ),
            ],
            "tasks": [
                {
                    "title": "Driv klyngens Facebook-side",
                    "description": (
                        "Saml opslag fra foreningerne, og hold den fælles kalender "
                        "opdateret på Facebook."
                    ),
                    "skills": "sociale medier, facebook, kommunikation",
                    "volunteers_needed": 2,
                    "estimated_hours": 4,
                },
                {
                    "title": "Lav budget for den fælles foreningskalender",
                    "description": "Hvad koster tryk, hjemmeside og uddeling?",
                    "skills": "regnskab, økonomi, budget",
                    "volunteers_needed": 1,
                    "estimated_hours": 5,
                    "deadline_days": 30,
                },
                {
                    "title": "Hjælp foreningerne med medlemssystem",
                    "description": "Sæt et fælles, gratis medlemssystem op.",
                    "skills": "it, databaser, foreningsadministration",
                    "volunteers_needed": 1,
                    "estimated_hours": 10,
                },
                {
                    "title": "Stå i boden til loppemarkedet",
                    "description": "Sælg kaffe og kage i to timer.",
                    "skills": "salg, kundeservice",
                    "volunteers_needed": 6,
                    "estimated_hours": 2,
                    "meeting_place": "havndal-hallen",
                    "good_first_task": True,
                },
            ],
        },
        {
            "title": "Fjorden som fælles attraktion",
            "slug": "fjorden-som-faelles-attraktion",
            "focus_area": "Natur og friluftsliv",
            "goal": (
                "Udbyhøj Havn har bænke, badebro og madpakkehytte, og torvet i "
                "Havndal er grønt."
            ),
            "status": "ide",
            "budget": 220_000,
            "funding": "Ansøgninger til LAG og Lokale- og Anlægsfonden forberedes.",
            "funding_pools": [
                "LAG-midler til lokal udvikling",
                "Lokale- og Anlægsfonden",
            ],
            "body": [],
            "tasks": [
                {
                    "title": "Byg plantekasser til torvet",
                    "description": "Seks store plantekasser til torvet i Havndal.",
                    "skills": "tømrer, snedker, håndværk",
                    "volunteers_needed": 3,
                    "estimated_hours": 10,
                    "starts_in_days": 20,
                    "deadline_days": 60,
                    "village": "Havndal",
                },
                {
                    "title": "Lav budget for badebro og madpakkehytte",
                    "description": "Indhent tilbud og lav budget til ansøgningen.",
                    "skills": "regnskab, økonomi, budget",
                    "volunteers_needed": 1,
                    "estimated_hours": 8,
                    "village": "Udbyhøj",
                },
                {
                    "title": "Saml affald langs fjorden",
                    "description": "Vi går fra Udbyhøj mod Voer med sække og tænger.",
                    "skills": "natur, fysisk arbejde",
                    "volunteers_needed": 15,
                    "estimated_hours": 3,
                    "village": "Udbyhøj",
                    "meeting_place": "udbyhoej-havn",
                    "good_first_task": True,
                },
                {
                    "title": "Tegn skilte til fjordstien",
                    "description": "Enkle skilte med fugle og planter langs stien.",
                    "skills": "grafisk design, tegning",
                    "volunteers_needed": 1,
                    "estimated_hours": 6,
                },
            ],
        },
    ],
}

MIDTLYN: Spec = {
    "title": "Landet på Midtlyn",
    "slug": "landet-paa-midtlyn",
    "municipality": "faaborg-midtfyn",
    "phase": "kortlaegning",
    "intro": (
        "Fem landsbyer syd for Odense kortlægger, hvad de har, og hvad de kan sammen – "
        "fra Carl Nielsens barndomsegn til Sdr. Nærå."
    ),
    "contact_email": "kontakt@landetpaamidtlyn.dk",
    "municipal_contact": "Lone Frandsen, landdistriktskoordinator",
    "municipal_contact_email": "kommune@faaborg-midtfyn.dk",
    "editor": {
        "email": "redaktoer@landetpaamidtlyn.dk",
        "first_name": "Mette",
        "last_name": "Ravn",
    },
    "villages": [
        ("Nørre Lyndelse", "5792", 55.2636, 10.3839),
        ("Nørre Søby", "5792", 55.2441, 10.4527),
        ("Sønder Nærå", "5792", 55.2268, 10.4706),
        ("Årslev", "5792", 55.3032, 10.4637),
        ("Pederstrup", "5792", 55.2867, 10.4995),
    ],
    "steering_group": [
        ("Peter Friis", "Formand", "Nørre Lyndelse"),
        ("Anne Marie Skytte", "Næstformand", "Årslev"),
        ("Claus Winther", "Kasserer", "Nørre Søby"),
        ("Dorthe Juhl", "Sekretær", "Sønder Nærå"),
        ("Ole Pedersen", "Medlem", "Pederstrup"),
    ],
    "vision": (
        "<h2>Vi er ved at finde vores fælles vision</h2>"
        "<p>Klyngen er i gang med kortlægningen. Når den er færdig, samler vi "
        "resultaterne til en vision med tre til fem indsatsområder.</p>"
        "<p>Foreløbig peger borgerne især på <b>kultur og musik</b>, <b>trafiksikre "
        "veje</b> og <b>mødesteder for unge</b>.</p>"
    ),
    "description": [
        heading("Om klyngen"),
        paragraph(
            "<p>Nørre Lyndelse, Nørre Søby, Sønder Nærå, Årslev og Pederstrup ligger "
            "tæt, men har længe arbejdet hver for sig. I Landet på Midtlyn vil vi "
            "dele mødesteder, foreninger og gode idéer.</p>"
        ),
        fact_box(
            "Klyngen i tal",
            [("Landsbyer", "5"), ("Indbyggere", "ca. 5.200"), ("Friskoler", "1")],
        ),
        heading("Kortlægningen er i gang"),
        paragraph(
            "<p>Vi vil gerne vide, hvor du mødes med andre, og hvad du savner. Svar på "
            "spørgeskemaet – det tager fem minutter.</p>"
        ),
        call_to_action(
            "Svar på kortlægningen",
            "Dine svar bestemmer, hvad klyngen arbejder med de næste år.",
            "Til spørgeskemaet",
            page_slug="kortlaegning",
        ),
    ],
    "news": [
        {
            "title": "Kortlægningen af Midtlyn er skudt i gang",
            "days_ago": 9,
            "tags": ["kortlægning", "spørgeskema"],
            "intro": (
                "Alle husstande i de fem landsbyer får et spørgeskema i postkassen."
            ),
            "body": [
                paragraph(
                    "<p>Spørgeskemaet kan også besvares her på siden. Frivillige går "
                    "rundt med skemaet til de ældre, der ikke er på nettet.</p>"
                ),
            ],
        },
        {
            "title": "Styregruppen er på plads",
            "days_ago": 34,
            "tags": ["styregruppe", "klyngen"],
            "intro": "Fem borgere – én fra hver landsby – skal lede klyngen de første "
            "18 måneder.",
            "body": [
                paragraph(
                    "<p>Peter Friis fra Nørre Lyndelse er valgt som formand. Han har "
                    "tidligere stået for musikfestivalen i Carl Nielsens "
                    "barndomsegn.</p>"
                ),
            ],
        },
        {
            "title": "Koncert i Carl Nielsens Barndomshjem samlede hele klyngen",
            "days_ago": 58,
            "tags": ["kultur", "musik"],
            "intro": "Et lokalt kor sang Carl Nielsen for et fuldt hus.",
            "body": [
                paragraph(
                    "<p>Koret bestod af sangere fra alle fem landsbyer, og efter "
                    "koncerten var der fællessang i haven.</p>"
                ),
                quote(
                    "Det var første gang, vi sang sammen på tværs af byerne.",
                    "Dorthe Juhl, styregruppen",
                ),
            ],
        },
        {
            "title": "Opstartsmøde: Det siger borgerne om Midtlyn",
            "days_ago": 110,
            "tags": ["borgermøde", "klyngen"],
            "intro": "Trafik, unge og kultur fyldte mest på opstartsmødet.",
            "body": [
                paragraph(
                    "<p>75 borgere var mødt op i Sdr. Nærå Fri- og Efterskole for at "
                    "høre om landsbyklynger og give deres bud på, hvad der er vigtigt "
                    "i lokalområdet.</p>"
                ),
            ],
        },
    ],
    "meeting_places": [
        {
            "title": "Carl Nielsens Barndomshjem",
            "slug": "carl-nielsens-barndomshjem",
            "kind": "andet",
            "village": "Nørre Lyndelse",
            "address": "Odensevej 2A, 5792 Årslev",
            "coordinates": (55.2654, 10.3861),
            "capacity": 40,
            "facilities": "udendoersareal parkering borde-stole",
            "intro": "Museum i komponistens barndomshjem med have til koncerter.",
            "booking_contact": "Museets formidler",
            "booking_email": "booking@carlnielsen-barndomshjem.dk",
            "booking_phone": "",
            "opening_hours": "Efter aftale uden for museets åbningstid.",
        },
        {
            "title": "Nørre Søby Forsamlingshus",
            "slug": "noerre-soeby-forsamlingshus",
            "kind": "forsamlingshus",
            "village": "Nørre Søby",
            "address": "Bygaden 18, 5792 Årslev",
            "coordinates": (55.2448, 10.4515),
            "capacity": 100,
            "facilities": "koekken borde-stole service handicapadgang wifi",
            "intro": "Forsamlingshus med nyrenoveret køkken og plads til 100.",
            "booking_contact": "Jette Lund",
            "booking_email": "udlejning@nrsoebyforsamlingshus.dk",
            "booking_phone": "24 68 10 12",
            "opening_hours": "Udlejes hele året.",
        },
        {
            "title": "Sdr. Nærå Fri- og Efterskole",
            "slug": "sdr-naeraa-fri-og-efterskole",
            "kind": "skole",
            "village": "Sønder Nærå",
            "address": "Skolevej 3, 5792 Årslev",
            "coordinates": (55.2259, 10.4721),
            "capacity": 200,
            "facilities": (
                "projektor moedelokale handicapadgang handicaptoilet koekken "
                "overnatning"
            ),
            "intro": "Skolens sal og spisesal bruges til klyngens borgermøder.",
            "booking_contact": "Skolens kontor",
            "booking_email": "kontor@sdrnaeraa.dk",
            "booking_phone": "65 90 10 20",
            "opening_hours": "Hverdage efter kl. 17.",
        },
        {
            "title": "Årslev Idrætscenter",
            "slug": "aarslev-idraetscenter",
            "kind": "hal",
            "village": "Årslev",
            "address": "Idrætsvej 6, 5792 Årslev",
            "coordinates": (55.3019, 10.4652),
            "capacity": 450,
            "facilities": (
                "bad handicapadgang handicaptoilet parkering lydanlaeg opvarmet"
            ),
            "intro": "To haller, fitness og cafeteria.",
            "booking_contact": "Centerleder",
            "booking_email": "booking@aarslevidraetscenter.dk",
            "booking_phone": "65 99 12 12",
            "opening_hours": "Alle dage 6–23.",
        },
        {
            "title": "Naturlegepladsen i Pederstrup",
            "slug": "naturlegepladsen-i-pederstrup",
            "kind": "friluft",
            "village": "Pederstrup",
            "address": "Pederstrupvej 12, 5792 Årslev",
            "coordinates": (55.2872, 10.5010),
            "capacity": 50,
            "facilities": "legeplads baalplads udendoersareal",
            "intro": "Legeplads af træ og sten, bålplads og borde-bænkesæt.",
            "booking_contact": "Pederstrup Beboerforening",
            "booking_email": "naturlegeplads@pederstrup.dk",
            "booking_phone": "",
            "opening_hours": "Altid åben.",
        },
    ],
    "events": [
        {
            "title": "Kortlægningsmøde: Hvor mødes vi?",
            "days_ahead": 7,
            "start": (19, 0),
            "hours": 2,
            "meeting_place": "noerre-soeby-forsamlingshus",
            "intro": "Vi sætter klyngens mødesteder på kortet. Alle er velkomne.",
        },
        {
            "title": "Koncert i Carl Nielsens Barndomshjem",
            "days_ahead": 19,
            "start": (16, 0),
            "hours": 1.5,
            "meeting_place": "carl-nielsens-barndomshjem",
            "intro": (
                "Strygekvartet spiller Carl Nielsen. Gratis adgang, begrænset plads."
            ),
        },
        {
            "title": "Familiedag på naturlegepladsen",
            "days_ahead": 29,
            "start": (11, 0),
            "hours": 4,
            "meeting_place": "naturlegepladsen-i-pederstrup",
            "intro": "Bål, snobrød og skattejagt for hele familien.",
        },
    ],
    "action_plans": [
        {
            "title": "Kortlægning og første fælles projekter",
            "slug": "kortlaegning-og-foerste-faelles-projekter",
            "focus_area": "Fællesskab og mødesteder",
            "goal": (
                "Kortlægningen er færdig, og to små projekter viser, at klyngen kan "
                "handle, mens visionen bliver til."
            ),
            "status": "i_gang",
            "budget": 30_000,
            "funding": "Kommunens landdistriktspulje har givet 30.000 kr. til opstart.",
            "funding_pools": ["Faaborg-Midtfyn Kommunes landdistriktspulje"],
            "body": [
                paragraph(
                    "<p>Mens kortlægningen står på, vil vi gerne vise, at klyngen kan "
                    "gøre en forskel med det samme.</p>"
                ),
            ],
            "tasks": [
                {
                    "title": "Byg plantekasser til torvet",
                    "description": "Fire plantekasser til pladsen ved Årslev Station.",
                    "skills": "tømrer, snedker, håndværk",
                    "volunteers_needed": 2,
                    "estimated_hours": 8,
                    "village": "Årslev",
                },
                {
                    "title": "Driv klyngens Facebook-side",
                    "description": "Fortæl om kortlægningen, og del spørgeskemaet.",
                    "skills": "sociale medier, facebook, kommunikation",
                    "volunteers_needed": 1,
                    "estimated_hours": 3,
                },
                {
                    "title": "Lav budget for kortlægningsmøderne",
                    "description": "Leje, forplejning og tryk af spørgeskemaer.",
                    "skills": "regnskab, økonomi, budget",
                    "volunteers_needed": 1,
                    "estimated_hours": 3,
                    "deadline_days": 14,
                },
                {
                    "title": "Del spørgeskemaet ud i postkasserne",
                    "description": (
                        "En rute på cykel eller til fods i din egen landsby."
                    ),
                    "skills": "gåture, cykling",
                    "volunteers_needed": 10,
                    "estimated_hours": 2,
                    "deadline_days": 10,
                    "good_first_task": True,
                },
                {
                    "title": "Interview ældre om landsbyernes historie",
                    "description": "Optag korte samtaler til klyngens hjemmeside.",
                    "skills": "interview, lokalhistorie, lydoptagelse",
                    "volunteers_needed": 2,
                    "estimated_hours": 6,
                    "village": "Nørre Lyndelse",
                },
            ],
        },
    ],
}

HAND_WRITTEN_CLUSTERS: list[Spec] = [MOLS, MELLEM_FJORDENE, MIDTLYN]
for _spec in HAND_WRITTEN_CLUSTERS:
    _spec["survey"] = survey_spec([name for name, *_ in _spec["villages"]])


# ------------------------------------------------------------------------------
# Material for generated clusters, news and tasks
# ------------------------------------------------------------------------------

# Rural municipalities with an approximate inland centre (lat, lng) and a postcode.
MUNICIPALITY_AREAS: dict[str, tuple[float, float, str]] = {
    "thisted": (56.96, 8.70, "7700"),
    "morsoe": (56.79, 8.75, "7900"),
    "skive": (56.57, 9.03, "7800"),
    "viborg": (56.45, 9.40, "8800"),
    "holstebro": (56.36, 8.62, "7500"),
    "lemvig": (56.53, 8.35, "7620"),
    "struer": (56.48, 8.62, "7600"),
    "ringkoebing-skjern": (56.02, 8.45, "6950"),
    "herning": (56.14, 8.97, "7400"),
    "ikast-brande": (56.02, 9.18, "7430"),
    "silkeborg": (56.17, 9.55, "8600"),
    "skanderborg": (56.04, 9.93, "8660"),
    "odder": (55.96, 10.12, "8300"),
    "norddjurs": (56.45, 10.65, "8500"),
    "syddjurs": (56.28, 10.50, "8410"),
    "favrskov": (56.30, 9.95, "8370"),
    "randers": (56.50, 10.00, "8900"),
    "mariagerfjord": (56.68, 9.95, "9500"),
    "rebild": (56.83, 9.85, "9530"),
    "vesthimmerlands": (56.80, 9.40, "9600"),
    "jammerbugt": (57.12, 9.55, "9440"),
    "broenderslev": (57.27, 10.00, "9700"),
    "hjoerring": (57.42, 9.98, "9800"),
    "frederikshavn": (57.38, 10.40, "9900"),
    "hedensted": (55.77, 9.70, "8722"),
    "horsens": (55.87, 9.75, "8700"),
    "vejle": (55.72, 9.35, "7100"),
    "billund": (55.73, 9.10, "7190"),
    "varde": (55.65, 8.60, "6800"),
    "vejen": (55.48, 9.14, "6600"),
    "esbjerg": (55.50, 8.70, "6700"),
    "toender": (54.96, 8.90, "6270"),
    "aabenraa": (55.04, 9.30, "6200"),
    "soenderborg": (54.95, 9.70, "6400"),
    "haderslev": (55.25, 9.40, "6100"),
    "kolding": (55.50, 9.35, "6000"),
    "assens": (55.27, 9.95, "5610"),
    "faaborg-midtfyn": (55.20, 10.40, "5750"),
    "svendborg": (55.10, 10.55, "5700"),
    "nyborg": (55.30, 10.72, "5800"),
    "kerteminde": (55.43, 10.60, "5300"),
    "nordfyns": (55.50, 10.20, "5400"),
    "middelfart": (55.45, 9.88, "5500"),
    "lolland": (54.82, 11.30, "4900"),
    "guldborgsund": (54.85, 11.90, "4800"),
    "vordingborg": (55.05, 11.90, "4760"),
    "naestved": (55.23, 11.70, "4700"),
    "faxe": (55.28, 12.05, "4640"),
    "stevns": (55.33, 12.25, "4660"),
    "ringsted": (55.44, 11.79, "4100"),
    "soroe": (55.43, 11.56, "4180"),
    "slagelse": (55.38, 11.40, "4200"),
    "kalundborg": (55.65, 11.15, "4400"),
    "holbaek": (55.67, 11.65, "4300"),
    "odsherred": (55.85, 11.60, "4500"),
    "lejre": (55.60, 11.95, "4320"),
    "gribskov": (56.02, 12.22, "3200"),
    "halsnaes": (55.95, 12.00, "3300"),
}

VILLAGE_PREFIXES = ["Nørre", "Sønder", "Øster", "Vester", "Store", "Lille", "Ny"]
VILLAGE_STEMS = [
    "Bjer",
    "Hvid",
    "Ager",
    "Tors",
    "Hald",
    "Skov",
    "Vind",
    "Ring",
    "Bred",
    "Hol",
    "Kirke",
    "Mølle",
    "Ege",
    "Bøge",
    "Aske",
    "Fjel",
    "Sand",
    "Rød",
    "Lyng",
    "Val",
    "Gjer",
    "Hjort",
    "Ravn",
    "Tange",
    "Ulv",
    "Elle",
    "Hørs",
    "Kol",
    "Lun",
    "Spang",
]
VILLAGE_SUFFIXES = [
    "by",
    "rup",
    "strup",
    "løse",
    "sted",
    "lev",
    "bøl",
    "holm",
    "inge",
    "ved",
    "toft",
    "bjerg",
    "høj",
    "lund",
    "um",
    "drup",
    "borg",
    "skov",
]
STREETS = ["Hovedgaden", "Bygaden", "Skolevej", "Kirkevej", "Møllevej", "Engvej"]

CLUSTER_NAME_PATTERNS = [
    "{village} og omegn",
    "Landet omkring {village}",
    "{village}-klyngen",
    "Landsbyerne ved {village} Å",
    "Fællesskabet {village}–{village2}",
    "Landsbyklyngen {municipality} {direction}",
    "Sammen om {village}",
    "Klyngen ved {village} Sø",
]
DIRECTIONS = ["Nord", "Syd", "Øst", "Vest", "Midt"]

FIRST_NAMES = [
    "Anne",
    "Mette",
    "Hanne",
    "Lone",
    "Karen",
    "Susanne",
    "Camilla",
    "Ida",
    "Sofie",
    "Maja",
    "Jens",
    "Peter",
    "Lars",
    "Søren",
    "Niels",
    "Mads",
    "Rasmus",
    "Anders",
    "Mikkel",
    "Kasper",
]
LAST_NAMES = [
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Madsen",
    "Kristensen",
    "Mortensen",
    "Holm",
    "Bech",
    "Lund",
    "Skov",
    "Dahl",
]
STEERING_ROLES = ["Formand", "Næstformand", "Kasserer", "Sekretær", "Medlem", "Medlem"]

# (focus area, action plan title, goal)
FOCUS_AREAS = [
    (
        "Fællesskab og mødesteder",
        "Levende mødesteder",
        "Forsamlingshusene bruges hver uge, og der er et grønt sted at mødes i hver "
        "landsby.",
    ),
    (
        "Natur og friluftsliv",
        "Naturen som samlingspunkt",
        "Der er stier mellem landsbyerne og en bålplads, som alle kan bruge.",
    ),
    (
        "Bosætning og synlighed",
        "Flere vil bo hos os",
        "Nye tilflyttere bliver budt velkommen, og flere kender området.",
    ),
    (
        "Børn og unge",
        "Plads til børn og unge",
        "Børn og unge har aktiviteter og et sted at være efter skole.",
    ),
    (
        "Mobilitet og trafik",
        "Let at komme rundt",
        "Det er trygt at cykle mellem landsbyerne, og samkørsel er nemt.",
    ),
    (
        "Kultur og foreningsliv",
        "Kultur for alle",
        "Foreningerne samarbejder, og der er kulturtilbud året rundt.",
    ),
    (
        "Grøn omstilling",
        "En grøn klynge",
        "Klyngen har fælles energiprojekter og deler redskaber og værktøj.",
    ),
]

# (kind, title pattern, capacity range, facilities)
MEETING_PLACE_KINDS: list[tuple[str, str, tuple[int, int], list[str]]] = [
    (
        "forsamlingshus",
        "{village} Forsamlingshus",
        (60, 180),
        ["koekken", "borde-stole", "service", "handicapadgang", "parkering", "scene"],
    ),
    (
        "hal",
        "{village} Hallen",
        (150, 600),
        ["bad", "handicapadgang", "handicaptoilet", "parkering", "lydanlaeg"],
    ),
    (
        "skole",
        "{village} Skole",
        (60, 220),
        ["vaerksted", "projektor", "moedelokale", "handicapadgang", "legeplads"],
    ),
    (
        "kirke",
        "{village} Kirke",
        (80, 250),
        ["handicapadgang", "parkering", "opvarmet"],
    ),
    (
        "friluft",
        "Shelterpladsen ved {village}",
        (10, 40),
        ["shelter", "baalplads", "udendoersareal"],
    ),
    (
        "klubhus",
        "{village} Boldklubs klubhus",
        (30, 80),
        ["koekken", "bad", "parkering", "wifi"],
    ),
    ("koebmand", "Købmanden i {village}", (15, 40), ["wifi", "handicapadgang"]),
]

# (title, intro) for events at a generated cluster's first meeting place
EVENT_TEMPLATES = [
    ("Fællesspisning i {place}", "Vi spiser sammen. Tilmelding til styregruppen."),
    ("Borgermøde om klyngens handleplan", "Hør om planerne, og sig din mening."),
    ("Loppemarked til fordel for klyngen", "Gør et godt køb og støt klyngen."),
    ("Foredrag: Landsbyernes historie", "Lokalhistorisk forening fortæller."),
    ("Strikkecafé og kaffe", "Tag dit strikketøj med – kaffen er gratis."),
]

# (title, intro, paragraph, tags); {village}, {village2} and {cluster} are filled in.
NEWS_TEMPLATES: list[tuple[str, str, str, list[str]]] = [
    (
        "Generalforsamling i {village} Borgerforening",
        "Borgerforeningen inviterer til generalforsamling med valg og nyt fra klyngen.",
        "Der skal vælges to nye medlemmer til bestyrelsen, og styregruppen fortæller "
        "om arbejdet i {cluster}.",
        ["generalforsamling", "foreninger"],
    ),
    (
        "Ny legeplads i {village} er klar til brug",
        "Efter et halvt års arbejde kan børnene indtage den nye legeplads.",
        "Legepladsen er bygget af frivillige forældre med støtte fra kommunens "
        "landdistriktspulje.",
        ["børn og unge", "legeplads"],
    ),
    (
        "Fællesspisning i {village} samlede over 100",
        "Der var fuldt hus, da landsbyerne spiste sammen.",
        "Madholdet fra {village2} stod for maden, og børnene dækkede bord.",
        ["fællesspisning", "fællesskab"],
    ),
    (
        "Ønske om cykelsti mellem {village} og {village2}",
        "Klyngen har sendt et fælles ønske om en sikker cykelsti til kommunen.",
        "Over 300 har skrevet under på ønsket om en cykelsti, så børnene trygt kan "
        "cykle til skole.",
        ["trafik", "cykelsti"],
    ),
    (
        "Loppemarked gav overskud til {cluster}",
        "Loppemarkedet blev det hidtil bedste.",
        "Overskuddet går til klyngens fælles projekter, bl.a. plantekasser og en ny "
        "bålplads.",
        ["loppemarked", "økonomi"],
    ),
    (
        "Frivillige ryddede stien ved {village}",
        "Tyve frivillige tog fat med sav og grensakse.",
        "Stien mellem {village} og {village2} kan nu bruges igen af gående og "
        "cyklister.",
        ["natur", "frivillige"],
    ),
    (
        "Velkomstkomité tager imod nye tilflyttere i {village}",
        "Nye beboere får besøg og en kurv med lokale varer.",
        "Velkomstkomitéen har allerede besøgt elleve nye husstande i år.",
        ["bosætning", "tilflyttere"],
    ),
    (
        "Hurtigt internet til hele {village} er på vej",
        "Graveskeerne går i gang, og alle husstande kan blive koblet på.",
        "Det er lykkedes at samle nok tilmeldinger til, at hele {village} får fiber.",
        ["fibernet", "infrastruktur"],
    ),
    (
        "Købmanden i {village} får nye ejere",
        "Et ungt par overtager butikken og vil udvide med café.",
        "Købmanden er landsbyens vigtigste mødested, og mange har støttet op om at "
        "bevare den.",
        ["dagligvarer", "erhverv"],
    ),
    (
        "Hjertestarter hænger nu ved {village} Forsamlingshus",
        "Hjertestarteren er tilgængelig døgnet rundt.",
        "Klyngen tilbyder gratis førstehjælpskursus til alle, der vil lære at bruge "
        "den.",
        ["tryghed", "førstehjælp"],
    ),
    (
        "{village} Idrætsforening søger trænere til børneholdene",
        "Flere børn end nogensinde vil spille fodbold og gymnastik.",
        "Du behøver ikke have trænet før – foreningen betaler trænerkursus.",
        ["idræt", "børn og unge"],
    ),
    (
        "Borgermøde: Hvad skal den gamle skole i {village} bruges til?",
        "Kommunen vil gerne høre borgernes idéer til bygningen.",
        "Forslagene spænder fra værksted og øvelokale til bofællesskab for ældre.",
        ["borgermøde", "bygninger"],
    ),
    (
        "Nyt shelter ved {village} er indviet",
        "Sheltret har plads til seks og kan bookes gratis.",
        "Sheltret er bygget af frivillige med træ fra den lokale skov.",
        ["natur", "friluftsliv"],
    ),
    (
        "{cluster} har fået støtte fra landdistriktspuljen",
        "Pengene går til klyngens første handleplan.",
        "Støtten gør det muligt at gå i gang med de første projekter allerede i år.",
        ["fondsmidler", "økonomi"],
    ),
    (
        "Strikkecafé og kaffe hver torsdag i {village}",
        "Alle er velkomne – også dem, der ikke kan strikke.",
        "Strikkecaféen er blevet et fast mødested for både nye og gamle beboere.",
        ["fællesskab", "seniorer"],
    ),
    (
        "Unge i {village} vil have et mødested",
        "En gruppe unge har fremlagt deres idéer for styregruppen.",
        "De unge foreslår et ungdomsrum i den gamle brugs med bordtennis og gaming.",
        ["børn og unge", "mødesteder"],
    ),
    (
        "Plantekasserne i {village} er bygget",
        "Torvet har fået nyt liv med plantekasser og bænke.",
        "Plantekasserne er bygget af frivillige håndværkere fra hele klyngen.",
        ["grønne områder", "frivillige"],
    ),
    (
        "Ny busplan: Sådan kommer du fra {village} til {village2}",
        "Fra næste måned kører bussen oftere mellem landsbyerne.",
        "Klyngen har arbejdet for bedre busforbindelser, og nu kommer der flere "
        "afgange.",
        ["trafik", "kollektiv transport"],
    ),
]

NEWS_CLOSINGS = [
    "Vil du vide mere, så skriv til styregruppen.",
    "Følg med på klyngens Facebook-side og her på siden.",
    "Alle er velkomne til at give en hånd med.",
]

BUDGET_PROJECTS = [
    "sommerfesten",
    "den nye legeplads",
    "shelterpladsen",
    "fællesspisningerne",
    "byfornyelsen",
    "ungdomsrummet",
    "cykelstien",
]

# (title, description, skills, good first task, hours, volunteers)
TASK_TEMPLATES: list[tuple[str, str, str, bool, int, int]] = [
    (
        "Byg plantekasser til torvet",
        "Plantekasser i træ med plads til blomster og krydderurter.",
        "tømrer, snedker, håndværk",
        False,
        10,
        3,
    ),
    (
        "Driv klyngens Facebook-side",
        "Del nyheder og arrangementer, og svar på spørgsmål.",
        "sociale medier, facebook, kommunikation",
        False,
        4,
        1,
    ),
    (
        "Lav budget for {project}",
        "Indhent tilbud, og lav et budget til ansøgningen.",
        "regnskab, økonomi, budget",
        False,
        6,
        1,
    ),
    (
        "Mal forsamlingshusets vinduer",
        "Skrab, grund og mal vinduerne i salen.",
        "maler, håndværk",
        False,
        8,
        4,
    ),
    (
        "Bag kage til loppemarkedet",
        "En kage eller to til cafeen.",
        "bagning",
        True,
        2,
        6,
    ),
    (
        "Sæt scenen op til sommerfesten",
        "Scene, lys og lyd skal stå klar fredag aften.",
        "lyd, lys, teknik, fysisk arbejde",
        False,
        5,
        4,
    ),
    (
        "Kør ældre til lægen",
        "Kørsel efter behov, ca. to gange om måneden.",
        "kørsel, bil, omsorg",
        True,
        3,
        3,
    ),
    (
        "Giv lektiehjælp i forsamlingshuset",
        "Hjælp skolebørn med dansk og matematik én eftermiddag om ugen.",
        "undervisning, dansk, matematik",
        False,
        2,
        2,
    ),
    (
        "Saml affald på stranden",
        "Vi mødes med sække og tænger.",
        "natur",
        True,
        3,
        10,
    ),
    (
        "Skriv ansøgning til fonde",
        "Hjælp styregruppen med at skrive en god ansøgning.",
        "fundraising, ansøgninger, skrivning",
        False,
        12,
        1,
    ),
    (
        "Hold førstehjælpskursus",
        "Lær beboerne at bruge hjertestarteren.",
        "førstehjælp, undervisning",
        False,
        4,
        1,
    ),
    (
        "Lav hjemmeside for landsbyen",
        "En enkel side med kalender og kontakter.",
        "webudvikling, it, hjemmeside",
        False,
        15,
        1,
    ),
    (
        "Fotografér årets arrangementer",
        "Billeder til nyhederne og Facebook.",
        "fotografering, foto",
        True,
        4,
        2,
    ),
    (
        "Plant frugttræer langs stien",
        "Vi planter æbler, pærer og blommer.",
        "havearbejde, naturpleje",
        True,
        4,
        8,
    ),
    (
        "Reparer cykler til cykelbyttedagen",
        "Lap dæk og juster bremser på brugte cykler.",
        "cykelmekaniker, reparation",
        False,
        5,
        2,
    ),
    (
        "Oversæt velkomstfolderen til engelsk og ukrainsk",
        "Så alle nye beboere kan læse den.",
        "oversættelse, engelsk, ukrainsk",
        False,
        6,
        2,
    ),
    (
        "Arranger fællesspisning",
        "Planlæg menu, indkøb og tilmelding.",
        "madlavning, arrangementer, planlægning",
        False,
        8,
        3,
    ),
    (
        "Stå i kassen ved loppemarkedet",
        "To timer ved kassen med MobilePay.",
        "salg, kundeservice",
        True,
        2,
        4,
    ),
    (
        "Hold it-café for seniorer",
        "Hjælp med MitID, e-Boks og videoopkald.",
        "it, undervisning, tålmodighed",
        False,
        3,
        2,
    ),
    (
        "Byg bålhytte ved shelterpladsen",
        "En åben bålhytte med tag af spån.",
        "tømrer, byggeri, håndværk",
        False,
        30,
        4,
    ),
    (
        "Tjek el-installationen i klubhuset",
        "Gennemgå stikkontakter og lys før vinteren.",
        "elektriker",
        False,
        4,
        1,
    ),
    (
        "Gennemgå klyngens vedtægter",
        "Hjælp med at skrive enkle og lovlige vedtægter.",
        "jura, vedtægter, foreningsdrift",
        False,
        6,
        1,
    ),
]

STATUS_WEIGHTS = {"open": 8, "filled": 1, "done": 1}


# ------------------------------------------------------------------------------
# Generators (pure functions of a random.Random)
# ------------------------------------------------------------------------------


def village_name(rng: random.Random) -> str:
    """Return a plausible Danish village name such as "Nørre Hvidlev"."""
    name = rng.choice(VILLAGE_STEMS) + rng.choice(VILLAGE_SUFFIXES)
    if rng.random() < 0.3:
        name = f"{rng.choice(VILLAGE_PREFIXES)} {name}"
    return name


def person_name(rng: random.Random) -> str:
    """Return a Danish first and last name."""
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def generated_cluster_spec(
    number: int, rng: random.Random, used_titles: set[str]
) -> Spec:
    """Return a cluster spec with generated villages, places, an event and a plan.

    `number` gives the slug ("klynge-0004"); titles already in `used_titles` are avoided
    and the new one is added, so a sequence of calls gives distinct titles.
    """
    municipality = rng.choice(sorted(MUNICIPALITY_AREAS))
    centre_lat, centre_lng, postcode = MUNICIPALITY_AREAS[municipality]
    municipality_name = MUNICIPALITY_NAMES[municipality]

    count = rng.randint(4, 8)
    names: list[str] = []
    while len(names) < count:
        name = village_name(rng)
        if name not in names:
            names.append(name)
    villages = [
        (
            name,
            postcode,
            round(min(57.6, max(54.8, centre_lat + rng.uniform(-0.07, 0.07))), 4),
            round(min(12.6, max(8.2, centre_lng + rng.uniform(-0.11, 0.11))), 4),
        )
        for name in names
    ]

    title = ""
    for _attempt in range(20):
        title = rng.choice(CLUSTER_NAME_PATTERNS).format(
            village=names[0],
            village2=names[1],
            municipality=municipality_name,
            direction=rng.choice(DIRECTIONS),
        )
        if title not in used_titles:
            break
        names.insert(0, names.pop())
    if title in used_titles:
        title = f"{title} ({number})"
    used_titles.add(title)

    focus_area, plan_title, goal = rng.choice(FOCUS_AREAS)
    places = []
    kinds = [MEETING_PLACE_KINDS[0], rng.choice(MEETING_PLACE_KINDS[1:])]
    for (kind, pattern, (low, high), facilities), (vname, _pc, lat, lng) in zip(
        kinds, rng.sample(villages, 2), strict=True
    ):
        place_title = pattern.format(village=vname)
        street = (
            "Forsamlingshusvej" if kind == "forsamlingshus" else rng.choice(STREETS)
        )
        places.append(
            {
                "title": place_title,
                "kind": kind,
                "village": vname,
                "address": f"{street} {rng.randint(1, 40)}, {postcode} {vname}",
                "coordinates": (
                    round(lat + rng.uniform(-0.003, 0.003), 5),
                    round(lng + rng.uniform(-0.004, 0.004), 5),
                ),
                "capacity": rng.randrange(low, high + 1, 5),
                "facilities": rng.sample(facilities, rng.randint(2, len(facilities))),
                "intro": "",
                "booking_contact": person_name(rng),
                "booking_email": "",
                "booking_phone": f"{rng.randint(20, 99)} {rng.randint(10, 99)} "
                f"{rng.randint(10, 99)} {rng.randint(10, 99)}",
                "opening_hours": "Efter aftale.",
            }
        )
    for place in places:
        place["slug"] = danish_slugify(place["title"])

    event_title, event_intro = rng.choice(EVENT_TEMPLATES)
    steering = [
        (person_name(rng), role, rng.choice(names)) for role in STEERING_ROLES[:3]
    ]
    tasks = [
        task_spec(template, rng, names)
        for template in rng.sample(TASK_TEMPLATES[:3], 2)
        + rng.sample(TASK_TEMPLATES[3:], 1)
    ]
    slug = f"klynge-{number:04d}"
    return {
        "title": title,
        "slug": slug,
        "municipality": municipality,
        "phase": rng.choice(
            ["etablering", "kortlaegning", "vision", "handleplaner", "implementering"]
        ),
        "intro": (
            f"{len(names)} landsbyer i {municipality_name} Kommune arbejder sammen om "
            f"{focus_area.lower()}."
        ),
        "contact_email": f"{slug}@klyngeportal.dk",
        "municipal_contact": person_name(rng),
        "municipal_contact_email": "",
        "villages": villages,
        "steering_group": steering,
        "vision": (
            f"<h2>Vores vision</h2><p>{goal}</p><h3>Indsatsområder</h3>"
            f"<ul><li>{focus_area}</li><li>Fællesskab på tværs af landsbyerne</li></ul>"
        ),
        "description": [
            heading("Om klyngen"),
            paragraph(
                f"<p>{title} består af {', '.join(names[:-1])} og {names[-1]}.</p>"
            ),
            fact_box(
                "Klyngen i tal",
                [
                    ("Landsbyer", str(len(names))),
                    (
                        "Indbyggere",
                        f"ca. {rng.randrange(900, 6000, 100):,}".replace(",", "."),
                    ),
                ],
            ),
        ],
        "news": [],
        "meeting_places": places,
        "events": [
            {
                "title": event_title.format(place=places[0]["title"]),
                "days_ahead": rng.randint(3, 45),
                "start": (rng.choice([10, 14, 18, 19]), 0),
                "hours": rng.choice([2, 3]),
                "meeting_place": places[0]["slug"],
                "intro": event_intro,
            }
        ],
        "action_plans": [
            {
                "title": plan_title,
                "slug": danish_slugify(plan_title),
                "focus_area": focus_area,
                "goal": goal,
                "status": rng.choice(["ide", "planlagt", "i_gang"]),
                "budget": rng.randrange(20_000, 300_000, 5_000),
                "funding": "Søges hos kommunen og relevante fonde.",
                "funding_pools": [rng.choice(FUNDING_POOLS[:4])["name"]],
                "body": [],
                "tasks": tasks,
            }
        ],
        "survey": None,
    }


def task_spec(
    template: tuple[str, str, str, bool, int, int],
    rng: random.Random,
    villages: list[str],
) -> Spec:
    """Return a task spec from a template, placed in one of the villages."""
    title, description, skills, good_first, hours, volunteers = template
    deadline = rng.choice([None, rng.randint(14, 120)])
    return {
        "title": title.format(project=rng.choice(BUDGET_PROJECTS)),
        "description": description,
        "skills": skills,
        "volunteers_needed": volunteers,
        "estimated_hours": hours,
        "deadline_days": deadline,
        "village": rng.choice(villages),
        "good_first_task": good_first,
        "status": rng.choices(
            list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values())
        )[0],
    }


def news_spec(rng: random.Random, cluster_title: str, villages: list[str]) -> Spec:
    """Return a generated news item about one of the cluster's villages."""
    title, intro, text, tags = rng.choice(NEWS_TEMPLATES)
    village, village2 = rng.sample(villages, 2) if len(villages) > 1 else villages * 2
    fill = {"village": village, "village2": village2, "cluster": cluster_title}
    return {
        "title": title.format(**fill),
        "days_ago": rng.randint(0, 365),
        "tags": tags,
        "intro": intro.format(**fill),
        "body": [
            paragraph(f"<p>{text.format(**fill)}</p>"),
            paragraph(f"<p>{rng.choice(NEWS_CLOSINGS)}</p>"),
        ],
    }
