"""The synthetic demo newsroom that `manage.py demo_content` builds."""
