"""
What the photo desk tells the apps that show its photographs.

``photograph_changed`` (``photograph``, ``user``): someone changed a
photograph's caption, credit, picture or crop, or withdrew it or put it back.
Stories showing it keep a revision of the change
(``workflow.photos.record_photograph_change``, connected in
``WorkflowConfig.ready``).
"""

from django.dispatch import Signal

photograph_changed = Signal()
