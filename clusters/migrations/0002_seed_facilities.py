from django.db import migrations

FACILITIES = [
    ("koekken", "Køkken", "Kitchen"),
    ("anretterkoekken", "Anretterkøkken", "Serving kitchen"),
    ("scene", "Scene", "Stage"),
    ("wifi", "Trådløst internet", "Wi-Fi"),
    ("handicapadgang", "Handicapadgang", "Step-free access"),
    ("handicaptoilet", "Handicaptoilet", "Accessible toilet"),
    ("overnatning", "Overnatning", "Overnight stay"),
    ("projektor", "Projektor og lærred", "Projector and screen"),
    ("lydanlaeg", "Lydanlæg", "Sound system"),
    ("parkering", "Parkering", "Parking"),
    ("bad", "Bad og omklædning", "Showers and changing rooms"),
    ("udendoersareal", "Udendørsareal", "Outdoor area"),
    ("legeplads", "Legeplads", "Playground"),
    ("baalplads", "Bålplads", "Fire pit"),
    ("shelter", "Shelter", "Shelter"),
    ("moedelokale", "Mødelokale", "Meeting room"),
    ("vaerksted", "Værksted", "Workshop"),
    ("opvarmet", "Opvarmet om vinteren", "Heated in winter"),
    ("borde-stole", "Borde og stole", "Tables and chairs"),
    ("service", "Service til gæster", "Tableware for guests"),
]


def add_facilities(apps, schema_editor):
    Facility = apps.get_model("clusters", "Facility")
    for slug, name_da, name_en in FACILITIES:
        Facility.objects.update_or_create(
            slug=slug, defaults={"name_da": name_da, "name_en": name_en}
        )


def remove_facilities(apps, schema_editor):
    Facility = apps.get_model("clusters", "Facility")
    Facility.objects.filter(slug__in=[slug for slug, *_ in FACILITIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("clusters", "0001_initial")]

    operations = [migrations.RunPython(add_facilities, remove_facilities)]
