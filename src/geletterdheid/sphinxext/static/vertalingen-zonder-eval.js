/* geletterdheid: Sphinx's Documentation.addTranslations compiles the catalogue's plural rule with
 * `new Function`, which the server's Content-Security-Policy (no 'unsafe-eval') refuses: the
 * call then fails half-way on every page. Loaded after doctools.js and before translations.js,
 * this version keeps the messages and uses the rule of Dutch (and English): 1 is singular. */
(function () {
  "use strict";
  if (typeof Documentation === "undefined") return;
  Documentation.addTranslations = function (catalog) {
    Object.assign(Documentation.TRANSLATIONS, catalog.messages);
    Documentation.PLURAL_EXPR = function (n) { return n === 1 ? 0 : 1; };
    Documentation.LOCALE = catalog.locale;
  };
})();
