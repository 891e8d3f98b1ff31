from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView, TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from drf_spectacular.views import SpectacularAPIView

from clusters import feeds
from matching.views import dismiss, for_you, undismiss, unsubscribe

from .api import router

# Not translated: API, admin, feeds, sitemaps and files.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path(
        "moedesteder.geojson",
        feeds.all_meeting_places_geojson,
        name="meeting_places_geojson",
    ),
    path("klynger.geojson", feeds.all_clusters_geojson, name="clusters_geojson"),
    path(
        "was",
        RedirectView.as_view(url=settings.ACCESSIBILITY_STATEMENT_URL, permanent=False),
        name="was",
    ),
]

# Danish at the root, English under /en/.
urlpatterns += i18n_patterns(
    path(
        "tilgaengelighed/",
        TemplateView.as_view(template_name="accessibility_statement.html"),
        name="accessibility_statement",
    ),
    path("konto/", include("allauth.urls")),
    path("frivillig/opgaver/til-dig/", for_you, name="matching_for_you"),
    path(
        "frivillig/opgaver/til-dig/<id:task_id>/ikke-for-mig/",
        dismiss,
        name="matching_dismiss",
    ),
    path(
        "frivillig/opgaver/til-dig/<id:task_id>/fortryd/",
        undismiss,
        name="matching_undismiss",
    ),
    path(
        "frivillig/afmeld-nye-opgaver/<str:token>/",
        unsubscribe,
        name="matching_unsubscribe",
    ),
    path("frivillig/", include("volunteers.urls")),
    path("faerdigheder/", include("skills.urls")),
    path("kommune/", include("search.municipal_urls")),
    path("soeg/", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.urls import re_path
    from django.views.static import serve

    # Images straight from MEDIA_ROOT in development. Never documents: those go
    # through /documents/, which checks their collection's privacy.
    urlpatterns = [
        re_path(
            r"^media/(?P<path>(?:original_images|images)/.+)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
        *urlpatterns,
    ]
