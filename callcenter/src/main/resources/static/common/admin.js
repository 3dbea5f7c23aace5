// What the IT staff's pages (users, workstations, units, the registry import, dead letters,
// preflight) have in common, so that each page keeps only what is its own: the #error and
// #notice lines under the header, said again in each new language; a list drawn as a table
// (rows found by their data attributes, a state tag, the row's buttons); the #edit section
// for one row at a time; an action that says what it did, or why not, and then loads the
// list again; the start of the page. Under /common with page.js: it holds no data, only code.
import * as L from '/common/page.js';

const $ = L.$;

/**
 * The page's #error and #notice lines. A notice is a key under the page's prefix with the
 * name it is about ({name} in the text), said again after a switch of language by say();
 * an error takes the notice's place.
 */
export function messages(prefix) {
  let said = null;

  function say() {
    if (said) $('notice').textContent = L.text(prefix + '.' + said[0], { name: said[1] });
  }

  function showError(e) {
    L.showError($('error'), e || null);
    if (e && said) {
      said = null;
      $('notice').textContent = '';
    }
  }

  function notice(key, name) {
    showError(null);
    said = key ? [key, name] : null;
    if (said) say();
    else $('notice').textContent = '';
  }

  return { say, showError, notice };
}

/** A button in a row: its text from the page's texts, its class for the style and the tests. */
export function button(key, className, action) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = L.t(key);
  b.addEventListener('click', action);
  return b;
}

/**
 * A row: its data attributes (what actions and tests find it by), its class when given, and
 * a cell for each of cells: a text, or [text, class].
 */
export function row(data, cells, className) {
  const tr = document.createElement('tr');
  Object.entries(data).forEach(([k, v]) => { tr.dataset[k] = v; });
  if (className !== undefined) tr.className = className;
  cells.forEach((c) => (Array.isArray(c) ? L.cell(tr, c[0], c[1]) : L.cell(tr, c)));
  return tr;
}

/** A cell with a tag saying on (class 'tag on', text onKey) or off (class 'tag off', text offKey). */
export function stateCell(tr, on, onKey, offKey) {
  const td = L.cell(tr, '');
  const tag = document.createElement('span');
  tag.className = 'tag ' + (on ? 'on' : 'off');
  tag.textContent = L.t(on ? onKey : offKey);
  td.appendChild(tag);
  return td;
}

/** A cell holding the row's buttons. */
export function buttonsCell(tr, ...buttons) {
  const td = L.cell(tr, '');
  buttons.forEach((b) => td.appendChild(b));
  return td;
}

/**
 * Draws items into the tbody of the table #id, a tr of row(item) each. With empty (the id of
 * a "nothing here" line), an empty list hides the table and shows that line.
 */
export function table(id, items, rowOf, empty) {
  $(id).querySelector('tbody').replaceChildren(...items.map(rowOf));
  if (empty) {
    $(empty).hidden = items.length > 0;
    $(id).hidden = items.length === 0;
  }
}

/**
 * The #edit section, for one item at a time: open(item, name) shows it with name in
 * #edit-name and lets fill(item) set the fields; close() hides it (so does #edit-cancel,
 * wired by the page's start).
 */
export function editor(fill) {
  let editing = null;
  return {
    open(item, name) {
      editing = item;
      $('edit').hidden = false;
      $('edit-name').textContent = name;
      fill(item);
    },
    close() {
      $('edit').hidden = true;
      editing = null;
    },
    current: () => editing,
  };
}

/**
 * A list page of IT staff: load() fetches what the page shows, render() draws it. The page's
 * texts are under prefix; its notices are keys there too.
 */
export function listPage(prefix, { load, render }) {
  const texts = L.texts(prefix);
  const { say, showError, notice } = messages(prefix);

  async function reload() {
    try {
      await load();
      render();
    } catch (e) {
      showError(e);
    }
  }

  /**
   * One change on the server: call() does it; then the notice key about name, or the problem
   * shown; the list is loaded again either way. Gives what call() answered (true for no
   * answer), or false when it failed.
   */
  async function act(call, key, name) {
    try {
      const answer = await call();
      notice(key, name);
      return answer == null ? true : answer;
    } catch (e) {
      showError(e);
      return false;
    } finally {
      await reload();
    }
  }

  /**
   * Starts the page once the DOM and texts are there: forms maps a form's id to its handler
   * (the browser's own submit is prevented), the editor's cancel button closes it, and a
   * switch of language says the notice again and draws the list (then onLanguage, if any).
   */
  function start({ forms = {}, edit, onLanguage } = {}) {
    L.whenReady(() => {
      Object.entries(forms).forEach(([id, handler]) => $(id).addEventListener('submit', (event) => {
        event.preventDefault();
        handler(event);
      }));
      if (edit) $('edit-cancel').addEventListener('click', () => edit.close());
      L.start(texts, () => {
        say();
        render();
        if (onLanguage) onLanguage();
      }).then(reload).catch(showError);
    });
  }

  return { texts, showError, notice, reload, act, start };
}
