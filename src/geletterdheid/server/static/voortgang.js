/* Mijn voortgang: asks the results server for your learning path and fills in the page.
 *
 * Who you are: the sign-in cookie the site set (aanmelding.js, /api/aanmelden; HttpOnly, so this
 * script never sees it and the browser sends it itself), or "#sleutel=..." in this page's address,
 * sent once as "Authorization: Bearer"; behind the gemeente's single sign-on the proxy's header is
 * enough. No key is ever kept in localStorage or sessionStorage: on a shared PC it would outlive the
 * learner's visit.
 * The certificate and the badge need the same identity, so they are fetched here and handed to
 * the browser as a download rather than linked directly.
 */
(function () {
  "use strict";
  var box = document.getElementById("gl-voortgang");

  function key() {
    var match = /(?:^#|&)sleutel=([A-Za-z0-9_\-.]+)/.exec(window.location.hash);
    if (match) {
      try { window.history.replaceState(null, "", window.location.pathname); } catch (e) { /* old browser */ }
      return match[1];
    }
    return null;
  }
  var sleutel = key();

  function request(path) {
    var headers = {};
    if (sleutel) headers.Authorization = "Bearer " + sleutel;
    return window.fetch(path, { headers: headers, credentials: "same-origin", cache: "no-store" });
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function showError(message) {
    box.textContent = "";
    box.appendChild(element("p", message, "gl-fout")).setAttribute("role", "alert");
  }

  function download(path, filename, button) {
    button.disabled = true;
    request(path).then(function (response) {
      if (!response.ok) {
        return response.json().then(function (body) { throw new Error(body.fout); });
      }
      return response.blob();
    }).then(function (blob) {
      var url = URL.createObjectURL(blob);
      var link = document.createElement("a");
      link.href = url;
      link.download = filename;
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    }).catch(function (error) {
      showError(error.message || "Het downloaden is niet gelukt. Probeer het later opnieuw.");
    }).then(function () { button.disabled = false; });
  }

  function certificate(data) {
    var section = element("section", null, "gl-certificaat");
    section.setAttribute("aria-labelledby", "gl-certificaat-kop");
    var heading = section.appendChild(element("h2", "Je certificaat"));
    heading.id = "gl-certificaat-kop";
    section.appendChild(element("p", "Gefeliciteerd! Je hebt alle modules van je leerpad gehaald."));
    var pdf = section.appendChild(element("button", "Download je certificaat (pdf)"));
    pdf.type = "button";
    pdf.addEventListener("click", function () { download(data.pdf, "certificaat-ai-geletterdheid.pdf", pdf); });
    var badge = section.appendChild(element("button", "Download je digitale badge (Open Badges 3.0)"));
    badge.type = "button";
    badge.addEventListener("click", function () { download(data.badge, "badge-ai-geletterdheid.jwt", badge); });
    var code = section.appendChild(element("p", "Verificatiecode: " + data.code + ". "));
    var check = code.appendChild(element("a", "Zo ziet een ander dat je certificaat echt is"));
    check.href = data.verifieer;
    return section;
  }

  function show(data) {
    box.textContent = "";
    box.appendChild(element("p", "Je bent " + data.naam + ". Je volgt het " + data.leerpad + "."));
    box.appendChild(element("p", "Je hebt " + data.gehaald + " van de " + data.totaal + " modules gehaald."));
    // A list, not a table: the path is an order of modules, and a list reflows on a phone.
    var heading = box.appendChild(element("h2", "Modules van je leerpad"));
    heading.id = "gl-modules-kop";
    var list = box.appendChild(element("ol", null, "gl-modules"));
    list.setAttribute("aria-labelledby", "gl-modules-kop");
    data.modules.forEach(function (module) {
      var item = list.appendChild(element("li"));
      item.appendChild(element("span", module.titel, "gl-module-titel"));
      var status = module.status_tekst + (module.gehaald_op ? " op " + module.gehaald_op : "");
      item.appendChild(element("span", status, module.gehaald_op ? "gl-status gl-status-gehaald" : "gl-status"));
      if (module.reden && module.reden !== "leerpad") {
        // a module the AI systems of your department or role add to the path of your roles
        var systems = module.reden.split("; ").map(function (reason) { return reason.replace(/^AI-systeem: /, ""); });
        item.appendChild(element("span", "Nodig voor je werk met " + systems.join(" en "), "gl-module-reden"));
      }
    });
    if (data.certificaat) {
      box.appendChild(certificate(data.certificaat));
    } else {
      box.appendChild(element("p", "Heb je alle modules gehaald? Dan krijg je hier je certificaat."));
    }
  }

  request("/api/mijn-voortgang").then(function (response) {
    return response.json().then(function (body) {
      if (!response.ok) throw new Error(body.fout);
      show(body);
    });
  }).catch(function (error) {
    showError(error.message || "Je voortgang kon niet worden geladen. Probeer het later opnieuw.");
  });
})();
