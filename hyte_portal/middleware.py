from .views import healthz


class HealthCheckMiddleware:
    """Answers /healthz before host validation and the HTTPS redirect, so that a container's or
    load balancer's probe on 127.0.0.1 over plain HTTP reaches it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return healthz(request)
        return self.get_response(request)
