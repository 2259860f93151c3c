"""SCORM 1.2: one package (zip) per module, each a single SCO: the module text with its quiz.

``imsmanifest.xml`` at the root (IMS CP 1.1.2 with the ADL SCORM 1.2 extensions: one organization,
one item with ``adlcp:masteryscore`` = the quiz's drempel, one webcontent resource of scormtype
``sco`` listing every file), the launch page ``index.html`` with ``lms-toets.js`` and ``lms-toets.css``,
and the XSDs the manifest names (schemas/, see their README). SCORM 1.2 has one score per SCO, so a
learning path is one package per module: the LMS puts them in one course.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from lxml import etree

from ..content.model import Catalog
from .module_html import ModuleRenderer
from .pages import SCRIPT, STYLE, module_page, static_file

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
#: The schema files shipped in every package (the manifest's schemaLocation names the first two).
SCHEMA_FILES = ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd", "imsmd_rootv1p2p1.xsd")
LAUNCH = "index.html"


def schema_bytes(name: str) -> bytes:
    return resources.files("geletterdheid.exports").joinpath("schemas", name).read_bytes()


def manifest(catalog: Catalog, module_id: str, files: list[str]) -> bytes:
    module = catalog.modules[module_id]
    quiz = catalog.quizzes[module_id]
    ident = f"geletterdheid-{module_id}-v{module.version}"
    root = etree.Element(f"{{{IMSCP}}}manifest", nsmap={None: IMSCP, "adlcp": ADLCP, "xsi": XSI})
    root.set("identifier", ident)
    root.set("version", str(module.version))
    root.set(f"{{{XSI}}}schemaLocation", f"{IMSCP} imscp_rootv1p1p2.xsd {ADLCP} adlcp_rootv1p2.xsd")
    metadata = etree.SubElement(root, f"{{{IMSCP}}}metadata")
    etree.SubElement(metadata, f"{{{IMSCP}}}schema").text = "ADL SCORM"
    etree.SubElement(metadata, f"{{{IMSCP}}}schemaversion").text = "1.2"
    organizations = etree.SubElement(root, f"{{{IMSCP}}}organizations", default="org-geletterdheid")
    organization = etree.SubElement(organizations, f"{{{IMSCP}}}organization", identifier="org-geletterdheid")
    etree.SubElement(organization, f"{{{IMSCP}}}title").text = module.title
    item = etree.SubElement(
        organization, f"{{{IMSCP}}}item", identifier=f"item-{module_id}", identifierref=f"sco-{module_id}"
    )
    etree.SubElement(item, f"{{{IMSCP}}}title").text = module.title
    etree.SubElement(item, f"{{{ADLCP}}}masteryscore").text = str(quiz.pass_mark)
    resources_ = etree.SubElement(root, f"{{{IMSCP}}}resources")
    resource = etree.SubElement(
        resources_, f"{{{IMSCP}}}resource", identifier=f"sco-{module_id}", type="webcontent", href=LAUNCH
    )
    resource.set(f"{{{ADLCP}}}scormtype", "sco")
    for name in files:
        etree.SubElement(resource, f"{{{IMSCP}}}file", href=name)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def package_files(catalog: Catalog, module_id: str, renderer: ModuleRenderer | None = None) -> dict[str, bytes]:
    """Every file of the module's package, by its name in the zip."""
    assets: dict[str, bytes] = {}
    content = {
        LAUNCH: module_page(catalog, module_id, "scorm12", renderer, assets).encode("utf-8"),
        SCRIPT: static_file(SCRIPT),
        STYLE: static_file(STYLE),
        **assets,
    }
    files = {"imsmanifest.xml": manifest(catalog, module_id, list(content))}
    files.update(content)
    files.update({name: schema_bytes(name) for name in SCHEMA_FILES})
    return files


def package_name(module_id: str) -> str:
    return f"{module_id}-scorm12.zip"


def write_scorm12(catalog: Catalog, module_ids: list[str], out: Path, stem: str) -> list[Path]:
    """One zip per module in ``out`` (``m01-scorm12.zip``); ``stem`` is not needed: names follow the module."""
    from .zipped import write_zip

    renderer = ModuleRenderer(catalog)
    return [write_zip(out / package_name(mid), package_files(catalog, mid, renderer)) for mid in module_ids]


def manifest_problems(data: bytes) -> list[str]:
    """What the shipped SCORM 1.2 XSDs (IMS CP 1.1.2 with the ADL extensions) find wrong in a manifest.

    The IMS schema lets other namespaces in through strict wildcards, so both are loaded in one
    schema set (a small driver that imports each from the packaged files)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for name in SCHEMA_FILES:
            (Path(folder) / name).write_bytes(schema_bytes(name))
        driver = Path(folder) / "scorm12.xsd"
        driver.write_text(
            '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
            f'<xsd:import namespace="{IMSCP}" schemaLocation="imscp_rootv1p1p2.xsd"/>'
            f'<xsd:import namespace="{ADLCP}" schemaLocation="adlcp_rootv1p2.xsd"/>'
            "</xsd:schema>",
            encoding="utf-8",
        )
        schema = etree.XMLSchema(etree.parse(str(driver)))
    document = etree.fromstring(data)
    if schema.validate(document):
        return []
    return [f"regel {error.line}: {error.message}" for error in schema.error_log]
