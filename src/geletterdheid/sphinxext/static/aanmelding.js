/* geletterdheid: who is taking the toets (only on sites built with a results URL).
 *
 * - A personal link from HR ends in "#sleutel=...". This script takes the key out of the address
 *   bar at once (so it is not shared by copying the address) and hands it to the server once
 *   (POST .../aanmelden). The server keeps it in a cookie that no script can read (HttpOnly),
 *   that no other site can send along (SameSite=Strict) and that lasts a working day. The key is
 *   not kept in localStorage, where the next user of a shared PC would inherit it for months;
 *   keys that older versions left there are removed.
 * - Above every quiz the page says under whose name the result is stored:
 *   "Je maakt deze toets als <naam>. Niet jij? Afmelden." Afmelden removes the cookie.
 */
(function () {
  "use strict";

  var OLD_STORAGE_KEY = "geletterdheid-sleutel";
  var script = document.currentScript;
  var resultsUrl = script && script.getAttribute("data-resultaten-url");
  if (!resultsUrl) return;

  function api(name) {
    return new URL(name, new URL(resultsUrl, window.location.href)).href;
  }

  function takeKeyFromAddress() {
    var match = /(?:^#|&)sleutel=([A-Za-z0-9_\-.]+)/.exec(window.location.hash);
    if (!match) return null;
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    return match[1];
  }

  function forgetOldKey() {
    try {
      window.localStorage.removeItem(OLD_STORAGE_KEY);
    } catch (error) { /* storage switched off: nothing to remove */ }
  }

  function call(method, name, headers) {
    return window.fetch(api(name), {
      method: method, headers: headers || {}, credentials: "same-origin", cache: "no-store",
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { status: response.status, data: data };
      });
    });
  }

  /* Right after signing in with a link (often on the landing page, which has no quiz): say so. */
  function pageNote() {
    var note = document.querySelector(".gl-aanmelding-pagina");
    if (note) return note;
    var container = document.querySelector("main article") || document.querySelector("main");
    if (!container) return null;
    note = document.createElement("p");
    note.className = "gl-aanmelding gl-aanmelding-pagina";
    note.setAttribute("role", "status");
    note.setAttribute("tabindex", "-1");
    container.insertBefore(note, container.firstChild);
    return note;
  }

  function notes(withPageNote) {
    var forms = document.querySelectorAll("form.gl-quiz[data-resultaten-url], form.gl-toets[data-resultaten-url]");
    var found = [];
    var page = withPageNote || document.querySelector(".gl-aanmelding-pagina") ? pageNote() : null;
    if (page) found.push(page);
    for (var i = 0; i < forms.length; i++) {
      var note = forms[i].querySelector(".gl-aanmelding");
      if (!note) {
        note = document.createElement("p");
        note.className = "gl-aanmelding";
        note.setAttribute("tabindex", "-1");
        forms[i].insertBefore(note, forms[i].firstChild);
      }
      found.push(note);
    }
    return found;
  }

  function signOut(event) {
    event.preventDefault();
    var clicked = event.currentTarget;
    call("POST", "afmelden").then(function (answer) {
      var text = (answer.data && answer.data.bericht) || "Je bent afgemeld.";
      show(null, text + " ");
      var place = clicked.closest("form") || document;
      var note = place.querySelector(".gl-aanmelding");
      if (note) note.focus();
    }).catch(function () {
      show(null, "Afmelden is niet gelukt: de server is niet bereikbaar. Sluit de browser om zeker te zijn. ");
    });
  }

  /* who: {medewerker, via} or null; prefix: what just happened (signed out, a bad link). */
  function show(who, prefix, withPageNote) {
    var all = notes(withPageNote);
    for (var i = 0; i < all.length; i++) {
      var note = all[i];
      note.textContent = "";
      if (who) {
        note.appendChild(document.createTextNode("Je maakt deze toets als "));
        var name = document.createElement("strong");
        name.textContent = who.medewerker;
        note.appendChild(name);
        if (who.via === "sso") {
          note.appendChild(document.createTextNode(
            ". Niet jij? Sluit de browser en meld je aan met je eigen account."));
        } else {
          note.appendChild(document.createTextNode(". Niet jij? "));
          var button = document.createElement("button");
          button.type = "button";
          button.className = "gl-afmelden";
          button.textContent = "Afmelden";
          button.addEventListener("click", signOut);
          note.appendChild(button);
        }
      } else {
        note.textContent = (prefix || "") + "Je bent niet aangemeld, dus je resultaat wordt niet opgeslagen. " +
          "Open de toets via je persoonlijke link uit de e-mail van HR.";
      }
    }
  }

  function whoAmI(prefix, withPageNote) {
    return call("GET", "ik").then(function (answer) {
      show(answer.status === 200 ? answer.data : null, prefix, withPageNote);
    }).catch(function () { show(null, prefix, withPageNote); });
  }

  function start() {
    forgetOldKey();
    var key = takeKeyFromAddress();
    if (!key) {
      whoAmI();
      return;
    }
    call("POST", "aanmelden", { Authorization: "Bearer " + key }).then(function (answer) {
      if (answer.status === 200) return whoAmI("", true);
      return whoAmI((answer.data && answer.data.fout ? answer.data.fout : "Aanmelden is niet gelukt.") + " ", true);
    }).catch(function () { whoAmI("", true); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
