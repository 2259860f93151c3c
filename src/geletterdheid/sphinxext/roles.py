"""Roles: ``{artikel}`` links a provision of the AI Act; ``{wet}`` shows a date or amount from docs/wetgeving.yaml."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from ..content.articles import UnknownProvision, parse_provision
from .catalog_access import catalog_of
from .read_inputs import note_use
from .typed_warnings import WarningKind, warn


def provision_reference(reference: str, text: str | None = None) -> nodes.reference:
    """A link node for ``reference``; raises UnknownProvision for articles that do not exist."""
    provision = parse_provision(reference)
    return nodes.reference(
        "",
        text or provision.label,
        refuri=provision.url,
        classes=["gl-artikel"],
        reftitle=f"AI-verordening, {provision.label}",
    )


class _CatalogRole(SphinxRole):
    def problem(self, kind: WarningKind, message: str) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        """A typed warning at the role's line; the page shows the role's text as it was written."""
        warn(kind, message, (self.env.docname, self.lineno))
        return [nodes.literal(self.rawtext, self.rawtext, classes=["gl-fout"])], []


class ArticleRole(_CatalogRole):
    """``{artikel}`26``` or ``{artikel}`de meldplicht <26(5)>```."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        text: str | None = None
        reference = self.text
        if self.text.endswith(">") and "<" in self.text:
            text, _, reference = self.text[:-1].rpartition("<")
            text = text.strip()
        try:
            return [provision_reference(reference.strip(), text)], []
        except UnknownProvision as exc:
            return self.problem(WarningKind.ARTICLE, f"{{artikel}}: {exc}")


class LegalFactRole(_CatalogRole):
    """``{wet}`hoog-risico-bijlage-iii``` shows '2 december 2027 (artikel 113)' from docs/wetgeving.yaml.

    The value carries the first of the entry's ``artikelen``, linked like ``{artikel}``: every date or
    amount on a page cites the provision it comes from, without the author repeating it.
    """

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        note_use(self.env, "legal")
        legal = catalog_of(self.env).legal
        key = self.text.strip()
        text = legal.text(key)
        if text is None:
            known = ", ".join(legal.keys())
            return self.problem(
                WarningKind.LEGAL_FACT,
                f"{{wet}}: onbekende sleutel '{key}' in docs/wetgeving.yaml; bekend zijn: {known}",
            )
        node = nodes.inline("", "", classes=["gl-wet"])
        node += nodes.Text(f"{text} (")
        if (outside := legal.source_text(key)) is not None:
            node += nodes.Text(outside)
        else:
            try:
                node += provision_reference(legal.source(key) or "")
            except UnknownProvision as exc:
                return self.problem(WarningKind.LEGAL_FACT, f"{{wet}}: '{key}' in docs/wetgeving.yaml: {exc}")
        node += nodes.Text(")")
        return [node], []
