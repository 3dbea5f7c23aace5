'use strict';
// Users and roles: create, disable and enable, reset a password, change roles. The rules are
// the server's (security.UserService, RoleGrants): nobody grants themself a role, and the
// auditor role is only proposed here and granted when a second administrator approves it.

const TEXT = Line102.texts('admin.users');

const L = window.Line102;
const $ = L.$;
const t = L.t;
// Roles an administrator gives directly; AUDITOR goes through a proposal (four eyes).
const DIRECT_ROLES = ['OPERATOR', 'SUPERVISOR', 'PERSONNEL', 'ADMIN', 'METRICS'];
let users = [];
let grants = [];
let editing = null;
let said = null;

function showError(e) {
  L.showError($('error'), e || null);
  if (e) { said = null; $('notice').textContent = ''; }
}

function notice(key, name) {
  showError(null);
  said = key ? [key, name] : null;
  $('notice').textContent = said ? L.text('admin.users.' + key, { name }) : '';
}

function roleName(role) {
  return t('role.' + role);
}

function button(key, className, action) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = t(key);
  b.addEventListener('click', action);
  return b;
}

/** The role boxes; AUDITOR only for a user who has it (to take it away: adding it is a proposal). */
function roleBoxes(container, prefix, checked, withAuditor) {
  container.replaceChildren();
  DIRECT_ROLES.concat(withAuditor ? ['AUDITOR'] : []).forEach((role) => {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = role;
    box.id = prefix + '-' + role.toLowerCase();
    box.checked = checked.includes(role);
    label.appendChild(box);
    label.appendChild(document.createTextNode(' ' + roleName(role)));
    container.appendChild(label);
  });
}

function chosenRoles(container) {
  return Array.from(container.querySelectorAll('input:checked')).map((b) => b.value);
}

async function load() {
  try {
    [users, grants] = await Promise.all([L.api('GET', '/api/v1/admin/users'),
      L.api('GET', '/api/v1/admin/users/role-grants')]);
    render();
  } catch (e) {
    showError(e);
  }
}

function render() {
  const body = $('users').querySelector('tbody');
  body.replaceChildren();
  users.forEach((u) => {
    const tr = document.createElement('tr');
    tr.dataset.user = u.username;
    tr.className = u.enabled ? '' : 'off';
    L.cell(tr, u.username + (u.demo ? ' (' + t('demo') + ')' : ''));
    L.cell(tr, u.displayName);
    L.cell(tr, u.roles.map(roleName).join(', '), 'roles');
    const state = L.cell(tr, '');
    const tag = document.createElement('span');
    tag.className = 'tag ' + (u.enabled ? 'on' : 'off');
    tag.textContent = t(u.enabled ? 'enabled' : 'disabled');
    state.appendChild(tag);
    const td = L.cell(tr, '');
    td.appendChild(button('edit', 'edit', () => edit(u.username)));
    td.appendChild(u.enabled ? button('disable', 'disable', () => change(u.username, { enabled: false }))
      : button('enable', 'enable', () => change(u.username, { enabled: true })));
    body.appendChild(tr);
  });
  const grantBody = $('grants').querySelector('tbody');
  grantBody.replaceChildren();
  grants.forEach((g) => {
    const tr = document.createElement('tr');
    tr.dataset.grant = g.id;
    tr.dataset.user = g.username;
    L.cell(tr, g.username);
    L.cell(tr, roleName(g.role));
    L.cell(tr, g.proposedBy);
    L.cell(tr, g.reason);
    const td = L.cell(tr, '');
    td.appendChild(button('approve', 'approve', () => decide(g, 'approval', 'approved')));
    td.appendChild(button('refuse', 'refuse', () => decide(g, 'rejection', 'refused')));
    grantBody.appendChild(tr);
  });
  $('grants').hidden = grants.length === 0;
  $('no-grants').hidden = grants.length > 0;
  if (!$('new-roles').children.length) roleBoxes($('new-roles'), 'new-role', ['OPERATOR']);
}

function edit(username) {
  const u = users.find((x) => x.username === username);
  if (!u) return;
  editing = u;
  $('edit').hidden = false;
  $('edit-name').textContent = u.username;
  $('edit-display').value = u.displayName;
  $('edit-password').value = '';
  $('propose-reason').value = '';
  roleBoxes($('edit-roles'), 'edit-role', u.roles, u.roles.includes('AUDITOR'));
  // An auditor keeps the role through an edit; only a proposal adds it.
  $('propose-form').hidden = u.roles.includes('AUDITOR');
  $('edit-display').focus();
}

async function change(username, body) {
  try {
    await L.api('PUT', '/api/v1/admin/users/' + encodeURIComponent(username), body);
    notice('saved', username);
  } catch (e) {
    showError(e);
  }
  await load();
}

async function save(event) {
  event.preventDefault();
  if (!editing) return;
  const u = editing;
  const roles = chosenRoles($('edit-roles'));
  const body = { displayName: $('edit-display').value, roles };
  if ($('edit-password').value) body.password = $('edit-password').value;
  try {
    await L.api('PUT', '/api/v1/admin/users/' + encodeURIComponent(u.username), body);
    $('edit').hidden = true;
    editing = null;
    notice('saved', u.username);
  } catch (e) {
    showError(e);
  }
  await load();
}

async function propose(event) {
  event.preventDefault();
  if (!editing) return;
  const name = editing.username;
  try {
    await L.api('POST', '/api/v1/admin/users/' + encodeURIComponent(name) + '/role-grants',
      { role: 'AUDITOR', reason: $('propose-reason').value });
    $('propose-reason').value = '';
    notice('proposed', name);
  } catch (e) {
    showError(e);
  }
  await load();
}

async function decide(grant, what, done) {
  try {
    await L.api('POST', '/api/v1/admin/users/role-grants/' + grant.id + '/' + what);
    notice(done, grant.username);
  } catch (e) {
    showError(e);
  }
  await load();
}

async function create(event) {
  event.preventDefault();
  const username = $('new-username').value.trim();
  try {
    await L.api('POST', '/api/v1/admin/users', { username, displayName: $('new-display').value,
      password: $('new-password').value, roles: chosenRoles($('new-roles')) });
    $('create-form').reset();
    roleBoxes($('new-roles'), 'new-role', ['OPERATOR']);
    notice('created', username);
  } catch (e) {
    showError(e);
  }
  await load();
}

Line102.whenReady(() => {
  $('create-form').addEventListener('submit', create);
  $('edit-form').addEventListener('submit', save);
  $('propose-form').addEventListener('submit', propose);
  $('edit-cancel').addEventListener('click', () => { $('edit').hidden = true; editing = null; });
  L.start(TEXT, () => {
    if (said) $('notice').textContent = L.text('admin.users.' + said[0], { name: said[1] });
    render();
    if (editing) roleBoxes($('edit-roles'), 'edit-role', chosenRoles($('edit-roles')), editing.roles.includes('AUDITOR'));
    roleBoxes($('new-roles'), 'new-role', chosenRoles($('new-roles')));
  }).then(load).catch(showError);
});
