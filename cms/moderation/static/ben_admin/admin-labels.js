// German names for what Wagtail's templates and its date picker (a vendored jQuery plugin)
// write in English without a translation hook: the screen-reader "Search" button of the
// dashboard and listing headers, the picker's hidden "Save Selected" button and its unnamed
// month buttons. Runs again whenever Wagtail adds such elements (pickers open lazily).
(() => {
  const LABELS = [
    ['.submit.w-sr-only input[type="submit"][value="Search"]', 'value', 'Suchen'],
    ['button.xdsoft_save_selected', 'textContent', 'Auswahl übernehmen'],
    ['.xdsoft_datepicker button.xdsoft_prev', 'aria-label', 'Voriger Monat'],
    ['.xdsoft_datepicker button.xdsoft_next', 'aria-label', 'Nächster Monat'],
    ['.xdsoft_datepicker button.xdsoft_today_button', 'aria-label', 'Heute'],
    ['.xdsoft_timepicker button.xdsoft_prev', 'aria-label', 'Frühere Uhrzeiten'],
    ['.xdsoft_timepicker button.xdsoft_next', 'aria-label', 'Spätere Uhrzeiten'],
  ];
  const relabel = () => {
    for (const [selector, property, text] of LABELS) {
      document.querySelectorAll(selector).forEach((element) => {
        if (property === 'aria-label') {
          if (element.getAttribute(property) !== text) element.setAttribute(property, text);
        } else if (element[property] !== text) {
          element[property] = text;
        }
      });
    }
  };
  const start = () => {
    relabel();
    new MutationObserver(relabel).observe(document.body, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
