"""Which kinds of node a page holds, found in one walk of its doctree.

Several components load their script only on pages that hold their node (the quiz, the
decision tree, the learning path). Each asking the doctree with ``next_node`` walked every page
once per component; one walk, kept on the doctree, answers them all.
"""

from __future__ import annotations

from docutils import nodes

_ATTR = "_geletterdheid_node_types"


def has_node(doctree: nodes.document | None, *kinds: type[nodes.Node]) -> bool:
    """Whether the page holds a node of one of these kinds (or of a subclass of one)."""
    if doctree is None:
        return False
    present: frozenset[type[nodes.Node]] | None = getattr(doctree, _ATTR, None)
    if present is None:
        present = frozenset(type(node) for node in doctree.findall())
        setattr(doctree, _ATTR, present)
    return any(issubclass(found, kinds) for found in present)
