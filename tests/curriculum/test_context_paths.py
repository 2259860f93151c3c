"""Learning paths in context (issue 15): an employee's required modules follow the AI systems their
department or role uses, in the gemeente's own register; the repository's example changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from context_support import (
    ALL_STAFF_PATH,
    CHATBOT_REASON,
    HIGH_RISK_REASON,
    WERK_EN_INKOMEN_PATH,
    make_gemeente,
)
from geletterdheid.cli import main
from geletterdheid.content import Catalog, catalog_or_exit
from geletterdheid.curriculum import ROLE_PATH, RequiredPaths, required_module_ids, required_path, system_needs
from geletterdheid.project.assemble import assemble
from repo_paths import REPO


@pytest.fixture(scope="module")
def gemeente(tmp_path_factory) -> Path:
    return make_gemeente(tmp_path_factory.mktemp("context") / "testdorp")


@pytest.fixture(scope="module")
def gemeente_catalog(gemeente) -> Catalog:
    return catalog_or_exit(assemble(gemeente))


def test_the_gemeente_register_is_its_own_not_the_example(gemeente_catalog):
    assert gemeente_catalog.inventory is not None and not gemeente_catalog.inventory_is_example
    # the stopped system is not there; the others with their outcome
    needs = {need.system_id: need for need in system_needs(gemeente_catalog)}
    assert sorted(needs) == ["bijstand-signalen", "chatbot-website"]
    assert needs["bijstand-signalen"].risk_class == "hoog-risico"
    assert needs["bijstand-signalen"].modules == {"m07", "m13", "m06", "m02", "m01"}
    assert needs["chatbot-website"].transparency == ("50(1)", "50(2)")


def test_a_department_using_a_high_risk_system_gets_m07_and_m13_with_their_prerequisites(gemeente_catalog):
    path = required_path(gemeente_catalog, [], "Werk en Inkomen")
    assert list(path.module_ids) == WERK_EN_INKOMEN_PATH
    assert [path.reason(m) for m in path.module_ids] == [ROLE_PATH] * 4 + [HIGH_RISK_REASON] * 3
    # case and spaces do not matter, as with --afdeling
    assert list(required_path(gemeente_catalog, [], " werk EN inkomen").module_ids) == WERK_EN_INKOMEN_PATH
    # the roles' own path (site, handbooks) stays as it is
    assert required_module_ids(gemeente_catalog, []) == ALL_STAFF_PATH


def ids(catalog: Catalog, roles: list[str], department: str | None) -> list[str]:
    return list(required_path(catalog, roles, department).module_ids)


def test_elsewhere_the_path_is_the_roles_own(gemeente_catalog):
    assert ids(gemeente_catalog, [], "Sociaal Domein") == ALL_STAFF_PATH
    assert ids(gemeente_catalog, [], None) == ALL_STAFF_PATH  # no department, no system's role


def test_a_stopped_system_adds_nothing(gemeente_catalog):
    assert ids(gemeente_catalog, [], "Burgerzaken") == ALL_STAFF_PATH
    assert ids(gemeente_catalog, ["bestuurder-manager"], "Burgerzaken") == required_module_ids(
        gemeente_catalog, ["bestuurder-manager"]
    )


def test_a_role_using_a_system_gets_its_modules_wherever_they_work(gemeente_catalog):
    own = required_module_ids(gemeente_catalog, ["inkoper"])
    path = required_path(gemeente_catalog, ["inkoper"], "Financiën")
    assert "m08" not in own and "m08" in path.module_ids  # 50(1), 50(2): transparency
    assert required_path(gemeente_catalog, ["inkoper"], None) == path  # the role, not the department
    assert set(path.module_ids) == set(own) | {"m08"}
    assert path.reason("m08") == CHATBOT_REASON
    # prerequisites first: m08 requires m02
    assert path.module_ids.index("m02") < path.module_ids.index("m08")


def test_a_module_already_on_the_roles_path_keeps_leerpad_as_its_reason(gemeente_catalog):
    # beleidsadviseur has m07 and m13 on its own path, and is the high-risk system's role
    path = required_path(gemeente_catalog, ["beleidsadviseur"], "Werk en Inkomen")
    assert list(path.module_ids) == required_module_ids(gemeente_catalog, ["beleidsadviseur"])
    assert {path.reason(m) for m in path.module_ids} == {ROLE_PATH}


def test_paths_are_worked_out_once_per_role_set_and_systems_used(gemeente_catalog):
    paths = RequiredPaths(gemeente_catalog)
    first = paths.path((), "Werk en Inkomen")
    assert paths.path((), "werk en inkomen") is first  # the same systems: the same path object
    assert paths.path((), "Sociaal Domein") is paths.path((), "Burgerzaken")  # no systems either way


def test_a_left_out_module_is_not_added_back(tmp_path):
    project = make_gemeente(tmp_path / "weglaten")
    settings = project / "gemeente.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + '\n[inhoud]\nweglaten = ["m13"]\n', encoding="utf-8")
    catalog = catalog_or_exit(assemble(project))
    assert ids(catalog, [], "Werk en Inkomen") == ["m01", "m02", "m03", "m04", "m06", "m07"]


@pytest.fixture(scope="module")
def repo_catalog() -> Catalog:
    return catalog_or_exit(REPO)


def test_the_repository_example_register_changes_nobodys_path(repo_catalog):
    assert repo_catalog.inventory is not None and repo_catalog.inventory_is_example
    assert system_needs(repo_catalog) == ()
    for system in repo_catalog.inventory.systems:
        for department in system.departments:
            for roles in ([], system.roles, ["inkoper"]):
                plain = [r for r in roles if r != "alle-medewerkers"]
                assert ids(repo_catalog, plain, department) == required_module_ids(repo_catalog, plain)
    # the example has a high-risk system for Werk en Inkomen: still only the all-staff path
    assert ids(repo_catalog, [], "Werk en Inkomen") == ALL_STAFF_PATH


def test_curriculum_command_shows_a_departments_path_with_the_systems_modules(gemeente, capsys):
    code = main(["--root", str(gemeente), "curriculum", "alle-medewerkers", "--afdeling", "Werk en Inkomen"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Leerpad voor Alle medewerkers, afdeling Werk en Inkomen" in out
    assert "m07  Plichten van de gemeente als gebruiksverantwoordelijke" in out
    assert f"Waarom: {HIGH_RISK_REASON}" in out
    code = main(["--root", str(gemeente), "curriculum", "alle-medewerkers"])
    assert "m07" not in capsys.readouterr().out


def test_curriculum_afdeling_as_json_says_why(gemeente, capsys):
    import json

    main(
        ["--root", str(gemeente), "curriculum", "alle-medewerkers", "--afdeling", "Werk en Inkomen", "--format", "json"]
    )
    data = json.loads(capsys.readouterr().out)
    assert data["afdeling"] == "Werk en Inkomen"
    assert {m["id"]: m["reden"] for m in data["modules"]}["m07"] == HIGH_RISK_REASON
    assert [m["id"] for m in data["modules"]] == WERK_EN_INKOMEN_PATH


def test_curriculum_afdeling_in_the_repository_says_the_example_counts_for_nobody(capsys):
    code = main(["--root", str(REPO), "curriculum", "alle-medewerkers", "--afdeling", "Werk en Inkomen"])
    captured = capsys.readouterr()
    assert code == 0
    assert "m07" not in captured.out
    assert "voorbeeld" in captured.err and "telt niet mee" in captured.err


def test_reports_and_the_certificate_rule_ignore_the_example_register_too(repo_catalog):
    from geletterdheid.certificate.progress import learner_progress
    from geletterdheid.records import Employee
    from geletterdheid.reports.completion import completions

    [item] = completions(repo_catalog, [Employee("X1", "Xandra", "Werk en Inkomen", (), None)], [])
    assert [module.module_id for module in item.modules if module.required] == ALL_STAFF_PATH
    assert [line.module_id for line in learner_progress(repo_catalog, item).modules] == ALL_STAFF_PATH


def test_in_the_gemeente_the_certificate_rule_needs_the_systems_modules(gemeente_catalog):
    from geletterdheid.certificate.progress import learner_progress
    from geletterdheid.records import Employee
    from geletterdheid.reports.completion import completions

    [item] = completions(gemeente_catalog, [Employee("X1", "Xandra", "Werk en Inkomen", (), None)], [])
    progress = learner_progress(gemeente_catalog, item)
    assert [line.module_id for line in progress.modules] == WERK_EN_INKOMEN_PATH
    assert {line.module_id: line.reason for line in progress.modules}["m07"] == HIGH_RISK_REASON
    assert progress.path_key.endswith(":" + "|".join(WERK_EN_INKOMEN_PATH))  # another path: another certificate
