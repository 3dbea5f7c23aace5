// Workstations: the desks operators sign in at and the phones Asterisk rings for them.
// Retiring one (enabled: false) ends the session held there; it can be returned to service.
import * as L from '/common/page.js';

const TEXT = L.texts('admin.workstations');
const $ = L.$;
const t = L.t;
let desks = [];
let editing = null;
let said = null;

function showError(e) {
  L.showError($('error'), e || null);
  if (e) { said = null; $('notice').textContent = ''; }
}

function notice(key, name) {
  showError(null);
  said = [key, name];
  $('notice').textContent = L.text('admin.workstations.' + key, { name });
}

function button(key, className, action) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = t(key);
  b.addEventListener('click', action);
  return b;
}

async function load() {
  try {
    desks = await L.api('GET', '/api/v1/admin/workstations');
    render();
  } catch (e) {
    showError(e);
  }
}

function render() {
  const body = $('workstations').querySelector('tbody');
  body.replaceChildren();
  desks.forEach((w) => {
    const tr = document.createElement('tr');
    tr.dataset.workstation = w.name;
    tr.className = w.enabled ? '' : 'off';
    L.cell(tr, w.name);
    L.cell(tr, w.extension);
    L.cell(tr, w.iface);
    const state = L.cell(tr, '');
    const tag = document.createElement('span');
    tag.className = 'tag ' + (w.enabled ? 'on' : 'off');
    tag.textContent = t(w.enabled ? 'active' : 'retired');
    state.appendChild(tag);
    const td = L.cell(tr, '');
    td.appendChild(button('edit', 'edit', () => edit(w)));
    td.appendChild(w.enabled ? button('retire', 'retire', () => change(w.name, { enabled: false }))
      : button('restore', 'restore', () => change(w.name, { enabled: true })));
    body.appendChild(tr);
  });
  $('none').hidden = desks.length > 0;
  $('workstations').hidden = desks.length === 0;
}

function edit(w) {
  editing = w.name;
  $('edit').hidden = false;
  $('edit-name').textContent = w.name;
  $('edit-extension').value = w.extension;
  $('edit-iface').value = w.iface;
  $('edit-extension').focus();
}

async function change(name, body) {
  try {
    await L.api('PUT', '/api/v1/admin/workstations/' + encodeURIComponent(name), body);
    notice('saved', name);
    return true;
  } catch (e) {
    showError(e);
    return false;
  } finally {
    await load();
  }
}

async function save(event) {
  event.preventDefault();
  if (!editing) return;
  if (await change(editing, { extension: $('edit-extension').value, iface: $('edit-iface').value })) {
    $('edit').hidden = true;
    editing = null;
  }
}

async function create(event) {
  event.preventDefault();
  const name = $('new-name').value.trim();
  try {
    await L.api('POST', '/api/v1/admin/workstations', { name, extension: $('new-extension').value,
      iface: $('new-iface').value || null });
    $('create-form').reset();
    notice('created', name);
  } catch (e) {
    showError(e);
  }
  await load();
}

L.whenReady(() => {
  $('create-form').addEventListener('submit', create);
  $('edit-form').addEventListener('submit', save);
  $('edit-cancel').addEventListener('click', () => { $('edit').hidden = true; editing = null; });
  L.start(TEXT, () => {
    if (said) $('notice').textContent = L.text('admin.workstations.' + said[0], { name: said[1] });
    render();
  }).then(load).catch(showError);
});
