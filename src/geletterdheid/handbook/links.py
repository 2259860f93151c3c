"""Where a link in a module page goes in print: a label in the handbook, a web address, or nowhere.

A handbook holds only some modules, so a link to another module works on paper only when that
module is in every handbook this one is in: the module itself and its prerequisites
(``LinkRules.linkable``). Other links to pages of the site point to the site when it has an
address (``html_baseurl``) and otherwise become plain text.

The Typst builder writes internal targets as ``%docname`` (as Sphinx's LaTeX builder does), so
they cannot be mistaken for web addresses.
"""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes

from ..content import Catalog
from ..curriculum import prerequisite_closure

DOC_PREFIX = "%"


def doc_uri(docname: str) -> str:
    return DOC_PREFIX + docname


@dataclass(frozen=True)
class LinkRules:
    """What the links of one module may point to."""

    module_id: str
    modules_by_doc: dict[str, str]  # docname -> module id, for every module
    linkable: frozenset[str]  # module ids in every handbook this module is in
    site_url: str | None  # html_baseurl, or None

    @classmethod
    def for_module(
        cls, catalog: Catalog, module_id: str, modules_by_doc: dict[str, str], site_url: str | None
    ) -> LinkRules:
        linkable = frozenset(prerequisite_closure(catalog, module_id) | {module_id})
        return cls(module_id, modules_by_doc, linkable, site_url or None)


@dataclass(frozen=True)
class Target:
    """A link's destination in print: ``label`` (in this PDF) or ``url`` (on the web)."""

    kind: str  # "label" or "url"
    value: str


def link_target(reference: nodes.Element, rules: LinkRules) -> Target | None:
    """Where ``reference`` goes in print; None: it becomes plain text."""
    refid = reference.get("refid")
    if refid:
        return Target("label", f"{rules.module_id}.{refid}")
    uri = str(reference.get("refuri", ""))
    if not uri:
        return None
    if uri.startswith("#"):
        return Target("label", f"{rules.module_id}.{uri[1:]}") if len(uri) > 1 else None
    if not uri.startswith(DOC_PREFIX):
        return Target("url", uri)
    docname, _, label = uri[len(DOC_PREFIX) :].partition("#")
    module = rules.modules_by_doc.get(docname)
    if module is not None and module in rules.linkable:
        return Target("label", f"{module}.{label}" if label else module)
    if rules.site_url:
        return Target("url", f"{rules.site_url.rstrip('/')}/{docname}.html" + (f"#{label}" if label else ""))
    return None


def linked_labels(doctree: nodes.Node, rules: LinkRules) -> set[str]:
    """The labels in the handbook that the links of one module point to."""
    found = set()
    for reference in doctree.findall(nodes.reference):
        target = link_target(reference, rules)
        if target is not None and target.kind == "label":
            found.add(target.value)
    return found
