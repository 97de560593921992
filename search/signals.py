"""Keep the search lemmas of materials, events and networks current on every save.

A signal rather than a call in each service: events and networks are saved straight by the admin (there is no
event or network save service), and materials.services.save_material, seed_demo and factories all go through
Model.save(), so pre_save is the one place every write passes. bulk_create and QuerySet.update skip it:
`manage.py rebuild_search_index` recomputes the lemmas after those.
"""

from django.db.models.signals import pre_save
from django.dispatch import receiver

from .documents import SEARCHED, fill_lemmas


@receiver(pre_save, dispatch_uid="search_fill_lemmas")
def fill_lemmas_before_save(sender, instance, update_fields=None, **kwargs):
    if sender._meta.label not in SEARCHED:
        return
    if update_fields is not None:
        # A partial save (a download count, a revision number) leaves the texts, so the lemmas stay as they are.
        return
    fill_lemmas(instance)
