"""Mijn voortgang, the certificate (PDF/UA), the Open Badges 3.0 credential and /verifieer, over HTTP."""

from __future__ import annotations

import io
import re
import subprocess

import httpx
import pytest
from joserfc import jwt
from joserfc.errors import BadSignatureError
from joserfc.jwk import KeySet
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from certificate_support import bearer, catalog, pass_path, tiny_site
from geletterdheid.records.store import Store
from server_support import new_store_url, running_server


def structure_kinds(reader: PdfReader, alts: list[str] | None = None) -> set[str]:
    """The kinds of element in the PDF's tag tree (/H1, /Table, ...); figures' alt texts into ``alts``."""
    kinds, stack = set(), [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        kids = stack.pop().get("/K")
        for kid in kids if isinstance(kids, ArrayObject) else [kids] if kids is not None else []:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, DictionaryObject) and kid.get("/Type") == "/StructElem":
                kinds.add(kid["/S"])
                if alts is not None and "/Alt" in kid:
                    alts.append(str(kid["/Alt"]))
                stack.append(kid)
    return kinds


def progress(server, employee_id: str) -> httpx.Response:
    return httpx.get(server.url + "api/mijn-voortgang", headers=bearer(employee_id), timeout=30)


def certificate_count(server) -> int:
    with Store.open(server.db_url) as store, store.engine.connect() as connection:
        return connection.exec_driver_sql("SELECT count(*) FROM certificates").scalar_one()


def test_progress_shows_the_path_in_dutch_words_and_no_certificate_before_it_is_complete(own_server):
    response = progress(own_server, "E1")  # beleidsadviseur: a longer path than all staff
    assert response.status_code == 200
    body = response.json()
    assert body["naam"] == "Anna de Vries" and body["leerpad"] == "Leerpad Beleidsadviseur"
    path = [module.title for module in catalog().modules.values() if module.id in {m["id"] for m in body["modules"]}]
    assert len(path) == body["totaal"] > 4
    assert {m["status_tekst"] for m in body["modules"]} == {"Nog niet gedaan"}
    assert body["compleet"] is False and body["certificaat"] is None
    missing = httpx.get(own_server.url + "api/mijn-voortgang/certificaat.pdf", headers=bearer("E1"))
    assert missing.status_code == 404
    assert "nog niet alle modules" in missing.json()["fout"]
    assert certificate_count(own_server) == 0


@pytest.mark.parametrize(
    ("headers", "status", "message"),
    [
        ({}, 401, "We weten niet wie je bent"),
        ({"Authorization": "Bearer kapot"}, 401, "Je persoonlijke link is ongeldig"),
        (bearer("E999"), 403, "niet in de personeelslijst"),
    ],
    ids=["nobody", "damaged-key", "unknown-employee"],
)
def test_progress_without_a_known_learner_is_refused_in_dutch(own_server, headers, status, message):
    response = httpx.get(own_server.url + "api/mijn-voortgang", headers=headers)
    assert response.status_code == status
    assert message in response.json()["fout"]


@pytest.fixture(scope="module")
def completed(own_server):
    """Bram (all staff) passed every module of his path; his progress as the API gives it."""
    pass_path(own_server, "E2")
    response = progress(own_server, "E2")
    assert response.status_code == 200
    return response.json()


def test_a_complete_path_gets_one_certificate(own_server, completed):
    assert completed["compleet"] is True and completed["gehaald"] == completed["totaal"]
    assert {m["status_tekst"] for m in completed["modules"]} == {"Gehaald"}
    certificate = completed["certificaat"]
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){3}", certificate["code"])
    assert progress(own_server, "E2").json()["certificaat"]["code"] == certificate["code"]  # asked again: same
    assert certificate_count(own_server) == 1


def test_the_certificate_pdf_is_tagged_dutch_pdf_ua_and_names_what_was_done(own_server, completed, tmp_path):
    response = httpx.get(own_server.url.rstrip("/") + completed["certificaat"]["pdf"], headers=bearer("E2"), timeout=60)
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    assert "attachment" in response.headers["content-disposition"]
    path = tmp_path / "certificaat.pdf"
    path.write_bytes(response.content)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE)
    assert re.search(r"^Title:\s+Certificaat AI-geletterdheid: Bram Jansen$", info, re.MULTILINE)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # every font embedded
    reader = PdfReader(io.BytesIO(response.content))
    root = reader.trailer["/Root"]
    assert root["/Lang"] in ("nl", "nl-NL")
    assert re.search(rb"pdfuaid:part(>|=\")1\b", root["/Metadata"].get_object().get_data())
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    # headings, the modules as a table with header cells, the verification link and its QR code: all tagged
    alts: list[str] = []
    assert {"/H1", "/H2", "/P", "/Table", "/TH", "/TD", "/Link", "/Figure"} <= structure_kinds(reader, alts)
    code = completed["certificaat"]["code"]
    assert f"QR-code met het adres om dit certificaat te controleren: {own_server.url}verifieer/{code}" in alts
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split())
    assert "Bram Jansen" in text and "Gemeente Voorbeeld" in text and "Leerpad Alle medewerkers" in text
    assert f"Verificatiecode: {code}" in text
    assert f"ga naar {own_server.url}verifieer/ en typ de verificatiecode" in text
    links = [annotation.get_object()["/A"]["/URI"] for annotation in reader.pages[0]["/Annots"]]
    assert links == [f"{own_server.url}verifieer/{code}"]  # the link itself opens this certificate
    for module in completed["modules"]:
        assert module["titel"] in text
    assert module["gehaald_op"] in text


