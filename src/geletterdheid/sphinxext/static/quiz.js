/* geletterdheid: the quiz on a module page.
 *
 * Without this script the page still shows every question and a collapsible answer. With it,
 * each question gets a "Controleer" button with instant feedback (right or wrong, the explanation
 * and the article link), and the form shows the total score against the pass mark.
 * The scoring rules are those of geletterdheid.quiz.scoring; when the site is built with a results
 * URL, the server scores the attempt again and its score is the one that counts.
 * No framework, nothing loaded from anywhere else.
 */
(function () {
  "use strict";

  var VERDICTS = { goed: "Goed!", deels: "Deels goed.", fout: "Niet goed." };

  function chosenKeys(question) {
    var inputs = question.querySelectorAll("fieldset input");
    var keys = [];
    for (var i = 0; i < inputs.length; i++) {
      if (inputs[i].checked) keys.push(inputs[i].value);
    }
    return keys;
  }

  function correctKeys(question) {
    return (question.getAttribute("data-juist") || "").split(" ").filter(Boolean);
  }

  /* One question's score in [0, 1]: single choice and true/false 1 or 0; multiple choice with k
   * correct keys +1/k per correct key and -1/k per wrong key chosen, clamped; unanswered 0. */
  function scoreQuestion(type, correct, chosen) {
    if (chosen.length === 0) return 0;
    if (type !== "meervoudig") {
      return chosen.length === 1 && correct.indexOf(chosen[0]) !== -1 ? 1 : 0;
    }
    var right = chosen.filter(function (key) { return correct.indexOf(key) !== -1; }).length;
    var wrong = chosen.length - right;
    return Math.min(1, Math.max(0, (right - wrong) / correct.length));
  }

  function verdictOf(score) {
    if (score >= 1) return "goed";
    return score > 0 ? "deels" : "fout";
  }

  /* 66.666 -> "66,6": never rounds up across the pass mark. */
  function percent(value) {
    var tenths = Math.floor(value * 10 + 1e-9) / 10;
    return String(tenths).replace(".", ",") + "%";
  }

  /* [3] -> "3", [3, 5] -> "3 en 5", [3, 5, 7] -> "3, 5 en 7" */
  function dutchList(items) {
    if (items.length < 2) return items.join("");
    return items.slice(0, -1).join(", ") + " en " + items[items.length - 1];
  }

  function paragraph(text, className) {
    var p = document.createElement("p");
    if (className) p.className = className;
    p.textContent = text;
    return p;
  }

  function Question(element, number) {
    this.element = element;
    this.number = number;
    this.type = element.getAttribute("data-type");
    this.answer = element.querySelector("details.gl-antwoord");

    this.button = document.createElement("button");
    this.button.type = "button";
    this.button.className = "gl-knop gl-controleer";
    this.button.textContent = "Controleer vraag " + number;

    this.feedback = document.createElement("div");
    this.feedback.className = "gl-feedback";
    this.feedback.setAttribute("role", "status");

    var fieldset = element.querySelector("fieldset");
    fieldset.parentNode.insertBefore(this.button, fieldset.nextSibling);
    this.button.parentNode.insertBefore(this.feedback, this.button.nextSibling);

    var self = this;
    this.button.addEventListener("click", function () { self.check(true); });
    fieldset.addEventListener("change", function () { self.clear(); });
  }

  Question.prototype.id = function () { return this.element.getAttribute("data-vraag"); };
  Question.prototype.chosen = function () { return chosenKeys(this.element); };
  Question.prototype.score = function () {
    return scoreQuestion(this.type, correctKeys(this.element), this.chosen());
  };

  /* Show the verdict with the explanation and source; returns the score. */
  Question.prototype.check = function (fromButton) {
    var chosen = this.chosen();
    this.feedback.textContent = "";
    if (chosen.length === 0) {
      this.element.removeAttribute("data-uitkomst");
      if (fromButton) this.feedback.appendChild(paragraph("Kies eerst een antwoord bij vraag " + this.number + ".", "gl-oordeel"));
      return 0;
    }
    var score = this.score();
    var verdict = verdictOf(score);
    this.element.setAttribute("data-uitkomst", verdict);
    var line = paragraph("", "gl-oordeel");
    var strong = document.createElement("strong");
    strong.textContent = VERDICTS[verdict];
    line.appendChild(strong);
    this.feedback.appendChild(line);
    var explanation = this.answer && this.answer.querySelector(".gl-antwoord-inhoud");
    if (explanation) {
      var copy = explanation.cloneNode(true);
      var withId = copy.querySelectorAll("[id]");
      for (var i = 0; i < withId.length; i++) withId[i].removeAttribute("id");
      copy.className = "gl-feedback-uitleg";
      this.feedback.appendChild(copy);
      this.answer.hidden = true; /* its content is now in the feedback */
    }
    return score;
  };

  Question.prototype.clear = function () {
    this.feedback.textContent = "";
    this.element.removeAttribute("data-uitkomst");
    if (this.answer) this.answer.hidden = false;
  };

  function Quiz(form) {
    this.form = form;
    this.passMark = Number(form.getAttribute("data-drempel"));
    this.questions = [];
    var elements = form.querySelectorAll(".gl-vraag");
    for (var i = 0; i < elements.length; i++) this.questions.push(new Question(elements[i], i + 1));

    var buttons = document.createElement("div");
    buttons.className = "gl-quiz-knoppen";
    var submit = document.createElement("button");
    submit.type = "submit";
    submit.className = "gl-knop gl-score";
    submit.textContent = "Bekijk je score";
    var reset = document.createElement("button");
    reset.type = "reset";
    reset.className = "gl-knop gl-opnieuw";
    reset.textContent = "Begin opnieuw";
    buttons.appendChild(submit);
    buttons.appendChild(reset);
    this.result = document.createElement("div");
    this.result.className = "gl-uitslag";
    this.result.setAttribute("role", "status");
    form.appendChild(buttons);
    form.appendChild(this.result);

    var self = this;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!form.hasAttribute("data-bezig")) self.finish(); /* data-bezig: resultaten.js is saving */
    });
    form.addEventListener("reset", function () { self.clear(); });
  }

  Quiz.prototype.answers = function () {
    var answers = {};
    this.questions.forEach(function (question) { answers[question.id()] = question.chosen(); });
    return answers;
  };

  Quiz.prototype.finish = function () {
    var total = 0;
    var fullyRight = 0;
    var unanswered = [];
    this.questions.forEach(function (question) {
      var score = question.check(false);
      total += score;
      if (score >= 1) fullyRight += 1;
      if (question.chosen().length === 0) unanswered.push(question.number);
    });
    var score = (100 * total) / this.questions.length;
    var passed = score + 1e-9 >= this.passMark;
    this.form.setAttribute("data-uitslag", passed ? "gehaald" : "niet-gehaald");
    this.result.textContent = "";
    this.result.appendChild(paragraph("Je score is " + percent(score) + ".", "gl-score-regel"));
    this.result.appendChild(paragraph(passed
      ? "Je hebt de toets gehaald. Goed gedaan!"
      : "Je hebt de toets nog niet gehaald: je hebt minstens " + this.passMark + "% nodig. " +
        "Lees de uitleg bij de vragen en probeer het nog een keer.", "gl-uitslag-regel"));
    this.result.appendChild(paragraph(
      "Je had " + fullyRight + " van de " + this.questions.length + " vragen helemaal goed."));
    if (unanswered.length) {
      this.result.appendChild(paragraph((unanswered.length === 1 ? "Vraag " : "Vragen ") + dutchList(unanswered) +
        " heb je niet beantwoord; " + (unanswered.length === 1 ? "die telt" : "die tellen") + " als fout."));
    }
    document.dispatchEvent(new CustomEvent("gl-quiz-klaar", {
      detail: { form: this.form, quiz: this.form.getAttribute("data-quiz"), answers: this.answers(), score: score,
                passed: passed, result: this.result },
    }));
  };

  Quiz.prototype.clear = function () {
    this.questions.forEach(function (question) { question.clear(); });
    this.result.textContent = "";
    this.form.removeAttribute("data-uitslag");
  };

  function start() {
    var forms = document.querySelectorAll("form.gl-quiz");
    for (var i = 0; i < forms.length; i++) {
      if (!forms[i].hasAttribute("data-actief")) {
        forms[i].setAttribute("data-actief", "");
        new Quiz(forms[i]);
      }
    }
  }

  window.geletterdheidQuiz = { scoreQuestion: scoreQuestion, percent: percent };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
