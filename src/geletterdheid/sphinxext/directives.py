"""Directives that render content-model objects: the module card, the quiz and the forum box."""

from __future__ import annotations

import re

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from ..content import Module, Question, Quiz
from ..content.articles import UnknownProvision
from .catalog_access import catalog_of, module_of_doc
from .htmlnodes import element
from .roles import provision_reference

_MARKUP = re.compile(r"[*_`\[\]{}<>#|\\]|^\s*([-+]|\d+[.)])\s", re.MULTILINE)

LEVEL_LABELS = {"bewust": "Bewust", "bekwaam": "Bekwaam", "vloeiend": "Vloeiend", "expert": "Expert"}
TYPE_HINTS = {
    "enkelvoudig": "Kies één antwoord.",
    "juist-onwaar": "Kies juist of onjuist.",
    "meervoudig": "Kies alle antwoorden die kloppen.",
}


def option_label(key: str, text: str) -> str:
    """'A. Optie' for lettered options; a word key (juist/onjuist) already says it: 'Juist'."""
    return f"{key.upper()}. {text}" if len(key) == 1 else text


class _CatalogDirective(SphinxDirective):
    optional_arguments = 1

    def _parse_markdown(self, text: str, parent: nodes.Element) -> nodes.Element:
        if not _MARKUP.search(text):
            # Plain prose (most quiz texts): a paragraph per blank-line block, without a Markdown parse.
            for block in re.split(r"\n\s*\n", text.strip()):
                parent += nodes.paragraph("", " ".join(block.split()))
            return parent
        self.state.nested_parse(StringList(text.splitlines(), source=self.env.docname), self.content_offset, parent)
        return parent

    def _module(self) -> Module | None:
        catalog = catalog_of(self.env)
        if self.arguments:
            return catalog.modules.get(self.arguments[0])
        return module_of_doc(self.env, self.env.docname)

    def _error(self, message: str) -> list[nodes.Node]:
        return [self.state.document.reporter.error(message, line=self.lineno)]


class ModuleCardDirective(_CatalogDirective):
    """The module's metadata as a sphinx-design card."""

    def run(self) -> list[nodes.Node]:
        module = self._module()
        if module is None:
            return self._error("module-kaart: deze pagina hoort bij geen module; geef de module-id op")
        catalog = catalog_of(self.env)
        roles = ", ".join(
            f"{{doc}}`{catalog.roles[r].title} </docs/rollen/{r}>`" for r in module.roles if r in catalog.roles
        )
        goals = "\n".join(f"- {goal}" for goal in module.learning_goals)
        prerequisites = ", ".join(
            f"{{doc}}`{catalog.modules[m].title} <{self._docname_of(m)}>`" for m in module.requires
        )
        lines = [
            "````{card} Over deze module",
            ":class-card: gl-module-kaart",
            "",
            f"{module.summary}",
            "",
            f"**Studietijd:** {module.duration_minutes} minuten · **Niveau:** {LEVEL_LABELS[module.level]}",
            "",
            f"**Voor wie:** {roles}",
            "",
        ]
        if prerequisites:
            lines += [f"**Lees eerst:** {prerequisites}", ""]
        lines += ["**Na deze module kun je:**", "", goals, "", f"*Inhoud voor het laatst getoetst aan de wet op {module.last_checked:%d-%m-%Y}.*", "````"]
        container = nodes.container(classes=["gl-module-kaart-wrapper"])
        return [self._parse_markdown("\n".join(lines), container)]

    def _docname_of(self, module_id: str) -> str:
        path = catalog_of(self.env).module_paths[module_id]
        return "/" + self.env.path2doc(str(path))


