"""Classification: an AI system's kenmerken -> its risk class, Art. 50 duties, role and duties.

Pure: the decision tree (``docs/beslisboom.yaml``), the duties table (``docs/plichten.yaml``) and
the legal dates (``docs/wetgeving.yaml``) come in as data from the Catalog; nothing is read here.
``commands`` is the ``geletterdheid classificeer`` command over the inventory; ``formats`` its views.
"""

from __future__ import annotations

from ..content.duties import DutyTable
from ..content.inventory import Features
from ..content.model import LegalFacts
from ..content.tree import DecisionTree
from .duties import duties_for
from .outcome import DutyOutcome, Outcome, Step
from .walk import BrokenTree, walk

__all__ = ["BrokenTree", "DutyOutcome", "Outcome", "Step", "classify"]


def classify(features: Features, tree: DecisionTree, duties: DutyTable, legal: LegalFacts) -> Outcome:
    """Walk ``tree`` with ``features`` and pick the duties of the outcome from ``duties``."""
    walked = walk(tree, features)
    conclusion = walked.conclusion
    return Outcome(
        risk_class=conclusion.risk_class,
        conclusion=conclusion.id,
        transparency=walked.transparency,
        role=walked.role,
        duties=duties_for(duties, legal, conclusion.id, walked.role, walked.transparency, features),
        path=walked.path,
    )
