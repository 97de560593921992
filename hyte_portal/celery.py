"""The Celery application. Tasks live in each app's tasks.py; settings are read from CELERY_*.

Redis is the broker (REDIS_URL or CELERY_BROKER_URL); without one, settings make every task run
inline (CELERY_TASK_ALWAYS_EAGER). The beat schedule is CELERY_BEAT_SCHEDULE in settings.
Run: `celery -A hyte_portal worker` and `celery -A hyte_portal beat` (both in `make up`).
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hyte_portal.settings")

app = Celery("hyte_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
