"""gemeente.toml: every key read into GemeenteConfig, and every kind of mistake at its line."""

from __future__ import annotations

from types import MappingProxyType

import pytest
from project_support import problems_of

from geletterdheid.project.config import (
    Contact,
    ForumSettings,
    MissingProjectFile,
    ProjectConfigError,
    find_project,
    load_config,
)

FULL = """
[gemeente]
naam = "Gemeente Testdorp"
logo = "logo.svg"
website = "https://www.testdorp.nl"
[forum]
basis_url = "https://forum.testdorp.nl/c/"   # topic id is appended
[forum.onderwerpen]
generatieve-ai = "https://forum.testdorp.nl/t/chatgpt"
[contact]
ai_loket = { naam = "AI-loket", email = "ai@testdorp.nl" }
fg = { naam = "Functionaris gegevensbescherming", email = "fg@testdorp.nl" }
[voettekst]
privacy = "https://www.testdorp.nl/privacy"
toegankelijkheid = "https://www.testdorp.nl/toegankelijkheid"
[huisstijl]
kleur = "#00589C"
tokens = "huisstijl/tokens.css"
[inhoud]
weglaten = ["m16", "m03"]
"""

MINIMAL = """
[gemeente]
naam = "Gemeente Testdorp"
[forum]
basis_url = "https://forum.testdorp.nl/c/"
"""


