"""
The load clients' authenticator app: the codes an app with a given key shows
(RFC 6238: SHA-1, 30-second steps, 6 digits), and a code the workspace will
accept now, never one this process gave already (a code works once).
"""

import hashlib
import hmac
import threading
import time


def totp_code(key_hex, when=None):
    """What an authenticator app with the hex key ``key_hex`` shows (RFC 6238, SHA-1, 30 s)."""
    counter = int((time.time() if when is None else when) // 30)
    digest = hmac.new(bytes.fromhex(key_hex), counter.to_bytes(8, "big"), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


# The last time step whose code each app key gave, in this process.
_GIVEN_STEPS = {}
_GIVEN_LOCK = threading.Lock()


def fresh_code(key_hex):
    """
    A code the workspace accepts from the app with ``key_hex`` now: the
    current step's, or the next one's (accepted one step early) when the
    current one was given already (a code is never accepted twice); when
    both were, after waiting for the next step.
    """
    while True:
        now = time.time()
        step = int(now // 30)
        with _GIVEN_LOCK:
            given = _GIVEN_STEPS.get(key_hex, -1)
            for candidate in (step, step + 1):
                if candidate > given:
                    _GIVEN_STEPS[key_hex] = candidate
                    return totp_code(key_hex, candidate * 30)
        time.sleep(30 - now % 30 + 0.05)
