// Keyboard shortcuts of the incident card (listed on the page under "#inc-keys"): save,
// submit for registration, link the call to the open card offered, next group of fields.
// With Ctrl or Alt they work anywhere; the plain letter only when the focus is not in a
// text field or a list, so typing a name or choosing from a list never fires one. They
// press the card's own buttons, so a disabled or hidden action does nothing.

const $ = (id) => document.getElementById(id);

function typing(el) {
  if (!el) return false;
  if (el.isContentEditable) return true;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName !== 'INPUT') return false;
  return !['button', 'submit', 'reset', 'checkbox', 'radio', 'file', 'range', 'color'].includes(el.type);
}

function usable(el) {
  return el && !el.disabled && el.offsetParent !== null;
}

function press(el) {
  if (!usable(el)) return false;
  el.click();
  return true;
}

/** The first control of the field group after the one holding the focus (the first group after the last). */
function nextGroup() {
  const form = $('inc-form');
  if (!form || form.hidden) return false;
  const groups = [...form.querySelectorAll('fieldset')].filter((g) => g.offsetParent !== null);
  if (!groups.length) return false;
  const at = groups.findIndex((g) => g.contains(document.activeElement));
  for (let i = 1; i <= groups.length; i++) {
    const group = groups[(at + i) % groups.length];
    const first = [...group.querySelectorAll('input, select, textarea, button')].find(usable);
    if (first) {
      first.focus();
      return true;
    }
  }
  return false;
}

const ACTIONS = {
  save: () => press($('inc-save')),
  submit: () => press($('inc-submit')),
  link: () => press(document.querySelector('#inc-repeat-list button.inc-link')),
  next: nextGroup
};

function action(e) {
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const code = e.code || '';
  if (e.ctrlKey && !e.altKey) {
    if (key === 's' || code === 'KeyS') return 'save';
    if (key === 'Enter') return 'submit';
    return null;
  }
  if (e.ctrlKey || e.metaKey) return null;
  // The letter's key, so a Cyrillic layout (ы for s) works the same.
  const letter = { KeyS: 'save', KeyR: 'submit', KeyL: 'link', KeyN: 'next' }[code]
    || { s: 'save', r: 'submit', l: 'link', n: 'next' }[key];
  if (!letter) return null;
  if (e.altKey) return letter === 'submit' ? null : letter;
  if (e.shiftKey || typing(e.target)) return null;
  return letter;
}

document.addEventListener('keydown', (e) => {
  if (e.repeat || e.defaultPrevented) return;
  const which = action(e);
  if (!which) return;
  const form = $('inc-form');
  if (!form || form.hidden) return;
  if (ACTIONS[which]()) e.preventDefault();
});