def test_every_key_is_read(project):
    root = project(FULL)
    (root / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (root / "huisstijl").mkdir()
    (root / "huisstijl" / "tokens.css").write_text(":root { --basis-color-action-1-color-default: #0b578a; }\n")
    config = load_config(root)
    assert config.root == root.resolve()
    assert config.file == root.resolve() / "gemeente.toml"
    assert config.name == "Gemeente Testdorp"
    assert config.logo == root.resolve() / "logo.svg"
    assert config.website == "https://www.testdorp.nl"
    assert config.forum == ForumSettings(
        "https://forum.testdorp.nl/c/", MappingProxyType({"generatieve-ai": "https://forum.testdorp.nl/t/chatgpt"})
    )
    assert dict(config.contacts) == {
        "ai_loket": Contact("AI-loket", "ai@testdorp.nl"),
        "fg": Contact("Functionaris gegevensbescherming", "fg@testdorp.nl"),
    }
    assert dict(config.footer) == {
        "privacy": "https://www.testdorp.nl/privacy",
        "toegankelijkheid": "https://www.testdorp.nl/toegankelijkheid",
    }
    assert config.colour == "#00589c"  # written in capitals, handed out in the one spelling CSS gets
    assert config.tokens is not None and config.tokens.path == root.resolve() / "huisstijl" / "tokens.css"
    assert config.leave_out == ("m16", "m03")
    assert config.line_of("forum", "basis_url") == 6
    assert config.line_of("contact", "fg", "email") == 11


def test_the_config_cannot_be_changed_by_the_code_that_reads_it(project):
    config = load_config(project(MINIMAL))
    with pytest.raises(AttributeError):
        config.name = "Andere gemeente"  # type: ignore[misc]
    with pytest.raises(TypeError):
        config.contacts["ai_loket"] = Contact("x", "x@y.nl")  # type: ignore[index]


def test_forum_url_is_the_override_else_base_plus_topic_id(project):
    root = project(FULL.replace('logo = "logo.svg"\n', "").replace('tokens = "huisstijl/tokens.css"\n', ""))
    forum = load_config(root).forum
    assert forum is not None
    assert forum.url_for("generatieve-ai") == "https://forum.testdorp.nl/t/chatgpt"
    assert forum.url_for("basiskennis") == "https://forum.testdorp.nl/c/basiskennis"


def test_only_name_and_forum_are_needed(project):
    config = load_config(project(MINIMAL))
    assert (config.logo, config.website, config.colour, config.tokens) == (None, None, None, None)
    assert dict(config.contacts) == {} and dict(config.footer) == {} and config.leave_out == ()
    assert config.forum is not None and dict(config.forum.per_topic) == {}


def test_forum_false_means_no_forum(project):
    config = load_config(project('forum = false\n[gemeente]\nnaam = "Gemeente Testdorp"\n'))
    assert config.forum is None


def test_forum_false_under_a_table_is_explained(project):
    # TOML puts a key in the table above it: here forum becomes gemeente.forum.
    root = project('[gemeente]\nnaam = "Gemeente Testdorp"\nforum = false\n')
    assert problems_of(root) == [
        "gemeente.toml:3: onbekende sleutel 'forum' in [gemeente]; "
        "forum = ... hoort bovenaan het bestand, vóór de eerste [tabel]"
    ]


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        (
            '[gemeente]\nnaam = "T"\n',
            "gemeente.toml:1: [forum] ontbreekt: geef met basis_url het adres van het forum, "
            "of zet forum = false bovenaan als je gemeente geen forum heeft",
        ),
        (
            'forum = true\n[gemeente]\nnaam = "T"\n',
            "gemeente.toml:1: forum moet false zijn (geen forum) of een tabel [forum] met basis_url",
        ),
        (
            "forum = false\n",
            'gemeente.toml:1: [gemeente] ontbreekt; zet bovenaan: [gemeente] en daaronder naam = "Gemeente ..."',
        ),
        (
            'forum = false\n[gemeente]\nwebsite = "https://t.nl"\n',
            "gemeente.toml:2: 'naam' in [gemeente] ontbreekt; dat is verplicht",
        ),
        (
            'forum = false\n[gemeente]\n\nnaam = "  "\n',
            "gemeente.toml:4: 'naam' in [gemeente] mag niet leeg zijn",
        ),
        (
            'forum = false\n[gemeente]\nnaam = "Gemeente\\nTestdorp"\n',
            "gemeente.toml:3: 'naam' in [gemeente] moet op één regel passen, zonder tabs of stuurtekens",
        ),
        (
            "forum = false\n[gemeente]\nnaam = 12\n",
            "gemeente.toml:3: 'naam' in [gemeente] moet tekst zijn (tussen aanhalingstekens), niet een getal",
        ),
        (
            'forum = false\n[gemeente]\nnaam = "T"\nwebsite = "www.testdorp.nl"\n',
            "gemeente.toml:4: 'website' in [gemeente]: 'www.testdorp.nl' is geen geldig webadres: "
            "gebruik een adres dat begint met https:// (of http://)",
        ),
        (
            '[gemeente]\nnaam = "T"\n[forum]\nbasis_url = "https://forum.t.nl/c"\n',
            "gemeente.toml:4: 'basis_url' in [forum] moet eindigen op '/' (of op '=' bij een adres met ?): "
            "de onderwerp-id komt er direct achter, zoals https://forum.t.nl/c/generatieve-ai",
        ),
        (
            '[gemeente]\nnaam = "T"\n[forum]\n[forum.onderwerpen]\ngeneratieve-ai = "https://t.nl/x"\n',
            "gemeente.toml:3: 'basis_url' in [forum] ontbreekt; dat is verplicht",
        ),
        (
            '[gemeente]\nnaam = "T"\n[forum]\nbasis_url = "https://t.nl/"\n[forum.onderwerpen]\n'
            'generatieve-ai = "mailto:x@t.nl"\n',
            "gemeente.toml:6: 'generatieve-ai' in [forum.onderwerpen]: 'mailto:x@t.nl' is geen geldig webadres: "
            "gebruik een adres dat begint met https:// (of http://)",
        ),
        (
            'forum = false\n[gemeente]\nnaam = "T"\n[contact]\n# het loket\nai_loket = { naam = "AI-loket", '
            'email = "ai.testdorp.nl" }\n',
            "gemeente.toml:6: 'email' in [contact.ai_loket]: 'ai.testdorp.nl' is geen geldig e-mailadres: "
            "gebruik de vorm naam@gemeente.nl",
        ),
        (
            'forum = false\n[gemeente]\nnaam = "T"\n[contact]\nfg = { naam = "FG" }\n',
            "gemeente.toml:5: 'email' in [contact.fg] ontbreekt; dat is verplicht",
        ),
        (
            'forum = false\n[gemeente]\nnaam = "T"\n[contact]\nfg = "fg@t.nl"\n',
            'gemeente.toml:5: \'fg\' in [contact] moet zo: fg = { naam = "...", email = "..." }',
        ),
        (
            'forum = false\n[gemeente]\nnaam = "T"\n[voettekst]\nprivacy = "/privacy"\n',
            "gemeente.toml:5: 'privacy' in [voettekst]: '/privacy' is geen geldig webadres: "
            "gebruik een adres dat begint met https:// (of http://)",
        ),
        (
            'forum = false\n[gemeente]\nnaam = "T"\n[inhoud]\nweglaten = "m16"\n',
            "gemeente.toml:5: 'weglaten' in [inhoud] moet een lijst van module-ids zijn, zoals [\"m16\"], niet tekst",
        ),
        (
            'forum = false\n[gemeente]\nnaam = "T"\n[inhoud]\nweglaten = [\n  "m16",\n  "m16",\n]\n',
            "gemeente.toml:5: 'weglaten' in [inhoud]: 'm16' staat er twee keer",
        ),
        (
            'forum = false\ngemeente = "Testdorp"\n',
            "gemeente.toml:2: 'gemeente' moet een tabel zijn: een kop [gemeente] met daaronder sleutel = waarde",
        ),
    ],
)
def test_each_mistake_is_named_at_its_line(project, toml, expected):
    assert problems_of(project(toml)) == [expected]


