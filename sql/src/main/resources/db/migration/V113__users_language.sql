-- The language each user chose for the pages (ru, kk, en): set at sign-in as the browser's, so a
-- shared desk shows every user their own. Null until the user chooses one.
alter table users add column language text check (language in ('ru', 'kk', 'en'));
