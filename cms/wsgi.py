import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

application = get_wsgi_application()

# Load the URLs (and with them every view module) now, then set aside everything loaded
# so far: it lives as long as the process, and a full garbage collection would otherwise
# walk its ~300,000 objects every few requests (about 190 ms each time; see the search
# benchmark in docs/performance.md). New objects are collected as usual.
from django.urls import get_resolver  # noqa: E402

get_resolver().url_patterns  # noqa: B018
gc.freeze()
