/* geletterdheid: the quiz of a module in an LMS package (SCORM 1.2 or cmi5).
 *
 * Scoring follows geletterdheid.quiz.scoring exactly (a test runs both on the same answers):
 * enkelvoudig and juist-onwaar 1 when the one chosen key is correct, else 0 (two keys: 0);
 * meervoudig with k correct keys +1/k per correct key and -1/k per wrong key chosen, clamped to
 * [0, 1]; unanswered 0; the quiz score is the mean as a percentage rounded to 6 decimals, passed
 * when it is at least the pass mark (drempel).
 *
 * With data-trekken on the form, each attempt shows that many questions, drawn at random (the draw is
 * kept in SCORM 1.2's suspend_data, so a learner who comes back gets the same ones), and the score is
 * over those, as on the toets server.
 *
 * The page reports through SCORM 1.2 (the API found in window.parent/opener) or cmi5 (xAPI
 * statements to the LRS named in the launch URL), as <body data-lms> says. Without an LMS it is a
 * practice quiz. Nothing is loaded from anywhere else.
 */
(function () {
  "use strict";

  var PERCENT_DECIMALS = 6;

  function scoreQuestion(type, correct, chosen) {
    if (chosen.length === 0) return 0;
    if (type !== "meervoudig") {
      return chosen.length === 1 && correct.indexOf(chosen[0]) !== -1 ? 1 : 0;
    }
    var right = 0;
    var wrong = 0;
    chosen.forEach(function (key) { if (correct.indexOf(key) !== -1) right += 1; else wrong += 1; });
    return Math.min(1, Math.max(0, (right - wrong) / correct.length));
  }

  /* Python's round(x, 6) on the mean; the sum of a few fractions needs no fsum at these sizes. */
  function quizPercent(scores, count) {
    if (count <= 0) return 0;
    var total = 0;
    scores.forEach(function (s) { total += s; });
    var factor = Math.pow(10, PERCENT_DECIMALS);
    return Math.round((100 * total / count) * factor) / factor;
  }

  function isPassed(percent, passMark) { return percent >= passMark; }

  /* 66.666667 -> "66,6%": never rounds up across the pass mark, as on the site. */
  function percentText(value) {
    return String(Math.floor(value * 10 + 1e-9) / 10).replace(".", ",") + "%";
  }

  /* ---------- SCORM 1.2 ---------- */

  function findAPIIn(win) {
    var tries = 0;
    while (win && !win.API && win.parent && win.parent !== win && tries < 7) {
      tries += 1;
      win = win.parent;
    }
    return win && win.API ? win.API : null;
  }

  function findAPI() {
    var api = findAPIIn(window);
    if (!api && window.opener) api = findAPIIn(window.opener);
    return api;
  }

  /* Seconds -> CMITimespan HHHH:MM:SS.SS */
  function scormTime(seconds) {
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = seconds - hours * 3600 - minutes * 60;
    function pad(n, width) { var s = String(n); while (s.length < width) s = "0" + s; return s; }
    var secs = rest.toFixed(2);
    if (secs.length < 5) secs = "0" + secs;
    return pad(Math.min(hours, 9999), 4) + ":" + pad(minutes, 2) + ":" + secs;
  }

  function Scorm12(api) { this.api = api; this.finished = false; }
  Scorm12.prototype.start = function (quiz) {
    if (String(this.api.LMSInitialize("")) !== "true") { this.api = null; return; }
    var status = String(this.api.LMSGetValue("cmi.core.lesson_status"));
    var saved = String(this.api.LMSGetValue("cmi.suspend_data") || "");
    if (saved) quiz.restore(saved);
    if (status === "not attempted" || status === "") {
      this.api.LMSSetValue("cmi.core.lesson_status", "incomplete");
      this.api.LMSCommit("");
    }
  };
  Scorm12.prototype.report = function (result, suspend) {
    if (!this.api || this.finished) return;
    this.api.LMSSetValue("cmi.core.score.min", "0");
    this.api.LMSSetValue("cmi.core.score.max", "100");
    this.api.LMSSetValue("cmi.core.score.raw", String(Math.round(result.percent * 100) / 100));
    this.api.LMSSetValue("cmi.core.lesson_status",
      result.complete ? (result.passed ? "passed" : "failed") : "incomplete");
    /* suspend: the LMS keeps the answers for the next visit until the quiz is done */
    this.api.LMSSetValue("cmi.core.exit", result.complete ? "" : "suspend");
    this.api.LMSSetValue("cmi.suspend_data", suspend);
    this.api.LMSCommit("");
  };
  Scorm12.prototype.save = function (suspend) {
    if (!this.api || this.finished) return;
    this.api.LMSSetValue("cmi.suspend_data", suspend);
  };
  Scorm12.prototype.finish = function (seconds) {
    if (!this.api || this.finished) return;
    this.finished = true;
    this.api.LMSSetValue("cmi.core.session_time", scormTime(seconds));
    this.api.LMSCommit("");
    this.api.LMSFinish("");
  };

  /* ---------- cmi5 ---------- */

  var VERBS = {
    initialized: "http://adlnet.gov/expapi/verbs/initialized",
    completed: "http://adlnet.gov/expapi/verbs/completed",
    passed: "http://adlnet.gov/expapi/verbs/passed",
    failed: "http://adlnet.gov/expapi/verbs/failed",
    terminated: "http://adlnet.gov/expapi/verbs/terminated",
  };
  var CATEGORY_CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  var CATEGORY_MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  var EXT_MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";

  function uuid() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, function (c) {
      var r = Math.floor(Math.random() * 16);
      return (c === "x" ? r : (r % 4) + 8).toString(16);
    });
  }

  /* Seconds -> ISO 8601 duration, xAPI's result.duration */
  function isoDuration(seconds) { return "PT" + (Math.round(seconds * 100) / 100) + "S"; }

  function Cmi5(params, masteryScore) {
    this.endpoint = params.get("endpoint");
    if (this.endpoint.charAt(this.endpoint.length - 1) !== "/") this.endpoint += "/";
    this.fetchUrl = params.get("fetch");
    this.actor = JSON.parse(params.get("actor"));
    this.registration = params.get("registration");
    this.activityId = params.get("activityId");
    this.masteryScore = masteryScore;
    this.context = { contextActivities: {}, extensions: {} };
    this.outbox = [];
    this.sending = false;
    this.leaving = false;
    this.token = null;
    this.ready = false;
    this.judging = true;
    this.done = { completed: false, passed: false, terminated: false };
  }
  Cmi5.launched = function () {
    var params = new URLSearchParams(window.location.search);
    var names = ["endpoint", "fetch", "actor", "registration", "activityId"];
    for (var i = 0; i < names.length; i++) if (!params.get(names[i])) return null;
    return params;
  };
  Cmi5.prototype.headers = function () {
    return { "Authorization": "Basic " + this.token, "X-Experience-API-Version": "1.0.3",
             "Content-Type": "application/json" };
  };
  Cmi5.prototype.start = function (quiz) {
    var self = this;
    this.quiz = quiz;
    this.send("initialized", null, false, false);
    fetch(this.fetchUrl, { method: "POST" })
      .then(function (response) { return response.json(); })
      .then(function (body) {
        if (!body["auth-token"]) throw new Error("geen auth-token");
        self.token = body["auth-token"];
        var query = "?stateId=LMS.LaunchData&activityId=" + encodeURIComponent(self.activityId) +
          "&agent=" + encodeURIComponent(JSON.stringify(self.actor)) +
          "&registration=" + encodeURIComponent(self.registration);
        return fetch(self.endpoint + "activities/state" + query, { headers: self.headers() });
      })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (launchData) {
        if (launchData && launchData.contextTemplate) self.context = launchData.contextTemplate;
        /* Browse and Review: look around, but no completed, passed or failed (cmi5 launch modes) */
        if (launchData && launchData.launchMode && launchData.launchMode !== "Normal") self.judging = false;
        if (launchData && typeof launchData.masteryScore === "number") {
          self.masteryScore = launchData.masteryScore;
          quiz.passMark = launchData.masteryScore * 100;
        }
        self.ready = true; /* token and context template: statements can go */
        self.pump();
      })
      .catch(function () {
        quiz.say("De verbinding met de leeromgeving is niet gelukt: je resultaat wordt niet bewaard.");
      });
  };
  Cmi5.prototype.statement = function (verb, result, moveOn, mastery, id, timestamp) {
    var context = JSON.parse(JSON.stringify(this.context || {}));
    context.registration = this.registration;
    context.contextActivities = context.contextActivities || {};
    var category = context.contextActivities.category || [];
    function add(id) {
      if (!category.some(function (item) { return item.id === id; })) category.push({ id: id });
    }
    add(CATEGORY_CMI5);
    if (moveOn) add(CATEGORY_MOVEON);
    context.contextActivities.category = category;
    if (mastery) {
      context.extensions = context.extensions || {};
      context.extensions[EXT_MASTERY] = this.masteryScore;
    }
    var statement = {
      id: id, timestamp: timestamp, actor: this.actor,
      verb: { id: VERBS[verb], display: { "en-US": verb } },
      object: { id: this.activityId, objectType: "Activity" }, context: context,
    };
    if (result) statement.result = result;
    return statement;
  };
  /* Statements wait in the outbox until the token is there, and go one at a time, in order. */
  /* Made now (id, time); written when sent, with the LMS's context template read by then. */
  Cmi5.prototype.send = function (verb, result, moveOn, mastery, then) {
    this.outbox.push({ args: [verb, result, moveOn, mastery, uuid(), new Date().toISOString()], then: then });
    this.pump();
  };
  Cmi5.prototype.post = function (item, keepalive) {
    if (!item.body) item.body = JSON.stringify(this.statement.apply(this, item.args));
    return fetch(this.endpoint + "statements", { method: "POST", headers: this.headers(), body: item.body,
                                                  keepalive: !!keepalive });
  };
  Cmi5.prototype.pump = function () {
    var self = this;
    if (!this.ready || this.sending || !this.outbox.length || this.leaving) return;
    var item = this.outbox[0];
    this.sending = true;
    this.post(item, false)
      .then(function (response) {
        if (!response.ok) throw new Error("status " + response.status);
        self.outbox.shift();
        self.sending = false;
        if (item.then) item.then();
        self.pump();
      })
      .catch(function () {
        self.sending = false;
        self.quiz.say("Je resultaat kon niet naar de leeromgeving. Klik nog een keer op 'Controleer je antwoorden'.");
      });
  };
  Cmi5.prototype.report = function (result, suspend, seconds) {
    var self = this;
    this.pump(); /* a statement that failed before goes again */
    if (!result.complete || !this.judging || this.done.terminated || this.done.passed) return;
    var duration = isoDuration(seconds);
    if (!this.done.completed) {
      this.done.completed = true;
      this.send("completed", { completion: true, duration: duration }, true, false);
    }
    if (result.passed) this.done.passed = true;
    var score = { scaled: Math.round(result.percent * 100) / 10000, raw: Math.round(result.percent * 100) / 100,
                  min: 0, max: 100 };
    this.send(result.passed ? "passed" : "failed", { score: score, success: result.passed, duration: duration },
      true, true, function () { self.quiz.say("Je resultaat is opgeslagen in je leeromgeving."); });
  };
  Cmi5.prototype.save = function () {};
  /* Leaving: terminated last; whatever still waits goes now, with keepalive, as the page closes. */
  Cmi5.prototype.finish = function (seconds) {
    if (this.done.terminated) return;
    this.done.terminated = true;
    this.outbox.push({ args: ["terminated", { duration: isoDuration(seconds) }, false, false, uuid(),
                              new Date().toISOString()] });
    if (!this.ready) return;
    this.leaving = true;
    var waiting = this.outbox.slice(this.sending ? 1 : 0);
    for (var i = 0; i < waiting.length; i++) this.post(waiting[i], true);
  };

  /* ---------- the quiz on the page ---------- */

  function Quiz(form) {
    this.form = form;
    this.passMark = Number(form.getAttribute("data-drempel"));
    this.all = Array.prototype.slice.call(form.querySelectorAll(".gl-vraag"));
    this.questions = this.all;
    /* trekken: this many questions per attempt, drawn at random; 0 or all of them: every question */
    this.draw = Number(form.getAttribute("data-trekken")) || 0;
    this.drawn = null;
    this.result = document.getElementById("gl-uitslag");
    this.started = Date.now();
  }
  function randomBelow(n) {
    if (window.crypto && window.crypto.getRandomValues) {
      var values = new Uint32Array(1);
      window.crypto.getRandomValues(values);
      return values[0] % n;
    }
    return Math.floor(Math.random() * n);
  }
  /* Show the drawn questions (ids: a draw saved in the LMS, else a new one), number them 1..n, score only them. */
  Quiz.prototype.drawQuestions = function (ids) {
    if (!this.draw || this.draw >= this.all.length || this.drawn) return;
    var byId = {};
    this.all.forEach(function (q) { byId[q.getAttribute("data-vraag")] = q; });
    var chosen = (ids || []).filter(function (id) { return byId[id]; });
    if (chosen.length !== this.draw) {
      var pool = Object.keys(byId);
      chosen = [];
      for (var i = 0; i < this.draw; i++) chosen.push(pool.splice(randomBelow(pool.length), 1)[0]);
    }
    var keep = {};
    chosen.forEach(function (id) { keep[id] = true; });
    this.questions = this.all.filter(function (q) { return keep[q.getAttribute("data-vraag")]; });
    this.all.forEach(function (q) {
      var shown = Boolean(keep[q.getAttribute("data-vraag")]);
      q.hidden = !shown;
      Array.prototype.forEach.call(q.querySelectorAll("input"), function (input) { input.disabled = !shown; });
    });
    this.questions.forEach(function (q, index) { q.querySelector(".gl-nummer").textContent = "Vraag " + (index + 1) + "."; });
    this.drawn = this.questions.map(function (q) { return q.getAttribute("data-vraag"); });
  };
  Quiz.prototype.chosen = function (question) {
    return Array.prototype.filter.call(question.querySelectorAll("input"), function (input) { return input.checked; })
      .map(function (input) { return input.value; });
  };
  Quiz.prototype.answers = function () {
    var self = this;
    var answers = {};
    this.questions.forEach(function (q) { answers[q.getAttribute("data-vraag")] = self.chosen(q); });
    return answers;
  };
  /* "q1:a;q2:a,c" (chosen keys per question), after "trek=q1,q4|" when questions are drawn, so that
     the next visit of the same attempt gets the same ones; cut to fit SCORM 1.2's 4,096 characters */
  Quiz.prototype.suspendData = function () {
    var answers = this.answers();
    var parts = Object.keys(answers).filter(function (id) { return answers[id].length; })
      .map(function (id) { return id + ":" + answers[id].join(","); });
    var head = this.drawn ? "trek=" + this.drawn.join(",") + "|" : "";
    var text = head + parts.join(";");
    while (text.length > 4000 && parts.length) { parts.pop(); text = head + parts.join(";"); }
    return text;
  };
  Quiz.prototype.restore = function (text) {
    var self = this;
    var bar = text.indexOf("|");
    if (text.lastIndexOf("trek=", 0) === 0 && bar !== -1) {
      this.drawQuestions(text.slice(5, bar).split(","));
      text = text.slice(bar + 1);
    }
    text.split(";").forEach(function (part) {
      var pieces = part.split(":");
      var question = self.form.querySelector('.gl-vraag[data-vraag="' + pieces[0].replace(/[^\w-]/g, "") + '"]');
      if (!question || pieces.length !== 2) return;
      pieces[1].split(",").forEach(function (key) {
        Array.prototype.forEach.call(question.querySelectorAll("input"), function (input) {
          if (input.value === key) input.checked = true;
        });
      });
    });
  };
  Quiz.prototype.score = function () {
    var self = this;
    var scores = [];
    var unanswered = [];
    this.questions.forEach(function (q, i) {
      var chosen = self.chosen(q);
      var correct = (q.getAttribute("data-juist") || "").split(" ").filter(Boolean);
      var score = scoreQuestion(q.getAttribute("data-type"), correct, chosen);
      scores.push(score);
      if (!chosen.length) unanswered.push(i + 1);
      self.feedback(q, chosen.length ? score : null);
    });
    var percent = quizPercent(scores, this.questions.length);
    return { percent: percent, passed: isPassed(percent, this.passMark), complete: unanswered.length === 0,
             unanswered: unanswered };
  };
  Quiz.prototype.feedback = function (question, score) {
    var box = question.querySelector(".gl-feedback");
    var verdict = box.querySelector(".gl-oordeel");
    var explanation = question.querySelector(".gl-uitleg");
    if (score === null) {
      verdict.textContent = "Je hebt deze vraag nog niet beantwoord.";
      explanation.hidden = true;
    } else {
      verdict.textContent = score >= 1 ? "Goed!" : score > 0 ? "Deels goed." : "Niet goed.";
      explanation.hidden = false;
    }
    box.hidden = false;
  };
  Quiz.prototype.say = function (text) {
    var p = document.createElement("p");
    p.textContent = text;
    this.result.appendChild(p);
  };
  Quiz.prototype.show = function (result) {
    this.result.textContent = "";
    this.say("Je score is " + percentText(result.percent) + ".");
    if (!result.complete) {
      this.say("Je hebt nog niet alle vragen beantwoord (" + (result.unanswered.length === 1 ? "vraag " : "vragen ") +
        result.unanswered.join(", ") + "). Beantwoord alle vragen om de toets af te ronden.");
    } else if (result.passed) {
      this.say("Je hebt de toets gehaald. Goed gedaan!");
    } else {
      this.say("Je hebt de toets nog niet gehaald: je hebt minstens " + this.passMark + "% nodig. " +
        "Lees de uitleg bij de vragen en probeer het nog een keer.");
    }
  };
  Quiz.prototype.seconds = function () { return (Date.now() - this.started) / 1000; };

  function start() {
    var form = document.querySelector("form.gl-toets");
    if (!form) return;
    var quiz = new Quiz(form);
    var lms = null;
    var kind = document.body.getAttribute("data-lms");
    if (kind === "scorm12") {
      var api = findAPI();
      if (api) lms = new Scorm12(api);
    } else if (kind === "cmi5") {
      var params = Cmi5.launched();
      if (params) lms = new Cmi5(params, quiz.passMark / 100);
    }
    var mode = document.getElementById("gl-modus");
    mode.textContent = lms
      ? "Je resultaat gaat naar je leeromgeving als je op 'Controleer je antwoorden' klikt."
      : "Je oefent: er is geen leeromgeving gevonden, dus je resultaat wordt niet bewaard.";
    if (lms) lms.start(quiz);
    quiz.drawQuestions(null); /* no draw saved in the LMS: a new one for this attempt */
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var result = quiz.score();
      quiz.show(result);
      if (lms) lms.report(result, quiz.suspendData(), quiz.seconds());
    });
    form.addEventListener("change", function () { if (lms) lms.save(quiz.suspendData()); });
    function leave() { if (lms) lms.finish(quiz.seconds()); }
    window.addEventListener("pagehide", leave);
    window.addEventListener("beforeunload", leave);
  }

  window.geletterdheidLms = { scoreQuestion: scoreQuestion, quizPercent: quizPercent, isPassed: isPassed,
                              scormTime: scormTime };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
