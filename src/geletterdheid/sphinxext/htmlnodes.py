"""A generic HTML element node, so the quiz can be a real form (fieldset, legend, input, label, details)."""

from __future__ import annotations

from docutils import nodes

VOID_TAGS = frozenset({"input", "br", "hr"})


class html_element(nodes.Element):  # noqa: N801 - docutils naming convention
    """``html_element(tag="fieldset", attrs={...})``; children are rendered inside."""


def visit_html_element(self, node: html_element) -> None:
    tag = node["tag"]
    attrs = {key: value for key, value in node.get("attrs", {}).items() if value is not None}
    if tag in VOID_TAGS:
        self.body.append(self.emptytag(node, tag, "", **attrs))
        raise nodes.SkipNode
    self.body.append(self.starttag(node, tag, "", **attrs))


def depart_html_element(self, node: html_element) -> None:
    self.body.append(f"</{node['tag']}>")


def element(tag: str, *children: nodes.Node, classes: list[str] | None = None, **attrs) -> html_element:
    attributes = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
    element_id = attributes.pop("id", None)
    node = html_element(tag=tag, attrs=attributes)
    if element_id:
        node["ids"].append(element_id)  # docutils writes ids itself and refuses an "id" attribute
    if classes:
        node["classes"].extend(classes)
    node.extend(children)
    return node
