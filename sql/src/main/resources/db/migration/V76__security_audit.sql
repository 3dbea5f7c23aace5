-- What the security layer decides about people's data and accounts: every read of a
-- caller card (who, which call, a masked number and its keyed digest, the stated
-- reason), need-to-know refusals and sign-in lockouts. Written through the same
-- (actor, action, version, detail) shape as the other audit tables; append-only for
-- everyone, the application's own database user included.
create table security_audit (
    id      bigserial primary key,
    at      timestamptz not null default clock_timestamp(),
    actor   text not null,
    action  text not null,                      -- caller-card-read, caller-card-refused, sign-in-locked, ...
    version integer,                            -- unused; kept for the shared audit-trail shape
    detail  jsonb not null
);

create index security_audit_at_idx on security_audit (at desc);
create index security_audit_actor_idx on security_audit (actor, at desc);

create trigger security_audit_append_only before update or delete on security_audit
    for each row execute function line102_append_only();
create trigger security_audit_no_truncate before truncate on security_audit
    for each statement execute function line102_append_only();
