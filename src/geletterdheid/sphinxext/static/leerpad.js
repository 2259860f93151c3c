/* geletterdheid: follow the learning path you chose, and (practice site) see which toetsen you passed.
 *
 * The path: when the learner opens a module from the page of a learning path, this script keeps that
 * path (its role, title, page and module order, as the page lists them) in sessionStorage. Module
 * pages of that path then point "Vorige" and "Volgende" at the path's order instead of the site's
 * order; the last module says the path is done and what to do next. sessionStorage, not the URL:
 * nothing about the learner's choice goes to the server (no query string in its logs), it holds
 * whichever way the learner moves between pages (search, links in the text, the back button), a
 * copied link does not carry one person's path to a colleague, and it ends with the tab, so a shared
 * computer forgets it. A module opened in a new tab may start without the path: the site's order.
 *
 * Passed toetsen: only on a practice site (data-modus="oefenen" on this script), in localStorage,
 * in this browser only; nothing is sent. The learning-path page marks those modules "Gehaald".
 * A toets site keeps nothing: the server knows the results and Mijn voortgang shows them.
 *
 * Without JavaScript (or storage) the pages keep the site's order and show no marks.
 * No framework, nothing loaded from anywhere else.
 */
(function () {
  "use strict";

  var PATH_KEY = "geletterdheid-leerpad";
  var PASSED_KEY = "geletterdheid-gehaald";
  var script = document.currentScript;
  var practice = !!script && script.getAttribute("data-modus") === "oefenen";
  var progressPage = script ? script.getAttribute("data-voortgang") : null;

  function read(kind, key) {
    try {
      var value = window[kind].getItem(key);
      return value ? JSON.parse(value) : null;
    } catch (error) {
      return null; /* storage switched off, or a broken value: as if nothing was kept */
    }
  }

  function write(kind, key, value) {
    try {
      if (value === null) window[kind].removeItem(key);
      else window[kind].setItem(key, JSON.stringify(value));
      return true;
    } catch (error) {
      return false;
    }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function link(href, text, className) {
    var a = element("a", className || "reference internal", text);
    a.href = href;
    return a;
  }

  function withoutHash(url) {
    return String(url).split("#")[0].split("?")[0];
  }

  function passedModules() {
    var passed = practice ? read("localStorage", PASSED_KEY) : null;
    return passed && typeof passed === "object" ? passed : {};
  }

  /* -- the learning-path page ------------------------------------------------------------------ */

  function pathOfList(list) {
    var items = list.querySelectorAll("li[data-module]");
    var modules = [];
    for (var i = 0; i < items.length; i++) {
      var a = items[i].querySelector(".gl-leerpad-titel a");
      if (a) modules.push({ id: items[i].getAttribute("data-module"), titel: a.textContent.trim(), url: withoutHash(a.href) });
    }
    return {
      rol: list.getAttribute("data-leerpad"),
      titel: list.getAttribute("data-leerpad-titel"),
      url: withoutHash(location.href),
      modules: modules,
    };
  }

  function rememberPathOnOpen(list) {
    function remember(event) {
      var a = event.target.closest ? event.target.closest("a[href]") : null;
      if (!a) return;
      var path = pathOfList(list);
      var target = withoutHash(a.href);
      for (var i = 0; i < path.modules.length; i++) {
        if (path.modules[i].url === target) {
          write("sessionStorage", PATH_KEY, path);
          return;
        }
      }
    }
    list.addEventListener("click", remember);
    list.addEventListener("auxclick", remember); /* a middle click: this tab follows the path too */
  }

  function showPassed(list, summary) {
    var passed = passedModules();
    var items = list.querySelectorAll("li[data-module]");
    var count = 0;
    for (var i = 0; i < items.length; i++) {
      var old = items[i].querySelector(".gl-leerpad-gehaald");
      if (old) old.parentNode.removeChild(old);
      if (!passed[items[i].getAttribute("data-module")]) continue;
      count += 1;
      var mark = element("p", "gl-leerpad-gehaald");
      mark.appendChild(element("span", "gl-vinkje", "\u2713 ")).setAttribute("aria-hidden", "true");
      mark.appendChild(element("strong", null, "Gehaald."));
      mark.appendChild(document.createTextNode(" Je hebt de toets van deze module gehaald."));
      var title = items[i].querySelector(".gl-leerpad-titel");
      title.parentNode.insertBefore(mark, title.nextSibling);
    }
    summary.textContent = "";
    var line = element("p", "gl-leerpad-telling");
    if (count) {
      line.appendChild(document.createTextNode("In deze browser heb je "));
      line.appendChild(element("strong", null, count + " van de " + items.length));
      line.appendChild(document.createTextNode(" toetsen van dit leerpad gehaald. Die modules staan hieronder als gehaald."));
    } else {
      line.textContent = "Heb je de toets van een module gehaald? Dan zie je dat hieronder bij die module.";
    }
    summary.appendChild(line);
    summary.appendChild(element("p", null, "Dit onthoudt alleen deze browser. Er wordt niets verstuurd."));
    if (count) {
      var forget = element("button", "gl-knop gl-opnieuw", "Vergeet de gehaalde toetsen in deze browser");
      forget.type = "button";
      forget.addEventListener("click", function () {
        write("localStorage", PASSED_KEY, null);
        showPassed(list, summary);
        summary.querySelector(".gl-leerpad-telling").focus();
      });
      summary.appendChild(forget);
    }
    summary.querySelector(".gl-leerpad-telling").tabIndex = -1;
  }

  function startPathPage(list) {
    rememberPathOnOpen(list);
    if (!practice) return;
    var summary = element("div", "gl-leerpad-gehaald-samenvatting");
    list.parentNode.insertBefore(summary, list);
    showPassed(list, summary);
  }

  /* -- a module page --------------------------------------------------------------------------- */

  function stepLink(direction, target, title) {
    var a = link(target, "", direction === "prev" ? "left-prev" : "right-next");
    var info = element("div", "prev-next-info");
    info.appendChild(element("p", "prev-next-subtitle", direction === "prev" ? "Vorige" : "Volgende"));
    info.appendChild(element("p", "prev-next-title", title));
    var icon = element("i", "fa-solid " + (direction === "prev" ? "fa-angle-left" : "fa-angle-right"));
    icon.setAttribute("aria-hidden", "true");
    if (direction === "prev") {
      a.appendChild(icon);
      a.appendChild(info);
    } else {
      a.appendChild(info);
      a.appendChild(icon);
    }
    return a;
  }

  function completion(path) {
    var box = element("div", "gl-leerpad-klaar");
    box.appendChild(element("p", "gl-leerpad-klaar-titel", "Je hebt het leerpad afgerond"));
    box.appendChild(element("p", null, "Dit was de laatste module van het leerpad " + path.titel + ". Goed gedaan!"));
    box.appendChild(element("p", null, "Wat kun je nu doen?"));
    var list = element("ul");
    var forum = document.querySelector(".gl-forum a.gl-forum-link");
    if (forum) {
      var talk = element("li", null, "Heb je een vraag of een ervaring? Praat mee op ");
      talk.appendChild(link(forum.href, forum.textContent, "reference external"));
      talk.appendChild(document.createTextNode("."));
      list.appendChild(talk);
    }
    if (progressPage) {
      var progress = element("li", null, "Kijk op ");
      progress.appendChild(link(progressPage, "Mijn voortgang"));
      progress.appendChild(document.createTextNode(" welke toetsen je hebt gehaald."));
      list.appendChild(progress);
    }
    var back = element("li", null, "Ga terug naar het ");
    back.appendChild(link(path.url, "Leerpad " + path.titel));
    back.appendChild(document.createTextNode(practice
      ? ". Daar zie je welke toetsen je in deze browser hebt gehaald."
      : ". Daar zie je alle modules van het leerpad op een rij."));
    list.appendChild(back);
    box.appendChild(list);
    return box;
  }

  function followPath(path, index) {
    var area = document.querySelector(".prev-next-area");
    if (!area) return;
    var modules = path.modules;
    var here = element("p", "gl-leerpad-volgen");
    here.appendChild(document.createTextNode("Je volgt het "));
    here.appendChild(link(path.url, "Leerpad " + path.titel));
    here.appendChild(document.createTextNode(": dit is module " + (index + 1) + " van " + modules.length + "."));
    area.textContent = "";
    area.setAttribute("data-leerpad", path.rol);
    area.parentNode.insertBefore(here, area);
    area.appendChild(index > 0
      ? stepLink("prev", modules[index - 1].url, modules[index - 1].titel)
      : stepLink("prev", path.url, "Leerpad " + path.titel));
    if (index < modules.length - 1) {
      area.appendChild(stepLink("next", modules[index + 1].url, modules[index + 1].titel));
    } else { /* the end of the path: no "Volgende", but what to do now */
      area.parentNode.insertBefore(completion(path), area);
    }
  }

  /* Only pages of this site: a value changed by hand must not turn "Volgende" into another kind of link. */
  function ownPage(url) {
    try {
      var parsed = new URL(url, location.href);
      return parsed.protocol === location.protocol && parsed.host === location.host;
    } catch (error) {
      return false;
    }
  }

  function validPath(path) {
    if (!path || typeof path.titel !== "string" || !ownPage(path.url) || !path.modules || !path.modules.length) {
      return false;
    }
    for (var i = 0; i < path.modules.length; i++) {
      var module = path.modules[i];
      if (!module || typeof module.id !== "string" || typeof module.titel !== "string" || !ownPage(module.url)) {
        return false;
      }
    }
    return true;
  }

  function startModulePage(card) {
    var id = card.getAttribute("data-module");
    var path = read("sessionStorage", PATH_KEY);
    if (validPath(path)) {
      for (var i = 0; i < path.modules.length; i++) {
        if (path.modules[i].id === id) {
          followPath(path, i);
          break;
        }
      }
    }
    if (!practice) return;
    document.addEventListener("gl-quiz-klaar", function (event) {
      var detail = event.detail || {};
      if (!detail.passed || detail.quiz !== id) return;
      var passed = passedModules();
      passed[id] = new Date().toISOString().slice(0, 10);
      if (write("localStorage", PASSED_KEY, passed) && detail.result) {
        detail.result.appendChild(element("p", "gl-onthouden",
          "Deze browser onthoudt dat je deze toets hebt gehaald. Je ziet het op de pagina van je leerpad. " +
          "Er wordt niets verstuurd."));
      }
    });
  }

  function start() {
    var lists = document.querySelectorAll("ol.gl-leerpad[data-leerpad]");
    for (var i = 0; i < lists.length; i++) startPathPage(lists[i]);
    var card = document.querySelector(".gl-module-kaart[data-module]");
    if (card) startModulePage(card);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
