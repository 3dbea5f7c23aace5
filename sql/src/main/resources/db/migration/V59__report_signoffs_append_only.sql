-- A signed report is frozen: the database itself refuses to change or delete a sign-off
-- or an addendum (for the application's own user too). Uses line102_append_only() (V42).
create trigger report_signoffs_append_only before update or delete on report_signoffs
    for each row execute function line102_append_only();
create trigger report_signoffs_no_truncate before truncate on report_signoffs
    for each statement execute function line102_append_only();
create trigger report_addenda_append_only before update or delete on report_addenda
    for each row execute function line102_append_only();
create trigger report_addenda_no_truncate before truncate on report_addenda
    for each statement execute function line102_append_only();
