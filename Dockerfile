FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=portal.settings.production

RUN useradd --create-home --uid 1000 portal
WORKDIR /app

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY --chown=portal:portal . .
# A throwaway key only for collecting static files at build time; the running container needs its own.
RUN SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(60))')" ALLOWED_HOSTS=build \
    python manage.py collectstatic --no-input \
 && mkdir -p /app/var/media && chown -R portal:portal /app/var

USER portal
EXPOSE 8000
CMD ["gunicorn"]
