/* geletterdheid: send a finished quiz to the results server (only on sites built with a results URL).
 *
 * - Who is submitting is known to the server from the cookie that aanmelding.js had it set
 *   when the employee opened their personal link (or from the gemeente's single sign-on).
 * - When quiz.js reports a finished quiz, the chosen answers (not a score: the server scores
 *   them itself) go to the results URL on this same host, and the employee reads whether the
 *   result was saved.
 */
(function () {
  "use strict";

  function message(result, text, className) {
    var old = result.querySelector(".gl-opslag");
    if (old) old.parentNode.removeChild(old);
    var p = document.createElement("p");
    p.className = "gl-opslag " + className;
    p.textContent = text;
    result.appendChild(p);
  }

  function percent(value) {
    return String(Math.floor(value * 10 + 1e-9) / 10).replace(".", ",") + "%";
  }

  function send(detail) {
    var form = detail.form;
    var url = form.getAttribute("data-resultaten-url");
    if (!url) return;
    var button = form.querySelector("button[type=submit]");
    var headers = { "Content-Type": "application/json" };
    message(detail.result, "Je resultaat wordt opgeslagen...", "gl-opslag-bezig");
    /* not "disabled": a disabled button loses the keyboard focus */
    form.setAttribute("data-bezig", "");
    if (button) button.setAttribute("aria-disabled", "true");
    window.fetch(url, {
      method: "POST", headers: headers, credentials: "same-origin", cache: "no-store",
      body: JSON.stringify({ quiz: detail.quiz, antwoorden: detail.answers }),
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (response.status === 201) {
          var text = data.bericht || "Je resultaat is opgeslagen.";
          if (typeof data.score === "number" && Math.abs(data.score - detail.score) > 0.05) {
            text += " De server telde je score als " + percent(data.score) + "; die score telt.";
          }
          message(detail.result, text, "gl-opslag-gelukt");
        } else {
          message(detail.result, "Je resultaat is niet opgeslagen. " +
            (data.fout || "De server gaf een fout (" + response.status + ")."), "gl-opslag-mislukt");
        }
      });
    }).catch(function () {
      message(detail.result, "Je resultaat is niet opgeslagen: de server is niet bereikbaar. " +
        "Probeer het later opnieuw met 'Bekijk je score'.", "gl-opslag-mislukt");
    }).then(function () {
      form.removeAttribute("data-bezig");
      if (button) button.removeAttribute("aria-disabled");
    });
  }

  function announce() {
    var forms = document.querySelectorAll("form.gl-quiz[data-resultaten-url]");
    for (var i = 0; i < forms.length; i++) {
      var note = document.createElement("p");
      note.className = "gl-opslag-uitleg";
      note.textContent = "Als je op 'Bekijk je score' klikt, wordt je resultaat opgeslagen. " +
        "HR ziet dan dat je deze module hebt gedaan.";
      forms[i].insertBefore(note, forms[i].firstChild);
    }
  }

  document.addEventListener("gl-quiz-klaar", function (event) { send(event.detail); });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", announce);
  else announce();
})();
