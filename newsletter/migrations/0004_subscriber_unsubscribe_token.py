"""A separate unsubscribe token for each subscriber: added empty, filled with a new secret for each existing row (a
single default would give every row the same value), then made unique and required."""

import secrets

from django.db import migrations, models

import newsletter.models


def give_each_subscriber_a_token(apps, schema_editor):
    Subscriber = apps.get_model("newsletter", "Subscriber")
    rows = list(Subscriber.objects.filter(unsubscribe_token__isnull=True).only("pk"))
    for row in rows:
        row.unsubscribe_token = secrets.token_urlsafe(newsletter.models.TOKEN_BYTES)
    Subscriber.objects.bulk_update(rows, ["unsubscribe_token"], batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ("newsletter", "0003_delivery_claim_token"),
    ]

    operations = [
        migrations.AddField(
            model_name="subscriber",
            name="unsubscribe_token",
            field=models.CharField(editable=False, max_length=64, null=True, verbose_name="secret unsubscribe token"),
        ),
        migrations.RunPython(give_each_subscriber_a_token, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="subscriber",
            name="unsubscribe_token",
            field=models.CharField(
                default=newsletter.models.new_token,
                editable=False,
                max_length=64,
                unique=True,
                verbose_name="secret unsubscribe token",
            ),
        ),
    ]
