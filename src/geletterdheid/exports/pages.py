"""The launch page of one module in an LMS package: the module text and its quiz, in Dutch. Pure.

One HTML file per module with the packaged ``lms-toets.js`` and ``lms-toets.css`` beside it (nothing
from another host). The quiz is a form with a fieldset per question; the correct keys are in the
page (an LMS package has no server to keep them), and the script gives feedback and reports to the
LMS (``data-lms``: ``scorm12`` or ``cmi5``). A quiz with ``trekken`` gets ``data-trekken``: the script
then shows that many questions, drawn per attempt, and scores those.
"""

from __future__ import annotations

from html import escape
from importlib import resources
from pathlib import Path

from ..content.model import Catalog, Question
from ..dutch import QUESTION_HINTS
from .module_html import ModuleRenderer

SCRIPT = "lms-toets.js"
STYLE = "lms-toets.css"


def static_file(name: str) -> bytes:
    return resources.files("geletterdheid.exports").joinpath("static", name).read_bytes()


def _option_label(key: str, text: str) -> str:
    return f"{key.upper()}. {text}" if len(key) == 1 else text


def _question_html(renderer: ModuleRenderer, number: int, question: Question) -> str:
    kind = "checkbox" if question.type == "meervoudig" else "radio"
    name = f"vraag-{question.id}"
    parts = [
        f'<div class="gl-vraag" data-vraag="{escape(question.id)}" data-type="{escape(question.type)}" '
        f'data-juist="{escape(" ".join(question.correct))}">'
    ]
    if question.case:
        parts.append(f'<div class="gl-casus">{renderer.html(question.case)}</div>')
    # The number in its own span: with a draw (trekken) the script numbers the questions it shows.
    parts.append(f'<fieldset><legend><span class="gl-nummer">Vraag {number}.</span> {escape(question.text)}</legend>')
    parts.append(f'<p class="gl-hint" id="hint-{escape(question.id)}">{escape(QUESTION_HINTS[question.type])}</p>')
    for key, text in question.options.items():
        input_id = f"{name}-{key}"
        parts.append(
            f'<label class="gl-optie" for="{escape(input_id)}"><input type="{kind}" id="{escape(input_id)}" '
            f'name="{escape(name)}" value="{escape(key)}" aria-describedby="hint-{escape(question.id)}"> '
            f"{escape(_option_label(key, text))}</label>"
        )
    parts.append("</fieldset>")
    answer = "; ".join(_option_label(key, question.options[key]) for key in question.correct)
    lead = "Juiste antwoord" if len(question.correct) == 1 else "Juiste antwoorden"
    parts.append(
        '<div class="gl-feedback" role="status" hidden><p class="gl-oordeel"></p>'
        f'<div class="gl-uitleg" hidden><p><strong>{lead}:</strong> {escape(answer)}</p>'
        f"{renderer.html(question.explanation)}</div></div>"
    )
    parts.append("</div>")
    return "\n".join(parts)


def module_page(
    catalog: Catalog,
    module_id: str,
    lms: str,
    renderer: ModuleRenderer | None = None,
    assets: dict[str, bytes] | None = None,
) -> str:
    """The whole launch page of ``module_id`` for ``lms`` ('scorm12' or 'cmi5'); the images it shows go
    into ``assets`` (name in the package -> bytes)."""
    renderer = renderer or ModuleRenderer(catalog)
    module = catalog.modules[module_id]
    quiz = catalog.quizzes[module_id]
    path = Path(catalog.module_paths[module_id])
    body = renderer.html(path.read_text(encoding="utf-8"), path.parent, assets)
    questions = "\n".join(_question_html(renderer, i, q) for i, q in enumerate(quiz.questions, start=1))
    draws = quiz.draw is not None and quiz.draw < len(quiz.questions)
    how_many = (
        f"Je krijgt {quiz.draw} van de {len(quiz.questions)} vragen; bij een nieuwe poging krijg je er andere."
        f" Beantwoord ze"
        if draws
        else f"Beantwoord de {len(quiz.questions)} vragen"
    )
    draw_attribute = f' data-trekken="{quiz.draw}"' if draws else ""
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(module.title)}</title>
<link rel="stylesheet" href="{STYLE}">
</head>
<body data-lms="{escape(lms)}">
<main>
<article class="gl-module">
{body}
</article>
<section class="gl-toets-sectie" aria-labelledby="toets-kop">
<h2 id="toets-kop">Toets: {escape(module.title)}</h2>
<p>{how_many} en klik dan op 'Controleer je antwoorden'. Je hebt de toets
gehaald als je minstens {quiz.pass_mark}% goed hebt.</p>
<p id="gl-modus">Voor de toets is JavaScript nodig. Zet JavaScript aan in je browser.</p>
<form class="gl-toets" data-drempel="{quiz.pass_mark}" data-quiz="{escape(module_id)}"{draw_attribute}>
{questions}
<button type="submit">Controleer je antwoorden</button>
<div id="gl-uitslag" role="status" aria-live="polite"></div>
</form>
</section>
</main>
<script src="{SCRIPT}"></script>
</body>
</html>
"""
