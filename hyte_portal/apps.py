from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "hyte_portal"
    verbose_name = "HYTE portal"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .middleware import start_idle_clock

        user_logged_in.connect(start_idle_clock, dispatch_uid="hyte_portal_start_idle_clock")
