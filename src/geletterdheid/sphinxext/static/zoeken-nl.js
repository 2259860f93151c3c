/* geletterdheid: Dutch messages for Sphinx's search page (Sphinx's own Dutch catalogue lacks them). */
Documentation.addTranslations({
  locale: "nl",
  plural_expr: "n === 1 ? 0 : 1",
  messages: {
    "Search finished, found one page matching the search query.": [
      "Klaar met zoeken: 1 pagina gevonden.",
      "Klaar met zoeken: ${resultCount} pagina's gevonden.",
    ],
    "Your search did not match any documents. Please make sure that all words are spelled correctly and that you've selected enough categories.":
      "Er is niets gevonden. Controleer de spelling of zoek met andere woorden.",
    "Search Results": "Zoekresultaten",
    "Searching": "Bezig met zoeken",
    "Preparing search...": "Het zoeken wordt voorbereid...",
  },
});
