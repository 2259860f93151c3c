"""The gemeente's own look in its site: name, logo and favicon, colours and fonts, and a footer with its links.

Everything is written into the assembled tree (``_gemeente/``) and named in the generated conf.py;
nothing is loaded from another host. The colours' contrast was checked when gemeente.toml (and its
tokens file) was read (WCAG 1.4.3); they apply to the light theme only, where that check holds (the
dark theme keeps its own colours). The NL Design System tokens file is copied as it is
(``tokens.css``) and loaded before ``gemeente.css``, which points the theme's variables at its tokens.
"""

from __future__ import annotations

from html import escape

from .design_tokens import COLOUR_KEY_OVERRIDES, theme_css
from .model import GemeenteConfig

FOLDER = "_gemeente"  # in the assembled tree: static files and the footer template
FOOTER_TEMPLATE = "gemeente-voet.html"
TOKENS_FILE = "tokens.css"


def assets(config: GemeenteConfig) -> dict[str, bytes]:
    """Files for the assembled tree, by path relative to it."""
    files = {f"{FOLDER}/templates/{FOOTER_TEMPLATE}": footer_html(config).encode("utf-8")}
    css = gemeente_css(config)
    if css:
        files[f"{FOLDER}/gemeente.css"] = css.encode("utf-8")
    if config.logo is not None:
        files[f"{FOLDER}/logo{config.logo.suffix.lower()}"] = config.logo.read_bytes()
    if config.tokens is not None:
        files[f"{FOLDER}/{TOKENS_FILE}"] = config.tokens.text.encode("utf-8")
    return files


def css_files(config: GemeenteConfig) -> list[str]:
    """The stylesheets of ``_gemeente/`` in the order the pages load them: tokens before their use."""
    files = [TOKENS_FILE] if config.tokens is not None else []
    return files + (["gemeente.css"] if gemeente_css(config) else [])


def gemeente_css(config: GemeenteConfig) -> str:
    """The theme's variables from the tokens file, then the primary colour of the light theme (``kleur``
    wins over the tokens); with a logo, small screens show the logo without the name beside it (its
    alternative text names the gemeente), so the header reflows at 320 px."""
    rules = []
    if config.tokens is not None:
        skip = COLOUR_KEY_OVERRIDES if config.colour else frozenset()
        mapped = theme_css(config.tokens, skip=skip)
        if mapped:
            rules.append(f"/* [huisstijl] tokens: NL Design System */\n{mapped}")
    if config.colour:
        colour = config.colour
        rules.append(
            "/* [huisstijl] kleur */\n"
            f'html[data-theme="light"] {{ --pst-color-primary: {colour}; --pst-color-link: {colour}; '
            f"--pst-color-link-hover: {colour}; }}"
        )
    if config.logo is not None:
        rules.append("@media (max-width: 959.98px) { .bd-header .navbar-brand .title { display: none; } }")
    return "\n".join(rules) + "\n" if rules else ""


def footer_html(config: GemeenteConfig) -> str:
    """The footer's links (privacy, accessibility statement, contacts, website) as a list in a nav."""
    items = []
    labels = {"privacy": "Privacyverklaring", "toegankelijkheid": "Toegankelijkheidsverklaring"}
    for key, label in labels.items():
        if key in config.footer:
            items.append(f'<li><a href="{escape(config.footer[key])}">{label}</a></li>')
    for contact in config.contacts.values():
        items.append(
            f'<li>{escape(contact.name)}: <a href="mailto:{escape(contact.email)}">{escape(contact.email)}</a></li>'
        )
    if config.website:
        items.append(f'<li><a href="{escape(config.website)}">Website van {escape(config.name)}</a></li>')
    if not items:
        return ""
    body = "\n".join(items)
    # raw: the texts are the gemeente's, never template code
    nav = f'<nav class="gl-gemeente-voet" aria-label="{escape(config.name)}">\n<ul>\n{body}\n</ul>\n</nav>'
    return "{% raw %}" + nav + "{% endraw %}\n"


def conf_lines(config: GemeenteConfig) -> list[str]:
    """The lines of the generated conf.py that apply the gemeente's look."""
    lines = [
        f"html_static_path = [{FOLDER!r}]",
        f"templates_path = [{FOLDER + '/templates'!r}]",
        f"html_css_files = {css_files(config)!r}",
        "html_theme_options = {",
        "    **html_theme_options,  # noqa: F405",
        f'    "footer_end": [{FOOTER_TEMPLATE!r}],',
    ]
    # The header names the gemeente (the page title still says "AI-geletterdheid – <naam>"): a longer
    # text next to a logo does not fit beside the section links.
    brand = {"text": config.name, **({"alt_text": f"Logo van {config.name}"} if config.logo is not None else {})}
    lines += [f'    "logo": {brand!r},', "}"]
    if config.logo is not None:
        logo = f"{FOLDER}/logo{config.logo.suffix.lower()}"
        lines += [f"html_logo = {logo!r}", f"html_favicon = {logo!r}", f"geletterdheid_logo = {logo!r}"]
    return lines