def test_the_badge_is_an_open_badge_that_verifies_with_the_published_key(own_server, completed):
    response = httpx.get(own_server.url.rstrip("/") + completed["certificaat"]["badge"], headers=bearer("E2"))
    assert response.status_code == 200
    published = httpx.get(own_server.url + ".well-known/jwks.json")
    assert published.status_code == 200
    keys = published.json()
    assert all("d" not in key for key in keys["keys"])  # only the public half
    decoded = jwt.decode(response.text, KeySet.import_key_set(keys), algorithms=["Ed25519"])
    assert decoded.header["alg"] == "Ed25519" and decoded.header["kid"] == keys["keys"][0]["kid"]
    assert decoded.header["jwk"] == {k: v for k, v in keys["keys"][0].items() if k in ("kty", "crv", "x")}
    credential = decoded.claims  # the payload is the credential (OB 3.0 on VC data model 2.0)
    assert "vc" not in credential
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json" in credential["@context"]
    assert credential["id"] == own_server.url + "verifieer/" + completed["certificaat"]["code"]
    assert decoded.claims["jti"] == credential["id"] and decoded.claims["iss"] == credential["issuer"]["id"]
    assert credential["issuer"]["name"] == "Gemeente Voorbeeld"
    subject = credential["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert subject["identifier"][0]["identityHash"] == "Bram Jansen"
    assert subject["achievement"]["name"] == "AI-geletterdheid: Leerpad Alle medewerkers"
    header, payload, signature = response.text.split(".")
    forged = f"{header}.{payload}.{signature[:-4]}AAAA"
    with pytest.raises(BadSignatureError):
        jwt.decode(forged, KeySet.import_key_set(keys), algorithms=["Ed25519"])


def test_verification_shows_only_name_path_and_date(own_server, completed):
    code = completed["certificaat"]["code"]
    for typed in (code, code.lower(), code.replace("-", "")):
        page = httpx.get(own_server.url + f"verifieer/{typed}")
        assert page.status_code == 200
        text = re.sub(r"<[^>]+>", " ", page.text)
        assert "Dit certificaat is echt." in text
        assert "Bram Jansen" in text and "Leerpad Alle medewerkers" in text
        assert completed["modules"][0]["gehaald_op"] in text  # the date
        assert "Sociaal Domein" not in text and "E2" not in text
        assert not any(module["titel"] in text for module in completed["modules"])
    typed_in = httpx.get(own_server.url + "verifieer/", params={"code": code.lower()}, follow_redirects=True)
    assert typed_in.status_code == 200 and "Dit certificaat is echt." in typed_in.text  # after the redirect


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("verifieer/ZZZZ-ZZZZ-ZZZZ-ZZZZ", 404, "Deze code kennen we niet"),
        ("verifieer/%3Cscript%3E", 404, "Deze code kennen we niet: &lt;script&gt;"),
        ("verifieer/?code=kort", 400, "Dit is geen geldige verificatiecode"),
    ],
    ids=["unknown", "markup", "malformed"],
)
def test_unknown_or_malformed_codes_are_said_plainly(own_server, path, status, message):
    page = httpx.get(own_server.url + path)
    assert page.status_code == status
    assert message in page.text and "<script>" not in page.text


def test_a_forgotten_employee_s_certificate_reads_as_withdrawn(own_server):
    pass_path(own_server, "E1", ("beleidsadviseur",))
    code = progress(own_server, "E1").json()["certificaat"]["code"]
    assert httpx.get(own_server.url + f"verifieer/{code}").status_code == 200
    with Store.open(own_server.db_url) as store:
        assert store.forget("E1") is not None
    page = httpx.get(own_server.url + f"verifieer/{code}")
    assert page.status_code == 410
    assert "Dit certificaat is ingetrokken." in page.text and "Anna" not in page.text


def test_a_role_the_content_no_longer_has_is_explained(own_server):
    from geletterdheid.records import Employee

    with Store.open(own_server.db_url) as store:
        store.upsert_employees([Employee("E7", "Cor Oud", "Burgerzaken", ("verdwenen-rol",), None)])
    response = progress(own_server, "E7")
    assert response.status_code == 409
    assert "Je rol staat niet (meer) in de training" in response.json()["fout"]


def test_the_gemeente_from_the_settings_file_signs_certificate_and_badge(tmp_path):
    config = tmp_path / "server.toml"
    config.write_text('gemeente = "Gemeente Utrecht"\n', encoding="utf-8")
    with running_server(tiny_site(tmp_path / "site"), new_store_url(tmp_path), "--config", str(config)) as server:
        assert any("certificaten van Gemeente Utrecht" in line for line in server.output)
        pass_path(server, "E2")
        base = server.url.rstrip("/")
        pdf = httpx.get(base + "/api/mijn-voortgang/certificaat.pdf", headers=bearer("E2"), timeout=60)
        assert PdfReader(io.BytesIO(pdf.content)).metadata.author == "Gemeente Utrecht"
        token = httpx.get(base + "/api/mijn-voortgang/badge.jwt", headers=bearer("E2")).text
        keys = KeySet.import_key_set(httpx.get(base + "/.well-known/jwks.json").json())
        assert jwt.decode(token, keys, algorithms=["Ed25519"]).claims["issuer"]["name"] == "Gemeente Utrecht"
