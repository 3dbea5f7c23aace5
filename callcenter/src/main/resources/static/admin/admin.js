'use strict';
// The admin home: every page an administrator may open, as /api/v1/session lists them
// (a new admin page appears here by its line in shell/Pages.java).

const TEXT = Line102.texts('admin');

function render() {
  const s = Line102.session();
  const list = Line102.$('admin-pages');
  if (!s) return;
  list.textContent = '';
  s.pages.filter((p) => p.path !== '/admin').forEach((p) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = p.path;
    a.textContent = Line102.text(p.titleKey);
    li.appendChild(a);
    list.appendChild(li);
  });
}

Line102.whenReady(() => {
  Line102.start(TEXT, render).then(render).catch((e) => console.error(e));
});
