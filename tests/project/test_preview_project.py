"""The preview of a gemeente project: a save in the project is assembled again and rebuilt incrementally;
the assembled tree and the output are not watched (they are written by the rebuild itself)."""

from __future__ import annotations

from pathlib import Path

from sphinx_autobuild.filter import IgnoreFilter

from geletterdheid.preview.rebuild import Rebuild
from geletterdheid.preview.watch import watch_plan
from geletterdheid.project.assemble import SOURCE_DIR, assemble


def test_a_save_in_the_project_is_assembled_and_only_that_page_is_written(overlay_project: Path, capsys):
    root = assemble(overlay_project)
    out = overlay_project / "_build" / "voorbeeld"
    rebuild = Rebuild(root=root, out=out, project=overlay_project)
    assert rebuild()
    html = out / "html" / "modules"
    aanvulling_page = html / "m02-vervolg.html"
    untouched = html / "m01-basis.html"
    assert "Vraag het AI-loket" in aanvulling_page.read_text(encoding="utf-8")
    written = untouched.stat().st_mtime_ns

    saved = overlay_project / "aanvullingen" / "m02.md"
    saved.write_text("Mail het AI-loket: ai@testdorp.nl.\n", encoding="utf-8")
    assert rebuild(changed_paths=[saved])
    assert "Mail het AI-loket" in aanvulling_page.read_text(encoding="utf-8")
    assert untouched.stat().st_mtime_ns == written  # incremental: the environment was kept
    assert "Gewijzigd: aanvullingen/m02.md" in capsys.readouterr().out


def test_a_broken_save_keeps_serving_and_names_the_gemeentes_file(overlay_project: Path, capsys):
    root = assemble(overlay_project)
    rebuild = Rebuild(root=root, out=overlay_project / "_build" / "voorbeeld", project=overlay_project)
    module = overlay_project / "modules" / "t01-ai-in-testdorp.md"
    module.write_text(module.read_text(encoding="utf-8").replace("duur_minuten: 10", "duur_minuten: tien"))
    assert not rebuild(changed_paths=[module])
    err = capsys.readouterr().err
    assert "modules/t01-ai-in-testdorp.md:7: 'duur_minuten' moet een geheel getal zijn" in err
    assert "Niet bijgewerkt" in err


def test_the_project_is_watched_but_not_what_the_rebuild_writes(overlay_project: Path):
    out = overlay_project / "_build" / "voorbeeld"
    plan = watch_plan(overlay_project / SOURCE_DIR, overlay_project, out)
    assert plan.paths == [overlay_project]
    ignored = IgnoreFilter([str(p) for p in plan.ignored], list(plan.patterns))
    for written_by_the_build in (SOURCE_DIR / "modules" / "m01-basis.md", Path("_build/voorbeeld/html/index.html")):
        assert ignored(str(overlay_project / written_by_the_build))
    for saved in ("aanvullingen/m02.md", "modules/t01-ai-in-testdorp.md", "gemeente.toml", "rollen/x.md"):
        assert not ignored(str(overlay_project / saved))
    assert ignored(str(overlay_project / "modules" / ".t01-ai-in-testdorp.md.swp"))  # an editor's swap file


def test_the_repository_watches_its_content_not_the_generated_learning_paths(tmp_path: Path):
    root = tmp_path / "repo"
    for name in ("modules", "quizzes", "docs/leerpaden", "src"):
        (root / name).mkdir(parents=True)
    (root / "index.md").write_text("# Index\n")
    plan = watch_plan(root, None, root / "_build" / "voorbeeld")
    assert plan.paths == [root / "modules", root / "quizzes", root / "docs", root / "index.md"]
    ignored = IgnoreFilter([str(p) for p in plan.ignored], list(plan.patterns))
    assert ignored(str(root / "docs" / "leerpaden" / "inkoper.md"))
    assert not ignored(str(root / "docs" / "rollen" / "inkoper.md"))


def test_a_bug_in_a_rebuild_is_said_in_dutch_and_the_preview_goes_on(overlay_project: Path, capsys, monkeypatch):
    import geletterdheid.preview.rebuild as rebuild_module

    def broken(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr(rebuild_module, "run_sphinx", broken)
    rebuild = Rebuild(
        root=assemble(overlay_project), out=overlay_project / "_build" / "voorbeeld", project=overlay_project
    )
    assert rebuild() is False  # returned, not raised: sphinx-autobuild's watcher keeps running
    assert "Interne fout bij het bijwerken (RuntimeError): kapot" in capsys.readouterr().err
