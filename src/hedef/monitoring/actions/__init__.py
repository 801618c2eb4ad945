"""Every change to monitoring data, one action object per verb.

An action takes the object and the :class:`~hedef.core.actors.Actor`;
``execute()`` checks the permission (raising
:class:`~hedef.core.errors.ActionNotAllowed`), makes the change in one
transaction and records it in the audit log. Pages, the Excel upload, the API and
commands all go through the same actions.
"""

from hedef.monitoring.actions.contributions import ContributionSave
from hedef.monitoring.actions.cycles import CycleOpen, CyclePublish
from hedef.monitoring.actions.evidence import EvidenceAdd, EvidenceRemove
from hedef.monitoring.actions.review import CommentAdd, SubmissionAccept, SubmissionReturn
from hedef.monitoring.actions.submissions import SubmissionSave, SubmissionSubmit
from hedef.monitoring.actions.tokens import TokenIssue, TokenRevoke

__all__ = [
    "CommentAdd",
    "ContributionSave",
    "CycleOpen",
    "CyclePublish",
    "EvidenceAdd",
    "EvidenceRemove",
    "SubmissionAccept",
    "SubmissionReturn",
    "SubmissionSave",
    "SubmissionSubmit",
    "TokenIssue",
    "TokenRevoke",
]
