// The admin home: every page an administrator may open, as /api/v1/session lists them
// (a new admin page appears here by its line in shell/Pages.java).
import * as L from '/common/page.js';

const TEXT = L.texts('admin');

function render() {
  const s = L.session();
  const list = L.$('admin-pages');
  if (!s) return;
  list.textContent = '';
  s.pages.filter((p) => p.path !== '/admin').forEach((p) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = p.path;
    a.textContent = L.text(p.titleKey);
    li.appendChild(a);
    list.appendChild(li);
  });
}

L.whenReady(() => {
  L.start(TEXT, render).then(render).catch((e) => console.error(e));
});
