from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Networks")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import Membership
        from .selectors import forget_member_counts

        # The member counts on the networks' pages come from the cache (selectors.member_counts).
        post_save.connect(forget_member_counts, sender=Membership, dispatch_uid="networks_forget_counts_on_save")
        post_delete.connect(forget_member_counts, sender=Membership, dispatch_uid="networks_forget_counts_on_delete")
