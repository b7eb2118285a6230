"""
What the people app tells the apps above it.

``source_protected`` (``person``, ``editor``): ``person`` has just become a
protected source. Receivers do their part at once: the photo desk withdraws
their portrait (page and file), stories rewrite what they generated from the
name (a correction's "previously attributed to").
"""

from django.dispatch import Signal

source_protected = Signal()
