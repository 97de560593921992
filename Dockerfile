# The portal's image: one image for web (gunicorn), Celery worker and Celery beat.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 VIRTUAL_ENV=/app/.venv PATH=/app/.venv/bin:$PATH
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends gettext curl wrk libvoikko1 voikko-fi && rm -rf /var/lib/apt/lists/*
COPY requirements.lock ./
RUN pip install --no-cache-dir "uv==0.13.8" && uv venv /app/.venv && uv pip sync --python /app/.venv/bin/python requirements.lock
COPY . .
RUN DJANGO_SECRET_KEY=build-only DJANGO_DEBUG=0 python manage.py collectstatic --no-input --verbosity 0
RUN useradd --system --uid 1000 hyte && mkdir -p /app/var/media && chown -R hyte /app/var
USER hyte
EXPOSE 8000
CMD ["gunicorn", "hyte_portal.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
