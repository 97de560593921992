"""Create the PostgreSQL database named in DATABASE_URL when it does not exist yet (for `make up`)."""

import psycopg
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from psycopg import sql


class Command(BaseCommand):
    help = "Create the PostgreSQL database of DATABASE_URL if it is missing."

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            return
        params = connection.get_connection_params()
        name = params.pop("dbname")
        params["dbname"] = "postgres"
        try:
            with psycopg.connect(**params, autocommit=True) as admin:
                exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
                if not exists:
                    admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                    self.stdout.write(f"Created database {name}.")
        except psycopg.OperationalError as error:
            raise CommandError(f"DATABASE_URL: cannot reach PostgreSQL ({error})") from None
