"""
Why a workflow service refused: ``WorkflowError`` (a message for the user),
``NotAllowed`` (the user's role does not allow it: the workspace answers 403),
``StaleVersion`` (the story changed after the user opened it). A refused move
changes nothing.
"""


class WorkflowError(Exception):
    """A move the story's state or content does not allow; ``messages`` say why."""

    def __init__(self, message, *, messages=()):
        super().__init__(message)
        self.message = message
        self.messages = list(messages)


class NotAllowed(WorkflowError):
    """The user's role does not allow this move on this story."""


class StaleVersion(WorkflowError):
    """The story changed after the user opened it."""
