// Users and roles: create, disable and enable, reset a password, change roles. The rules are
// the server's (security.UserService, RoleGrants): nobody grants themself a role, and the
// auditor role is only proposed here and granted when a second administrator approves it.
import * as L from '/common/page.js';
import { button, buttonsCell, editor, listPage, row, stateCell, table } from '/common/admin.js';

const $ = L.$;
const t = L.t;
// Roles an administrator gives directly; AUDITOR goes through a proposal (four eyes).
const DIRECT_ROLES = ['OPERATOR', 'SUPERVISOR', 'PERSONNEL', 'ADMIN', 'METRICS'];
let users = [];
let grants = [];

const page = listPage('admin.users', {
  load: async () => {
    [users, grants] = await Promise.all([L.api('GET', '/api/v1/admin/users'),
      L.api('GET', '/api/v1/admin/users/role-grants')]);
  },
  render,
});

const edit = editor((u) => {
  $('edit-display').value = u.displayName;
  $('edit-password').value = '';
  $('propose-reason').value = '';
  roleBoxes($('edit-roles'), 'edit-role', u.roles, u.roles.includes('AUDITOR'));
  // An auditor keeps the role through an edit; only a proposal adds it.
  $('propose-form').hidden = u.roles.includes('AUDITOR');
  $('edit-display').focus();
});

function roleName(role) {
  return t('role.' + role);
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

function render() {
  table('users', users, (u) => {
    const tr = row({ user: u.username }, [u.username + (u.demo ? ' (' + t('demo') + ')' : ''), u.displayName,
      [u.roles.map(roleName).join(', '), 'roles']], u.enabled ? '' : 'off');
    stateCell(tr, u.enabled, 'enabled', 'disabled');
    buttonsCell(tr, button('edit', 'edit', () => openUser(u.username)),
      u.enabled ? button('disable', 'disable', () => change(u.username, { enabled: false }))
        : button('enable', 'enable', () => change(u.username, { enabled: true })));
    return tr;
  });
  table('grants', grants, (g) => {
    const tr = row({ grant: g.id, user: g.username }, [g.username, roleName(g.role), g.proposedBy, g.reason]);
    buttonsCell(tr, button('approve', 'approve', () => decide(g, 'approval', 'approved')),
      button('refuse', 'refuse', () => decide(g, 'rejection', 'refused')));
    return tr;
  }, 'no-grants');
  if (!$('new-roles').children.length) roleBoxes($('new-roles'), 'new-role', ['OPERATOR']);
}

function openUser(username) {
  const u = users.find((x) => x.username === username);
  if (u) edit.open(u, u.username);
}

function userPath(username) {
  return '/api/v1/admin/users/' + encodeURIComponent(username);
}

function change(username, body) {
  return page.act(() => L.api('PUT', userPath(username), body), 'saved', username);
}

async function save() {
  const u = edit.current();
  if (!u) return;
  const body = { displayName: $('edit-display').value, roles: chosenRoles($('edit-roles')) };
  if ($('edit-password').value) body.password = $('edit-password').value;
  if (await change(u.username, body)) edit.close();
}

async function propose() {
  const u = edit.current();
  if (!u) return;
  if (await page.act(() => L.api('POST', userPath(u.username) + '/role-grants',
    { role: 'AUDITOR', reason: $('propose-reason').value }), 'proposed', u.username)) {
    $('propose-reason').value = '';
  }
}

function decide(grant, what, done) {
  return page.act(() => L.api('POST', '/api/v1/admin/users/role-grants/' + grant.id + '/' + what), done, grant.username);
}

async function create() {
  const username = $('new-username').value.trim();
  if (await page.act(() => L.api('POST', '/api/v1/admin/users', { username, displayName: $('new-display').value,
    password: $('new-password').value, roles: chosenRoles($('new-roles')) }), 'created', username)) {
    $('create-form').reset();
    roleBoxes($('new-roles'), 'new-role', ['OPERATOR']);
  }
}

page.start({
  forms: { 'create-form': create, 'edit-form': save, 'propose-form': propose },
  edit,
  onLanguage: () => {
    const u = edit.current();
    if (u) roleBoxes($('edit-roles'), 'edit-role', chosenRoles($('edit-roles')), u.roles.includes('AUDITOR'));
    roleBoxes($('new-roles'), 'new-role', chosenRoles($('new-roles')));
  },
});
