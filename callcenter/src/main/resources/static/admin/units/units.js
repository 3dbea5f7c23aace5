// Units and crews: IT staff register units, keep each one's standing crew and patrol route,
// and take a unit out of service (or back). Putting a unit on duty is the duty officer's.
import * as L from '/common/page.js';
import { button, buttonsCell, editor, listPage, row, table } from '/common/admin.js';

const $ = L.$;
const t = L.t;
let units = [];

const page = listPage('admin.units', {
  load: async () => { units = await L.api('GET', '/api/v1/units?all=true'); },
  render,
});

const edit = editor((u) => {
  $('edit-crew').value = (u.crew || []).join('\n');
  $('edit-route').value = u.patrolRoute || '';
  $('edit-crew').focus();
});

function render() {
  table('units', units, (u) => {
    const tr = row({ unit: u.callSign }, [u.callSign, t('kind.' + u.kind), t('status.' + u.status),
      [(u.crew || []).join(', '), 'crew'], [u.patrolRoute, 'route'], t(u.enabled ? 'yes' : 'no')], u.enabled ? '' : 'off');
    buttonsCell(tr, button('editCrew', 'edit', () => edit.open(u, u.callSign)),
      u.enabled ? button('takeOut', 'take-out', () => enable(u, false))
        : button('putBack', 'put-back', () => enable(u, true)));
    return tr;
  }, 'none');
}

function enable(u, enabled) {
  return page.act(() => L.api('POST', '/api/v1/units/' + u.id + '/enabled', { enabled }), 'enabledSaved', u.callSign);
}

async function save() {
  const u = edit.current();
  if (!u) return;
  const crew = $('edit-crew').value.split('\n').map((s) => s.trim()).filter((s) => s);
  if (await page.act(() => L.api('PUT', '/api/v1/admin/units/' + u.id + '/crew', { crew, route: $('edit-route').value }),
    'saved', u.callSign)) {
    edit.close();
  }
}

// A new unit opens at once for its crew.
async function create() {
  const callSign = $('new-call-sign').value.trim();
  const unit = await page.act(() => L.api('POST', '/api/v1/units', { callSign, kind: $('new-kind').value }),
    'created', callSign);
  if (unit) {
    $('create-form').reset();
    edit.open(unit, unit.callSign);
  }
}

page.start({ forms: { 'create-form': create, 'edit-form': save }, edit });
