// Names for what Wagtail leaves unnamed or English without a translation hook, on every
// admin page, again whenever Wagtail adds such elements (editors and pickers open lazily):
// - Draftail's editable area (role="textbox") has no accessible name (WCAG 4.1.2, axe
//   "aria-input-field-name"): it is named after the label of the field's hidden input;
// - the screen-reader "Search" button of the dashboard and listing headers, the date
//   picker's hidden "Save Selected" button and its unnamed arrow buttons (hard-coded in
//   Wagtail's templates and in its vendored jQuery date picker) get German names.
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
  const nameEditors = () => {
    document
      .querySelectorAll(
        '.public-DraftEditor-content[role="textbox"]:not([aria-labelledby]):not([aria-label])',
      )
      .forEach((editor) => {
        const input = editor
          .closest('[data-field-input], .w-field__input')
          ?.querySelector('input[data-draftail-input]');
        const label = input && document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
        if (label) {
          if (!label.id) label.id = `${input.id}-label`;
          editor.setAttribute('aria-labelledby', label.id);
        }
      });
  };
  const update = () => {
    relabel();
    nameEditors();
  };
  const start = () => {
    update();
    new MutationObserver(update).observe(document.body, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
