from .log import current_request


class AuditMiddleware:
    """
    Keep the request being answered for ``audit.log.record``, so an entry
    written by a signal receiver names who did it. Costs no query: the user
    is read only when an entry is written.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)
