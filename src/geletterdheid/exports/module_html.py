"""A module's MyST Markdown as HTML without Sphinx, for pages that leave the site (LMS packages). Pure.

markdown-it-py with the MyST plugins myst-parser itself uses (front matter, roles, comments and
targets, colon fences, definition lists). The project's roles become what a reader of the site sees: ``{artikel}`26```
a link to the article on EUR-Lex (``Provision.url``), ``{wet}`key``` the text of docs/wetgeving.yaml
with its source, ``{term}`` its text, ``{doc}`` the title of the module it names (other modules are
not in the package, so plain text). ``{dropdown}`` fences become ``<details>``. Raw HTML in the
Markdown is escaped, never passed through.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path, PurePosixPath

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.myst_blocks import myst_block_plugin
from mdit_py_plugins.myst_role import myst_role_plugin

from ..content.articles import parse_provision
from ..content.model import Catalog


def _text_and_target(content: str) -> tuple[str, str]:
    """``'tekst <doel>'`` -> ('tekst', 'doel'); ``'doel'`` -> ('doel', 'doel')."""
    content = content.strip()
    if content.endswith(">") and "<" in content:
        text, _, target = content[:-1].rpartition("<")
        return text.strip(), target.strip()
    return content, content


class ModuleRenderer:
    """Renders Markdown of one Catalog; the roles are resolved against it."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self._titles = {PurePosixPath(path).stem: mid for mid, path in catalog.module_paths.items()}
        md = MarkdownIt("commonmark", {"html": False}).enable("table")
        md.use(front_matter_plugin).use(myst_block_plugin).use(myst_role_plugin).use(colon_fence_plugin)
        md.use(deflist_plugin)  # the site enables deflist too (site_conf.myst_enable_extensions)

        # markdown-it binds every rule to its renderer (first argument), so these are closures, not methods.
        def role(renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
            return self.role_html(str(tokens[idx].meta["name"]), tokens[idx].content)

        def fence(renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
            return self.fence_html(tokens[idx].info, tokens[idx].content)

        def image(renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
            token = tokens[idx]
            alt = renderer.renderInlineAsText(token.children or [], options, env)
            return self.image_html(str(token.attrGet("src") or ""), alt, env)

        def link_open(
            renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
        ) -> str:
            href = str(tokens[idx].attrGet("href") or "")
            leaves = href.startswith(("https://", "http://", "mailto:"))
            env.setdefault("links", []).append(leaves)
            # A link into the site (another page) has nowhere to go in a package: its text stays.
            return renderer.renderToken(tokens, idx, options, env) if leaves else "<span>"

        def link_close(
            renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
        ) -> str:
            return "</a>" if env["links"].pop() else "</span>"

        md.add_render_rule("image", image)
        md.add_render_rule("link_open", link_open)
        md.add_render_rule("link_close", link_close)
        md.add_render_rule("myst_role", role)
        md.add_render_rule("colon_fence", fence)
        md.add_render_rule("front_matter", _nothing)
        md.add_render_rule("myst_line_comment", _nothing)
        md.add_render_rule("myst_target", _nothing)
        md.add_render_rule("myst_block_break", _nothing)
        self.md = md

    def html(self, markdown: str, base: Path | None = None, assets: dict[str, bytes] | None = None) -> str:
        """``markdown`` as HTML. Images next to the Markdown (``base``, its folder) are put in ``assets``
        by their name in the package (``bestanden/<name>``); without ``assets`` an image is its text."""
        return str(self.md.render(markdown, {"base": base, "assets": assets}))

    def image_html(self, src: str, alt: str, env: EnvType) -> str:
        base, assets = env.get("base"), env.get("assets")
        if src.startswith(("https://", "http://")):  # nothing loads from another host: a link instead
            return f'<a href="{escape(src)}">{escape(alt or src)}</a>'
        found = (base / src) if base is not None else None
        if assets is None or found is None or not found.is_file():
            return escape(alt)
        name = f"bestanden/{found.name}"
        assets[name] = found.read_bytes()
        return f'<img src="{escape(name)}" alt="{escape(alt)}">'

    def role_html(self, name: str, content: str) -> str:
        text, target = _text_and_target(content)
        if name == "artikel":
            provision = parse_provision(target)
            shown = text if text != target else provision.label
            return f'<a href="{escape(provision.url)}">{escape(shown)}</a>'
        if name == "wet":
            return escape(self.catalog.legal.cited_text(target) or target)
        if name == "doc":
            module_id = self._titles.get(PurePosixPath(target).stem)
            if module_id is not None and text == target:
                return f"‘{escape(self.catalog.modules[module_id].title)}’"
            return escape(text)
        return escape(text)  # term, and any role a reader should just read

    def fence_html(self, info: str, content: str) -> str:
        name, _, title = info.strip().partition(" ")
        inner = self.md.render(content)
        if name == "{dropdown}":
            return f"<details>\n<summary>{escape(title.strip() or 'Meer')}</summary>\n{inner}</details>\n"
        return f"<div>\n{inner}</div>\n"


def _nothing(renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    return ""
