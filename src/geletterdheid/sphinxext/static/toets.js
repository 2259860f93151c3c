/* geletterdheid: the toets on a module page of a toets site (built with a results URL).
 *
 * The page holds no question, answer or uitleg. "Start de toets" asks the results server for an
 * attempt (its id and its questions, options in the order of this attempt); "Lever de toets in"
 * sends the chosen answers, and only then does the server answer with the score and, per
 * question, right or wrong, the right options, the uitleg and its articles.
 * Sending again after a lost answer uses the same attempt id: the server counts it once.
 * Who is taking the toets comes from resultaten.js (the personal link's key) or the SSO proxy.
 * No framework, nothing loaded from anywhere else.
 */
(function () {
  "use strict";

  var VERDICTS = { goed: "Goed!", deels: "Deels goed.", fout: "Niet goed." };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function percent(value) {
    return String(Math.floor(value * 10 + 1e-9) / 10).replace(".", ",") + "%";
  }

  function paragraphs(parent, text, className) {
    String(text).split(/\n\s*\n/).forEach(function (block) {
      parent.appendChild(element("p", className, block));
    });
  }

  function headers() {
    var result = { "Content-Type": "application/json" };
    var source = window.geletterdheidResultaten;
    var key = source && source.sleutel ? source.sleutel() : null;
    if (key) result.Authorization = "Bearer " + key;
    return result;
  }

  function post(url, body) {
    return window.fetch(url, {
      method: "POST", headers: headers(), credentials: "same-origin", cache: "no-store",
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { status: response.status, data: data };
      });
    });
  }

  function Toets(form) {
    this.form = form;
    this.url = form.getAttribute("data-resultaten-url").replace(/\/+$/, "");
    this.quiz = form.getAttribute("data-quiz");
    this.attempt = null;
    this.questions = [];

    var note = form.querySelector(".gl-toets-zonder-script");
    if (note) note.parentNode.removeChild(note);
    this.intro = element("p", "gl-opslag-uitleg",
      "Je resultaat wordt opgeslagen als je de toets inlevert. HR ziet dan dat je deze module hebt gedaan.");
    this.body = element("div", "gl-toets-vragen");
    this.message = element("div", "gl-toets-melding");
    this.message.setAttribute("role", "status");
    this.result = element("div", "gl-uitslag");
    this.result.setAttribute("role", "status");
    this.result.setAttribute("tabindex", "-1");
    this.startButton = element("button", "gl-knop gl-start", "Start de toets");
    this.startButton.type = "button";
    this.submitButton = element("button", "gl-knop gl-inleveren", "Lever de toets in");
    this.submitButton.type = "submit";
    this.submitButton.hidden = true;

    form.appendChild(this.intro);
    form.appendChild(this.startButton);
    form.appendChild(this.body);
    form.appendChild(this.submitButton);
    form.appendChild(this.message);
    form.appendChild(this.result);

    var self = this;
    this.startButton.addEventListener("click", function () { self.start(); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!form.hasAttribute("data-bezig")) self.submit();
    });
  }

  Toets.prototype.busy = function (button, on) {
    /* not "disabled": a disabled button loses the keyboard focus */
    if (on) {
      this.form.setAttribute("data-bezig", "");
      button.setAttribute("aria-disabled", "true");
    } else {
      this.form.removeAttribute("data-bezig");
      button.removeAttribute("aria-disabled");
    }
  };

  Toets.prototype.say = function (text) {
    this.message.textContent = "";
    if (text) this.message.appendChild(element("p", null, text));
  };

  Toets.prototype.start = function () {
    if (this.form.hasAttribute("data-bezig")) return;
    var self = this;
    this.busy(this.startButton, true);
    this.say("De toets wordt geladen...");
    post(this.url + "/start", { quiz: this.quiz }).then(function (answer) {
      if (answer.status !== 201) {
        self.say(answer.data.fout || "De toets kon niet worden gestart (fout " + answer.status + ").");
        return;
      }
      self.say("");
      self.show(answer.data);
    }).catch(function () {
      self.say("De server is niet bereikbaar. Probeer het later opnieuw.");
    }).then(function () {
      self.busy(self.startButton, false);
    });
  };

  Toets.prototype.show = function (attempt) {
    this.attempt = attempt.poging;
    this.passMark = attempt.drempel;
    this.questions = [];
    this.body.textContent = "";
    this.result.textContent = "";
    this.form.removeAttribute("data-uitslag");
    var self = this;
    attempt.vragen.forEach(function (question, index) {
      self.questions.push(self.question(question, index + 1));
    });
    this.startButton.hidden = true;
    this.submitButton.hidden = false;
    var first = this.body.querySelector("input");
    if (first) first.focus();
  };

  Toets.prototype.question = function (question, number) {
    var box = element("div", "gl-vraag");
    box.setAttribute("data-vraag", question.id);
    if (question.casus) {
      var casus = element("div", "gl-casus");
      var title = element("p");
      title.appendChild(element("strong", null, "Casus"));
      casus.appendChild(title);
      paragraphs(casus, question.casus);
      box.appendChild(casus);
    }
    var fieldset = element("fieldset");
    fieldset.appendChild(element("legend", null, "Vraag " + number + ". " + question.vraag));
    fieldset.appendChild(element("p", "gl-hint", question.hint));
    var type = question.type === "meervoudig" ? "checkbox" : "radio";
    var name = "toets-" + question.id;
    var inputs = [];
    question.opties.forEach(function (option) {
      var row = element("div", "gl-optie");
      var input = element("input");
      input.type = type;
      input.name = name;
      input.value = option.sleutel;
      input.id = name + "-" + option.sleutel;
      var label = element("label", null, option.tekst);
      label.htmlFor = input.id;
      row.appendChild(input);
      row.appendChild(label);
      fieldset.appendChild(row);
      inputs.push(input);
    });
    box.appendChild(fieldset);
    var feedback = element("div", "gl-feedback");
    box.appendChild(feedback);
    this.body.appendChild(box);
    return { id: question.id, number: number, box: box, inputs: inputs, feedback: feedback };
  };

  Toets.prototype.answers = function () {
    var answers = {};
    this.questions.forEach(function (question) {
      answers[question.id] = question.inputs.filter(function (input) { return input.checked; })
        .map(function (input) { return input.value; });
    });
    return answers;
  };

  Toets.prototype.submit = function () {
    if (!this.attempt) return;
    var self = this;
    this.busy(this.submitButton, true);
    this.say("Je toets wordt ingeleverd...");
    post(this.url + "/" + encodeURIComponent(this.attempt), { antwoorden: this.answers() }).then(function (answer) {
      if (answer.status === 201 || answer.status === 200) {
        self.say("");
        self.finish(answer.data);
      } else {
        self.say("Je toets is niet ingeleverd. " + (answer.data.fout || "De server gaf een fout (" + answer.status + ")."));
      }
    }).catch(function () {
      /* the same attempt id again later: the server counts it once */
      self.say("Je toets is niet ingeleverd: de server is niet bereikbaar. Je antwoorden staan er nog; " +
        "probeer het zo opnieuw met 'Lever de toets in'.");
    }).then(function () {
      self.busy(self.submitButton, false);
    });
  };

  Toets.prototype.finish = function (result) {
    var byId = {};
    result.feedback.forEach(function (item) { byId[item.vraag] = item; });
    var fullyRight = 0;
    this.questions.forEach(function (question) {
      var item = byId[question.id];
      question.inputs.forEach(function (input) { input.disabled = true; });
      question.feedback.textContent = "";
      if (!item) return;
      if (item.uitkomst === "goed") fullyRight += 1;
      question.box.setAttribute("data-uitkomst", item.uitkomst);
      var verdict = element("p", "gl-oordeel");
      verdict.appendChild(element("strong", null, VERDICTS[item.uitkomst] || ""));
      question.feedback.appendChild(verdict);
      var right = element("p");
      if (item.juiste_opties.length === 1) {
        right.appendChild(element("strong", null, "Juiste antwoord: "));
        right.appendChild(document.createTextNode(item.juiste_opties[0]));
        question.feedback.appendChild(right);
      } else { /* each option on its own line, as in the practice site's answer */
        right.className = "gl-juiste-kop";
        right.appendChild(element("strong", null, "Juiste antwoorden:"));
        question.feedback.appendChild(right);
        var list = element("ul", "gl-juiste-opties");
        item.juiste_opties.forEach(function (option) { list.appendChild(element("li", null, option)); });
        question.feedback.appendChild(list);
      }
      paragraphs(question.feedback, item.uitleg);
      if (item.bronnen.length) {
        var source = element("p", null, "Bron: ");
        item.bronnen.forEach(function (bron, index) {
          if (index) source.appendChild(document.createTextNode(", "));
          var link = element("a", "gl-artikel", bron.label);
          link.href = bron.url;
          source.appendChild(link);
        });
        question.feedback.appendChild(source);
      }
    });
    this.attempt = null;
    this.submitButton.hidden = true;
    this.form.setAttribute("data-uitslag", result.geslaagd ? "gehaald" : "niet-gehaald");
    this.result.textContent = "";
    this.result.appendChild(element("p", "gl-score-regel", "Je score is " + percent(result.score) + "."));
    this.result.appendChild(element("p", "gl-uitslag-regel", result.geslaagd
      ? "Je hebt de toets gehaald. Goed gedaan!"
      : "Je hebt de toets nog niet gehaald: je hebt minstens " + result.drempel + "% nodig. " +
        "Lees de uitleg bij de vragen en probeer het later nog een keer."));
    this.result.appendChild(element("p", null,
      "Je had " + fullyRight + " van de " + this.questions.length + " vragen helemaal goed."));
    this.result.appendChild(element("p", "gl-opslag gl-opslag-gelukt", result.bericht || "Je resultaat is opgeslagen."));
    this.startButton.textContent = "Maak de toets opnieuw";
    this.startButton.hidden = false;
    this.result.focus();
  };

  function start() {
    var forms = document.querySelectorAll("form.gl-toets[data-resultaten-url]");
    for (var i = 0; i < forms.length; i++) {
      if (!forms[i].hasAttribute("data-actief")) {
        forms[i].setAttribute("data-actief", "");
        new Toets(forms[i]);
      }
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
