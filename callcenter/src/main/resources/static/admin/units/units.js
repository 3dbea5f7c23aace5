// Units and crews: IT staff register units, keep each one's standing crew and patrol route,
// and take a unit out of service (or back). Putting a unit on duty is the duty officer's.
import * as L from '/common/page.js';

const TEXT = L.texts('admin.units');
const $ = L.$;
const t = L.t;
let units = [];
let editing = null;
let said = null;

function showError(e) {
  L.showError($('error'), e || null);
  if (e) { said = null; $('notice').textContent = ''; }
}

function notice(key, name) {
  showError(null);
  said = [key, name];
  $('notice').textContent = L.text('admin.units.' + key, { name });
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
    units = await L.api('GET', '/api/v1/units?all=true');
    render();
  } catch (e) {
    showError(e);
  }
}

function render() {
  const body = $('units').querySelector('tbody');
  body.replaceChildren();
  units.forEach((u) => {
    const tr = document.createElement('tr');
    tr.dataset.unit = u.callSign;
    tr.className = u.enabled ? '' : 'off';
    L.cell(tr, u.callSign);
    L.cell(tr, t('kind.' + u.kind));
    L.cell(tr, t('status.' + u.status));
    L.cell(tr, (u.crew || []).join(', '), 'crew');
    L.cell(tr, u.patrolRoute, 'route');
    L.cell(tr, t(u.enabled ? 'yes' : 'no'));
    const td = L.cell(tr, '');
    td.appendChild(button('editCrew', 'edit', () => edit(u)));
    td.appendChild(u.enabled ? button('takeOut', 'take-out', () => enable(u, false))
      : button('putBack', 'put-back', () => enable(u, true)));
    body.appendChild(tr);
  });
  $('none').hidden = units.length > 0;
  $('units').hidden = units.length === 0;
}

function edit(u) {
  editing = u;
  $('edit').hidden = false;
  $('edit-name').textContent = u.callSign;
  $('edit-crew').value = (u.crew || []).join('\n');
  $('edit-route').value = u.patrolRoute || '';
  $('edit-crew').focus();
}

async function enable(u, enabled) {
  try {
    await L.api('POST', '/api/v1/units/' + u.id + '/enabled', { enabled });
    notice('enabledSaved', u.callSign);
  } catch (e) {
    showError(e);
  }
  await load();
}

async function save(event) {
  event.preventDefault();
  if (!editing) return;
  const u = editing;
  const crew = $('edit-crew').value.split('\n').map((s) => s.trim()).filter((s) => s);
  try {
    await L.api('PUT', '/api/v1/admin/units/' + u.id + '/crew', { crew, route: $('edit-route').value });
    $('edit').hidden = true;
    editing = null;
    notice('saved', u.callSign);
  } catch (e) {
    showError(e);
  }
  await load();
}

async function create(event) {
  event.preventDefault();
  const callSign = $('new-call-sign').value.trim();
  try {
    const unit = await L.api('POST', '/api/v1/units', { callSign, kind: $('new-kind').value });
    $('create-form').reset();
    notice('created', callSign);
    await load();
    edit(unit);
  } catch (e) {
    showError(e);
    await load();
  }
}

L.whenReady(() => {
  $('create-form').addEventListener('submit', create);
  $('edit-form').addEventListener('submit', save);
  $('edit-cancel').addEventListener('click', () => { $('edit').hidden = true; editing = null; });
  L.start(TEXT, () => {
    if (said) $('notice').textContent = L.text('admin.units.' + said[0], { name: said[1] });
    render();
  }).then(load).catch(showError);
});
