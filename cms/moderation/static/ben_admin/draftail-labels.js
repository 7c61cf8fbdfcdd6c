// Draftail's editable area (role="textbox") has no accessible name (WCAG 4.1.2, axe
// "aria-input-field-name"): name it after the label of the field's hidden input.
(() => {
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
  const start = () => {
    nameEditors();
    new MutationObserver(nameEditors).observe(document.body, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
