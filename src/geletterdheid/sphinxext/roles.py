"""The ``{artikel}`` role: a link to a provision in the Dutch consolidated AI Act on EUR-Lex."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from ..content.articles import UnknownProvision, parse_provision


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


class ArticleRole(SphinxRole):
    """``{artikel}`26``` or ``{artikel}`de meldplicht <26(5)>```."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        text, reference = self.text, self.text
        if self.text.endswith(">") and "<" in self.text:
            text, _, reference = self.text[:-1].rpartition("<")
            text = text.strip()
        else:
            text = None
        try:
            return [provision_reference(reference.strip(), text)], []
        except UnknownProvision as exc:
            message = self.inliner.reporter.error(f"{{artikel}}: {exc}", line=self.lineno)
            problematic = self.inliner.problematic(self.rawtext, self.rawtext, message)
            return [problematic], [message]


class LegalFactRole(SphinxRole):
    """``{wet}`hoog-risico-bijlage-iii``` shows '2 december 2027' from docs/wetgeving.yaml."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        from .catalog_access import catalog_of

        legal = catalog_of(self.env).legal
        key = self.text.strip()
        text = legal.text(key)
        if text is None:
            message = self.inliner.reporter.error(
                f"{{wet}}: onbekende sleutel '{key}' in docs/wetgeving.yaml; bekend zijn: {', '.join(legal.keys())}",
                line=self.lineno,
            )
            return [self.inliner.problematic(self.rawtext, self.rawtext, message)], [message]
        return [nodes.inline("", text, classes=["gl-wet"])], []
