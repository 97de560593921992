"""The Celery application. Tasks live in each app's tasks.py; settings are read from CELERY_*."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hyte_portal.settings")

app = Celery("hyte_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
