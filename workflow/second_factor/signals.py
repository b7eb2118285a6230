"""
What happens to a user's second factor, for whoever keeps a record of it (the
audit log). Each is sent with ``user`` (whose factor), ``request`` and ``by``
(who did it: the user, or the administrator of a reset), and ``kind``
("app", "passkey", "recovery" or "all").
"""

from django.dispatch import Signal

second_factor_added = Signal()
second_factor_removed = Signal()
recovery_code_used = Signal()
second_factor_reset = Signal()