def test_unknown_keys_and_tables_are_errors_with_a_suggestion(project):
    root = project(
        """
        forum = false
        [gemeente]
        naam = "Gemeente Testdorp"
        webiste = "https://www.testdorp.nl"
        [huistijl]
        kleur = "#00589c"
        [contact]
        ai-loket = { naam = "AI-loket", email = "ai@testdorp.nl" }
        fg = { naam = "FG", mail = "fg@testdorp.nl", email = "fg@testdorp.nl" }
        [inhoud]
        zonder = ["m16"]
        """
    )
    assert problems_of(root) == [
        "gemeente.toml:4: onbekende sleutel 'webiste' in [gemeente]; bedoel je 'website'?",
        "gemeente.toml:5: onbekende tabel [huistijl]; bedoel je [huisstijl]?",
        "gemeente.toml:8: onbekende tabel [contact.ai-loket]; bedoel je [contact.ai_loket]?",
        "gemeente.toml:9: onbekende sleutel 'mail' in [contact.fg]; bedoel je 'email'?",
        # nothing close: say what is allowed
        "gemeente.toml:11: onbekende sleutel 'zonder' in [inhoud]; toegestaan: weglaten",
    ]


def test_all_problems_come_in_one_error_sorted_by_line(project):
    root = project(
        """
        [gemeente]
        naam = ""
        [forum]
        basis_url = "forum"
        [huisstijl]
        kleur = "blauw"
        """
    )
    with pytest.raises(ProjectConfigError) as caught:
        load_config(root)
    message = str(caught.value).splitlines()
    assert [line.split(":")[1] for line in message[:-1]] == ["2", "4", "6"]
    assert message[-1] == f"3 fouten in {root.resolve() / 'gemeente.toml'}."
    assert caught.value.user_message().startswith("Fout: gemeente.toml:2: ")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("logo.gif", "'logo.gif' heeft niet de goede soort; toegestaan: .svg, .png, .jpg, .jpeg"),
        ("ontbreekt.svg", "het bestand 'ontbreekt.svg' bestaat niet in {root}"),
        ("../logo.svg", "'../logo.svg' ligt buiten de projectmap; zet het bestand in de projectmap"),
        ("/etc/logo.svg", "'/etc/logo.svg' moet een pad binnen de projectmap zijn, vanaf gemeente.toml"),
    ],
)
def test_logo_must_be_an_image_inside_the_project(project, value, expected):
    root = project(f'forum = false\n[gemeente]\nnaam = "T"\nlogo = "{value}"\n')
    (root.parent / "logo.svg").write_text("<svg/>", encoding="utf-8")  # exists, but outside the project
    assert problems_of(root) == [f"gemeente.toml:4: 'logo' in [gemeente]: {expected.format(root=root.resolve())}"]


def test_tokens_must_be_an_existing_css_file(project):
    root = project('forum = false\n[gemeente]\nnaam = "T"\n[huisstijl]\ntokens = "tokens.json"\n')
    (root / "tokens.json").write_text("{}", encoding="utf-8")
    assert problems_of(root) == [
        "gemeente.toml:5: 'tokens' in [huisstijl]: 'tokens.json' heeft niet de goede soort; toegestaan: .css"
    ]


def test_a_missing_file_says_how_to_make_a_project(tmp_path):
    with pytest.raises(MissingProjectFile) as caught:
        load_config(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path.resolve()} is geen gemeente-project: er staat geen gemeente.toml in. "
        'Maak een project met: geletterdheid init MAP --gemeente "Gemeente ..."'
    )


def test_find_project_walks_up_to_the_folder_with_gemeente_toml(project, tmp_path):
    root = project(MINIMAL)
    deep = root / "modules" / "sub"
    deep.mkdir(parents=True)
    assert find_project(deep) == root.resolve()
    assert find_project(root / "gemeente.toml") == root.resolve()
    (tmp_path / "elders").mkdir()
    assert find_project(tmp_path / "elders") is None


def test_a_folder_named_gemeente_toml_is_not_a_project(tmp_path):
    (tmp_path / "gemeente.toml").mkdir()
    assert find_project(tmp_path) is None