class QuizDirective(_CatalogDirective):
    """The quiz of a module: a form with a fieldset per question and a collapsible answer."""

    def run(self) -> list[nodes.Node]:
        module = self._module()
        if module is None:
            return self._error("quiz: deze pagina hoort bij geen module; geef de module-id op")
        quiz = catalog_of(self.env).quizzes[module.id]
        intro = nodes.paragraph(
            "",
            f"Test wat je weet met {len(quiz.questions)} vragen. Je hebt de toets gehaald als je minstens "
            f"{quiz.pass_mark}% goed hebt. Klik onder een vraag op 'Antwoord en uitleg' om het antwoord te zien.",
            classes=["gl-quiz-intro"],
        )
        form = element(
            "form", classes=["gl-quiz"], data_quiz=quiz.module, data_drempel=str(quiz.pass_mark),
            data_resultaten_url=self.config.geletterdheid_resultaten_url or None,
            action="#", novalidate="novalidate", aria_label=f"Toets: {module.title}",
        )
        for number, question in enumerate(quiz.questions, start=1):
            form += self._question(quiz, question, number)
        return [intro, form]

    def _question(self, quiz: Quiz, question: Question, number: int) -> nodes.Element:
        # data-juist lets quiz.js give instant feedback; the same answer is on the page in <details>.
        block = element(
            "div", classes=["gl-vraag"], id=f"vraag-{question.id}", data_vraag=question.id,
            data_type=question.type, data_juist=" ".join(question.correct),
        )
        if question.case:
            casus = nodes.container(classes=["gl-casus"])
            casus += nodes.paragraph("", "", nodes.strong("", "Casus"))
            self._parse_markdown(question.case, casus)
            block += casus
        fieldset = element("fieldset")
        legend = element("legend", nodes.Text(f"Vraag {number}. {question.text}"))
        fieldset += legend
        fieldset += nodes.paragraph("", TYPE_HINTS[question.type], classes=["gl-hint"])
        input_type = "checkbox" if question.type == "meervoudig" else "radio"
        for key, text in question.options.items():
            input_id = f"{question.id}-{key}"
            option = element("div", classes=["gl-optie"])
            option += element("input", type=input_type, name=question.id, value=key, id=input_id)
            option += element("label", nodes.Text(option_label(key, text)), for_=input_id)
            fieldset += option
        block += fieldset
        block += self._answer(question, number)
        return block

    def _answer(self, question: Question, number: int) -> nodes.Element:
        details = element("details", classes=["gl-antwoord"])
        details += element("summary", nodes.Text(f"Antwoord en uitleg bij vraag {number}"))
        body = nodes.container(classes=["gl-antwoord-inhoud"])
        label = "Juiste antwoord" if len(question.correct) == 1 else "Juiste antwoorden"
        correct = "; ".join(option_label(key, question.options[key]) for key in question.correct)
        body += nodes.paragraph("", "", nodes.strong("", f"{label}: "), nodes.Text(correct))
        self._parse_markdown(question.explanation, body)
        if question.articles:
            para = nodes.paragraph("", "Bron: ")
            for index, reference in enumerate(question.articles):
                if index:
                    para += nodes.Text(", ")
                try:
                    para += provision_reference(reference)
                except UnknownProvision as exc:  # the loader rejects these; keep the build honest anyway
                    para += self.state.document.reporter.error(str(exc), line=self.lineno)
            body += para
        details += body
        return details


class ForumDirective(_CatalogDirective):
    """A box that leads from the page to the forum of its topic."""

    def run(self) -> list[nodes.Node]:
        catalog = catalog_of(self.env)
        if self.arguments:
            topic = catalog.topics.get(self.arguments[0])
            if topic is None:
                return self._error(f"forum: onbekend onderwerp '{self.arguments[0]}'")
        else:
            module = self._module()
            if module is None:
                return self._error("forum: deze pagina hoort bij geen module; geef het onderwerp op")
            topic = catalog.topics[module.topic]
        box = nodes.container(classes=["gl-forum", "admonition", "tip"])
        box += nodes.paragraph("", "Praat mee", classes=["admonition-title"])
        box += nodes.paragraph(
            "", "",
            nodes.Text("Heb je een vraag of een ervaring over dit onderwerp? Bespreek het met collega's op "),
            nodes.reference("", f"het forum over {topic.title}", refuri=str(topic.forum_url), classes=["gl-forum-link"]),
            nodes.Text("."),
        )
        return [box]
