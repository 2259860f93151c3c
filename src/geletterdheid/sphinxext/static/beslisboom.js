/* geletterdheid: the beslishulp, "Welke regels gelden voor dit systeem?".
 *
 * The decision tree is in the page as JSON (made from docs/beslisboom.yaml, docs/plichten.yaml and
 * docs/wetgeving.yaml when the site is built). walk() below follows the same rules as
 * geletterdheid.classification.walk.walk and classification.duties.applies: the browser tests run
 * the Python test cases and random kenmerken through both and compare the outcomes.
 *
 * Without this script the page shows the whole tree as a printable flow. With it, the page asks
 * one question at a time; every step is drawn from walk() over the answers so far, so the page can
 * never take a route the walk would not take. No framework, nothing loaded from anywhere else.
 */
(function () {
  "use strict";

  /* ---- the walk (pure) ------------------------------------------------------------------------ */

  /* The yes/no a kenmerk gives: true, a non-empty list or a choice that is not null is "ja";
   * undefined means: not answered yet. */
  function answerOf(value) {
    if (value === undefined) return undefined;
    if (value === false || value === null || (Array.isArray(value) && value.length === 0)) return "nee";
    return "ja";
  }

  function provisionsFound(data, key, value) {
    var choices = data.keuzes[key];
    if (!choices) return [];
    var picked = Array.isArray(value) ? value : [value];
    return picked.map(function (item) {
      for (var i = 0; i < choices.length; i++) if (choices[i].waarde === item) return choices[i].bepaling;
      return String(item);
    });
  }

  function areaOf(point) {
    return point === null || point === undefined ? null : String(point).split("(")[0];
  }

  function applies(duty, conclusion, role, transparency, kenmerken) {
    var when = duty.als;
    var area = areaOf(kenmerken.bijlage_iii);
    var prohibited = kenmerken.verboden || [];
    return (
      when.conclusies.indexOf(conclusion) !== -1 &&
      (when.rollen === null || when.rollen.indexOf(role) !== -1) &&
      (when.transparantie === null || transparency.indexOf(when.transparantie) !== -1) &&
      (when.verboden === null || prohibited.some(function (p) { return when.verboden.indexOf(p) !== -1; })) &&
      (when.bijlage_iii_gebieden === null || when.bijlage_iii_gebieden.indexOf(area) !== -1) &&
      (when.behalve_bijlage_iii_gebieden === null || when.behalve_bijlage_iii_gebieden.indexOf(area) === -1)
    );
  }

  /* Follow the answers from the start. Returns {wacht: id} at the first question or transparency
   * step whose kenmerk is not answered yet, else the outcome: risicoklasse, conclusie, rol,
   * transparantie, plichten (ids, in the order of the table) and route (node, soort, antwoord, gevonden). */
  function walk(data, kenmerken) {
    var route = [];
    var role = null;
    var node = data.start;
    var guard = Object.keys(data.vragen).length + 1;
    while (!data.conclusies[node]) {
      if (guard-- <= 0) throw new Error("de beslisboom heeft een kringloop");
      var question = data.vragen[node];
      if (!question) throw new Error("'" + node + "' is geen vraag of conclusie");
      var value = kenmerken[question.kenmerk];
      var said = answerOf(value);
      if (said === undefined) return { wacht: node, route: route, rol: role };
      var chosen = question.antwoorden[said];
      route.push({
        node: node,
        soort: "vraag",
        kenmerk: question.kenmerk,
        antwoord: said,
        antwoord_tekst: chosen.antwoord,
        gevonden: said === "ja" ? provisionsFound(data, question.kenmerk, value) : [],
      });
      role = chosen.rol || role;
      node = chosen.volgende;
    }
    var conclusion = data.conclusies[node];
    route.push({ node: node, soort: "conclusie", kenmerk: null, antwoord: null, gevonden: [] });
    var collected = [];
    if (conclusion.transparantie) {
      for (var i = 0; i < data.transparantie.length; i++) {
        var step = data.transparantie[i];
        var stepSaid = answerOf(kenmerken[step.kenmerk]);
        if (stepSaid === undefined) return { wacht: step.id, route: route, rol: role, conclusie: node };
        route.push({
          node: step.id,
          soort: "transparantie",
          kenmerk: step.kenmerk,
          antwoord: stepSaid,
          gevonden: stepSaid === "ja" ? [step.plicht] : [],
        });
        if (stepSaid === "ja" && collected.indexOf(step.plicht) === -1) collected.push(step.plicht);
      }
    }
    var duties = data.plichten
      .filter(function (duty) { return applies(duty, node, role, collected, kenmerken); })
      .map(function (duty) { return duty.id; });
    return {
      risicoklasse: conclusion.risicoklasse,
      conclusie: node,
      rol: role,
      transparantie: collected,
      plichten: duties,
      route: route,
    };
  }

  /* The kenmerken block for ai-systemen.yaml; kenmerken the walk did not need get their "nee" value. */
  function kenmerkenYaml(data, kenmerken) {
    var lines = ["kenmerken:"];
    Object.keys(data.kenmerken).forEach(function (key) {
      var kind = data.kenmerken[key];
      var value = kenmerken[key];
      var asked = value !== undefined;
      if (!asked) value = kind === "lijst" ? [] : kind === "keuze" ? null : false;
      var text;
      if (kind === "lijst") text = "[" + value.join(", ") + "]";
      else if (kind === "keuze") text = value === null ? "null" : '"' + value + '"';
      else text = value ? "true" : "false";
      lines.push("  " + key + ": " + text + (asked ? "" : "  # niet gevraagd"));
    });
    return lines.join("\n");
  }

  window.geletterdheidBeslisboom = { walk: walk, kenmerkenYaml: kenmerkenYaml };

  /* ---- the page --------------------------------------------------------------------------------- */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else if (name === "className") node.className = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function button(text, className, onClick) {
    var b = el("button", { type: "button", className: "gl-knop gl-bb-knop " + (className || ""), text: text });
    b.addEventListener("click", onClick);
    return b;
  }

  function sourcesParagraph(lead, sources) {
    if (!sources || !sources.length) return null;
    var p = el("p", { className: "gl-bb-bron" }, [document.createTextNode(lead)]);
    sources.forEach(function (source, index) {
      if (index) p.appendChild(document.createTextNode(", "));
      p.appendChild(el("a", {
        href: source.url, className: "gl-artikel reference external",
        title: "AI-verordening, " + source.label, text: source.label,
      }));
    });
    return p;
  }

  function dutchList(items) {
    if (items.length < 2) return items.join("");
    return items.slice(0, -1).join(", ") + " en " + items[items.length - 1];
  }

  function Beslishulp(root, data) {
    this.root = root;
    this.data = data;
    this.app = root.querySelector(".gl-bb-app");
    this.kenmerken = {};
    this.history = [];
    this.choosing = null;
    this.status = root.querySelector(".gl-bb-status");
  }

  Beslishulp.prototype.nodeOf = function (id) {
    if (this.data.vragen[id]) return this.data.vragen[id];
    for (var i = 0; i < this.data.transparantie.length; i++) {
      if (this.data.transparantie[i].id === id) return this.data.transparantie[i];
    }
    return null;
  };

  Beslishulp.prototype.answer = function (key, value) {
    this.kenmerken[key] = value;
    this.history.push(key);
    this.choosing = null;
    this.render();
  };

  Beslishulp.prototype.back = function () {
    if (this.choosing !== null) this.choosing = null;
    else if (this.history.length) delete this.kenmerken[this.history.pop()];
    this.render();
  };

  Beslishulp.prototype.restart = function () {
    this.kenmerken = {};
    this.history = [];
    this.choosing = null;
    this.render();
  };

  Beslishulp.prototype.navigation = function () {
    var self = this;
    var nav = el("div", { className: "gl-bb-navigatie" });
    if (this.history.length || this.choosing !== null) {
      nav.appendChild(button("Vorige vraag", "gl-opnieuw", function () { self.back(); }));
      nav.appendChild(button("Opnieuw beginnen", "gl-opnieuw", function () { self.restart(); }));
    }
    return nav;
  };

  Beslishulp.prototype.render = function () {
    var result = walk(this.data, this.kenmerken);
    this.app.textContent = "";
    var heading;
    if (result.wacht !== undefined) {
      heading = this.renderQuestion(result);
    } else {
      heading = this.renderOutcome(result);
    }
    this.app.appendChild(this.navigation());
    if (this.started) heading.focus();
    this.started = true;
  };

  Beslishulp.prototype.renderQuestion = function (result) {
    var self = this;
    var node = this.nodeOf(result.wacht);
    var key = node.kenmerk;
    var kind = this.data.kenmerken[key];
    var headingId = "gl-bb-vraag-" + node.nummer;
    var heading = el("h2", { id: headingId, tabindex: "-1", className: "gl-bb-kop",
      text: "Vraag " + node.nummer + ". " + node.vraag });
    var box = el("fieldset", { className: "gl-bb-stap", "aria-describedby": headingId + "-uitleg" },
      [el("legend", {}, [heading])]);
    if (result.conclusie) {
      var found = this.data.conclusies[result.conclusie];
      box.appendChild(el("p", { className: "gl-bb-tussenstand",
        text: "De risicoklasse is bekend: " + found.titel + ". Nu de vragen over transparantie (artikel 50)." }));
    }
    box.appendChild(el("p", { id: headingId + "-uitleg", className: "gl-bb-uitleg", text: node.uitleg }));
    box.appendChild(sourcesParagraph("Bron: ", node.bronnen));
    var answers = el("div", { className: "gl-bb-antwoorden" });
    if (this.choosing === key) {
      answers.appendChild(this.choiceList(key, kind, headingId));
    } else {
      var texts = node.antwoorden || { ja: { antwoord: "Ja" }, nee: { antwoord: "Nee" } };
      answers.appendChild(button(texts.ja.antwoord, "", function () {
        if (kind === "ja-nee") self.answer(key, true);
        else { self.choosing = key; self.render(); }
      }));
      answers.appendChild(button(texts.nee.antwoord, "", function () {
        self.answer(key, kind === "lijst" ? [] : kind === "keuze" ? null : false);
      }));
    }
    box.appendChild(answers);
    this.app.appendChild(box);
    this.say("Vraag " + node.nummer + ": " + node.vraag);
    return this.choosing === key ? this.app.querySelector(".gl-bb-keuze-kop") : heading;
  };

  Beslishulp.prototype.choiceList = function (key, kind, headingId) {
    var self = this;
    var choices = this.data.keuzes[key];
    var group = el("div", { className: "gl-bb-keuze", role: "group", "aria-labelledby": headingId + "-keuze" });
    var prompt = kind === "lijst" ? "Welke? Kies alles wat past, en klik dan op Verder." : "Welke? Kies er één.";
    group.appendChild(el("p", { id: headingId + "-keuze", tabindex: "-1", className: "gl-bb-keuze-kop", text: prompt }));
    if (kind === "lijst") {
      choices.forEach(function (choice, index) {
        var id = headingId + "-keuze-" + index;
        var box = el("input", { type: "checkbox", id: id, value: choice.waarde });
        group.appendChild(el("div", { className: "form-check gl-bb-optie" }, [
          box, el("label", { for: id, text: choice.label + " (" + choice.bepaling + ")" })]));
      });
      var problem = el("p", { className: "gl-bb-melding", "aria-live": "polite" });
      group.appendChild(problem);
      group.appendChild(button("Verder", "", function () {
        var picked = [].slice.call(group.querySelectorAll("input:checked")).map(function (i) { return i.value; });
        if (!picked.length) { problem.textContent = "Kies er minstens één, of ga terug met 'Vorige vraag'."; return; }
        self.answer(key, picked);
      }));
    } else {
      var list = el("ul", { className: "gl-bb-keuzelijst" });
      choices.forEach(function (choice) {
        list.appendChild(el("li", {}, [button(choice.bepaling + ": " + choice.label, "gl-opnieuw",
          function () { self.answer(key, choice.waarde); })]));
      });
      group.appendChild(list);
    }
    return group;
  };

  Beslishulp.prototype.renderOutcome = function (result) {
    var self = this;
    var data = this.data;
    var conclusion = data.conclusies[result.conclusie];
    var part = el("section", { className: "gl-bb-uitkomst", "aria-labelledby": "gl-bb-uitkomst-kop" });
    var heading = el("h2", { id: "gl-bb-uitkomst-kop", tabindex: "-1", className: "gl-bb-kop",
      text: "Uitkomst: " + conclusion.titel });
    part.appendChild(heading);
    var facts = el("dl", { className: "gl-bb-feiten" });
    function fact(term, value) {
      facts.appendChild(el("dt", { text: term }));
      facts.appendChild(el("dd", { text: value }));
    }
    fact("Risicoklasse", data.risicoklassen[result.risicoklasse]);
    fact("Rol van de gemeente", result.rol || "geen (het is geen AI-systeem)");
    fact("Transparantie (artikel 50)", result.transparantie.length
      ? dutchList(result.transparantie.map(function (d) { return "artikel " + d; }))
      : (conclusion.transparantie ? "geen" : (result.risicoklasse === "verboden" ? "niet van toepassing: het systeem is verboden" : "niet van toepassing: het is geen AI-systeem")));
    part.appendChild(facts);
    part.appendChild(el("p", { text: conclusion.uitleg }));
    part.appendChild(sourcesParagraph("Bron: ", conclusion.bronnen));

    part.appendChild(el("h3", { text: "Plichten" }));
    if (!result.plichten.length) {
      part.appendChild(el("p", { text: "Geen plichten uit de AI-verordening." }));
    } else {
      var duties = el("ul", { className: "gl-bb-plichten" });
      result.plichten.forEach(function (id) {
        var duty = data.plichten.filter(function (d) { return d.id === id; })[0];
        var item = el("li", { "data-plicht": id });
        var lead = el("strong", {});
        if (duty.bron.length) {
          lead.appendChild(el("a", { href: duty.bron[0].url, className: "gl-artikel reference external",
            title: "AI-verordening, " + duty.bron[0].label, text: duty.bron[0].label }));
        } else lead.appendChild(document.createTextNode("artikel " + duty.artikel));
        item.appendChild(lead);
        item.appendChild(document.createTextNode(" (" + duty.vanaf_tekst + "): " + duty.omschrijving));
        if (duty.onzeker) item.appendChild(el("p", { className: "gl-bb-let-op", text: "Let op: " + duty.onzeker }));
        duties.appendChild(item);
      });
      part.appendChild(duties);
    }

    part.appendChild(el("h3", { text: "Je route" }));
    var route = el("ol", { className: "gl-bb-route" });
    result.route.forEach(function (step) {
      var text;
      if (step.soort === "conclusie") text = "Conclusie: " + data.conclusies[step.node].titel;
      else {
        var node = self.nodeOf(step.node);
        var said = step.soort === "vraag" ? step.antwoord_tekst : (step.antwoord === "ja" ? "Ja" : "Nee");
        var found = step.gevonden.map(function (g) { return step.soort === "transparantie" ? "artikel " + g : g; });
        text = node.vraag + " " + said + (found.length ? " (" + found.join(", ") + ")" : "");
      }
      route.appendChild(el("li", { text: text }));
    });
    part.appendChild(route);

    part.appendChild(el("h3", { text: "Voor je AI-register" }));
    part.appendChild(el("p", { text: "Zet deze kenmerken bij het systeem in ai-systemen.yaml. " +
      "Kenmerken met '# niet gevraagd' had de beslisboom niet nodig; vul ze zelf in." }));
    var pre = el("pre", { className: "gl-bb-kenmerken", tabindex: "0", "aria-label": "Kenmerken voor ai-systemen.yaml",
      text: kenmerkenYaml(data, this.kenmerken) });
    part.appendChild(pre);
    var copied = el("span", { className: "gl-bb-gekopieerd", role: "status" });
    part.appendChild(el("p", {}, [button("Kopieer de kenmerken", "gl-opnieuw", function () {
      self.copy(pre, copied);
    }), document.createTextNode(" "), copied]));
    part.appendChild(el("p", { className: "gl-bb-disclaimer", text: "Dit is een hulpmiddel, geen juridisch advies." }));
    this.app.appendChild(part);
    this.say("Uitkomst: " + conclusion.titel);
    return heading;
  };

  Beslishulp.prototype.copy = function (pre, status) {
    var text = pre.textContent;
    function done(ok) {
      status.textContent = ok ? "Gekopieerd." : "Kopiëren lukte niet: selecteer de tekst en kopieer hem zelf.";
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
      return;
    }
    var range = document.createRange();
    range.selectNodeContents(pre);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    done(ok);
  };

  Beslishulp.prototype.say = function (text) {
    if (this.status) this.status.textContent = text;
  };

  function start() {
    var roots = document.querySelectorAll(".gl-beslisboom");
    for (var i = 0; i < roots.length; i++) {
      var root = roots[i];
      var source = root.querySelector("script.gl-bb-data");
      if (!source) continue;
      var data = JSON.parse(source.textContent);
      var flow = root.querySelector(".gl-bb-stroom");
      if (flow) flow.hidden = true;
      root.querySelector(".gl-bb-app").hidden = false;
      root.setAttribute("data-actief", "ja");
      new Beslishulp(root, data).render();
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
