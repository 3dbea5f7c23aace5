-- audit_log and its head are append-only for everyone, the application's own
-- database user included: an UPDATE or DELETE is refused by the database itself.
-- (The hash chain still finds a change made by someone who disabled this trigger.)
create function line102_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function line102_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function line102_append_only();
