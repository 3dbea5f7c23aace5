// Workstations: the desks operators sign in at and the phones Asterisk rings for them.
// Retiring one (enabled: false) ends the session held there; it can be returned to service.
import * as L from '/common/page.js';
import { button, buttonsCell, editor, listPage, row, stateCell, table } from '/common/admin.js';

const $ = L.$;
let desks = [];

const page = listPage('admin.workstations', {
  load: async () => { desks = await L.api('GET', '/api/v1/admin/workstations'); },
  render,
});

const edit = editor((w) => {
  $('edit-extension').value = w.extension;
  $('edit-iface').value = w.iface;
  $('edit-extension').focus();
});

function render() {
  table('workstations', desks, (w) => {
    const tr = row({ workstation: w.name }, [w.name, w.extension, w.iface], w.enabled ? '' : 'off');
    stateCell(tr, w.enabled, 'active', 'retired');
    buttonsCell(tr, button('edit', 'edit', () => edit.open(w, w.name)),
      w.enabled ? button('retire', 'retire', () => change(w.name, { enabled: false }))
        : button('restore', 'restore', () => change(w.name, { enabled: true })));
    return tr;
  }, 'none');
}

function change(name, body) {
  return page.act(() => L.api('PUT', '/api/v1/admin/workstations/' + encodeURIComponent(name), body), 'saved', name);
}

async function save() {
  const w = edit.current();
  if (!w) return;
  if (await change(w.name, { extension: $('edit-extension').value, iface: $('edit-iface').value })) edit.close();
}

async function create() {
  const name = $('new-name').value.trim();
  if (await page.act(() => L.api('POST', '/api/v1/admin/workstations', { name, extension: $('new-extension').value,
    iface: $('new-iface').value || null }), 'created', name)) {
    $('create-form').reset();
  }
}

page.start({ forms: { 'create-form': create, 'edit-form': save }, edit });
