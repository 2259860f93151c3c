"""cmi5: one course package (zip) with one AU per module.

``cmi5.xml`` at the root (the cmi5 CourseStructure: a course, then an ``<au>`` per module with
moveOn="CompletedAndPassed", masteryScore = drempel / 100, launchMethod="AnyWindow" and the
relative url of the AU), and per module a folder with its launch page, script and style. The AU
reads endpoint, fetch, actor, registration and activityId from its launch URL, gets the token from
``fetch`` and sends the cmi5-defined statements (lms-toets.js).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from lxml import etree

from ..content.model import Catalog
from .module_html import ModuleRenderer
from .pages import SCRIPT, STYLE, module_page, static_file

CMI5 = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
SCHEMA_FILE = "cmi5_CourseStructure.xsd"
LANG = "nl-NL"


def schema_bytes() -> bytes:
    return resources.files("geletterdheid.exports").joinpath("schemas", SCHEMA_FILE).read_bytes()


def course_id(stem: str) -> str:
    return f"urn:geletterdheid:cursus:{stem}"


def au_id(catalog: Catalog, module_id: str) -> str:
    """The AU's id; with the module's version, so a changed module is a new AU for the LMS."""
    return f"urn:geletterdheid:module:{module_id}:v{catalog.modules[module_id].version}"


def au_url(module_id: str) -> str:
    return f"{module_id}/index.html"


def _text(parent: etree._Element, tag: str, text: str) -> None:
    element = etree.SubElement(parent, f"{{{CMI5}}}{tag}")
    etree.SubElement(element, f"{{{CMI5}}}langstring", lang=LANG).text = text


def course_structure(catalog: Catalog, module_ids: list[str], stem: str, title: str) -> bytes:
    root = etree.Element(f"{{{CMI5}}}courseStructure", nsmap={None: CMI5})
    course = etree.SubElement(root, f"{{{CMI5}}}course", id=course_id(stem))
    _text(course, "title", title)
    _text(course, "description", "AI-geletterdheid voor gemeenten: modules met een toets.")
    for module_id in module_ids:
        module = catalog.modules[module_id]
        au = etree.SubElement(
            root,
            f"{{{CMI5}}}au",
            id=au_id(catalog, module_id),
            moveOn="CompletedAndPassed",
            masteryScore=f"{catalog.quizzes[module_id].pass_mark / 100:g}",
            launchMethod="AnyWindow",
        )
        _text(au, "title", module.title)
        _text(au, "description", module.summary)
        etree.SubElement(au, f"{{{CMI5}}}url").text = au_url(module_id)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def package_files(catalog: Catalog, module_ids: list[str], stem: str, title: str) -> dict[str, bytes]:
    renderer = ModuleRenderer(catalog)
    files = {"cmi5.xml": course_structure(catalog, module_ids, stem, title)}
    for module_id in module_ids:
        assets: dict[str, bytes] = {}
        files[au_url(module_id)] = module_page(catalog, module_id, "cmi5", renderer, assets).encode("utf-8")
        files.update({f"{module_id}/{name}": data for name, data in assets.items()})
        files[f"{module_id}/{SCRIPT}"] = static_file(SCRIPT)
        files[f"{module_id}/{STYLE}"] = static_file(STYLE)
    return files


def write_cmi5(catalog: Catalog, module_ids: list[str], out: Path, stem: str) -> list[Path]:
    """One course zip ``<stem>-cmi5.zip`` in ``out`` with an AU for each module."""
    from .zipped import write_zip

    if len(module_ids) == 1:
        title = catalog.modules[module_ids[0]].title
    elif stem in catalog.roles:
        title = f"AI-geletterdheid: leerpad {catalog.roles[stem].title}"
    else:
        title = "AI-geletterdheid: alle modules"
    return [write_zip(out / f"{stem}-cmi5.zip", package_files(catalog, module_ids, stem, title))]


def cmi5_problems(data: bytes) -> list[str]:
    """What the shipped cmi5 CourseStructure.xsd finds wrong in a cmi5.xml."""
    schema = etree.XMLSchema(etree.fromstring(schema_bytes()))
    if schema.validate(etree.fromstring(data)):
        return []
    return [f"regel {error.line}: {error.message}" for error in schema.error_log]
