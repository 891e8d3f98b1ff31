import factory
import wagtail_factories

from core.text import danish_slugify
from home.models import HomePage, StandardPage


class DanishPageFactory(wagtail_factories.PageFactory):
    """A page factory whose slugs transliterate æ, ø and å as the site does."""

    slug = factory.LazyAttribute(lambda obj: danish_slugify(obj.title))

    class Meta:
        abstract = True


def home_page() -> HomePage:
    """Return the site's home page, made by the home app's data migration."""
    return HomePage.objects.get(depth=2)


class HomePageFactory(DanishPageFactory):
    title = "Landsbyklynger"

    class Meta:
        model = HomePage


class StandardPageFactory(DanishPageFactory):
    title = "Om klyngerne"
    intro = "Sådan arbejder landsbyerne sammen."

    class Meta:
        model = StandardPage
