from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "hyte_portal"
    verbose_name = "HYTE portal"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .middleware import start_idle_clock
        from .page_cache import on_content_saved_or_deleted

        user_logged_in.connect(start_idle_clock, dispatch_uid="hyte_portal_start_idle_clock")
        # Any change of what the cached visitor pages show empties the page cache.
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(on_content_saved_or_deleted, dispatch_uid=f"hyte_portal_page_cache_{id(signal)}")
