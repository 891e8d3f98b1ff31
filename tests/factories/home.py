import wagtail_factories

from home.models import HomePage, StandardPage


def home_page() -> HomePage:
    """Return the site's home page, made by the home app's data migration."""
    return HomePage.objects.get(depth=2)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Landsbyklynger"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = "Om klyngerne"
    intro = "Sådan arbejder landsbyerne sammen."

    class Meta:
        model = StandardPage
