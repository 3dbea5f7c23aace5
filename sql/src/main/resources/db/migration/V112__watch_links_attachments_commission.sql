-- Links of journal entries to incident cards (by KUI number, resolved through the incident
-- module's API), scanned documents attached to entries, and the act of the commission that
-- hands the centre over when its chief changes (order 439, item 14). All append-only.

create table watch_entry_incidents (
    id           bigserial primary key,
    entry_id     bigint not null references watch_entries (id),
    incident_id  uuid not null,                    -- no foreign key: the card belongs to the incident module
    kui_number   text not null,
    linked_by    text not null,
    linked_at    timestamptz not null default clock_timestamp(),
    unique (entry_id, incident_id)
);
create index watch_entry_incidents_incident_idx on watch_entry_incidents (incident_id);
create index watch_entry_incidents_kui_idx on watch_entry_incidents (kui_number);

-- A file attached to an entry: its bytes, size and SHA-256 as received.
create table watch_attachments (
    id            bigserial primary key,
    entry_id      bigint not null references watch_entries (id),
    name          text not null check (length(name) between 1 and 255),
    content_type  text not null,
    size          bigint not null check (size > 0),
    sha256        text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content       bytea not null,
    added_by      text not null,
    added_at      timestamptz not null default clock_timestamp()
);
create index watch_attachments_entry_idx on watch_attachments (entry_id, id);

-- The commission's act: the outgoing and incoming chiefs, at least three members, the
-- documentation and property handed over, and everyone's signature.
create table watch_commission_acts (
    id              bigserial primary key,
    outgoing_chief  text not null,
    incoming_chief  text not null,
    members         jsonb not null check (jsonb_array_length(members) >= 3),
    note            text,
    drawn_by        text not null,
    drawn_at        timestamptz not null default clock_timestamp(),
    check (outgoing_chief <> incoming_chief)
);

create table watch_commission_items (
    id             bigserial primary key,
    act_id         bigint not null references watch_commission_acts (id),
    kind           text not null check (kind in ('DOCUMENT', 'PROPERTY')),
    title          text not null check (length(title) between 1 and 4000),
    serial_number  text,
    quantity       integer not null check (quantity > 0),
    condition      text
);
create index watch_commission_items_act_idx on watch_commission_items (act_id, id);

create table watch_commission_signatures (
    act_id     bigint not null references watch_commission_acts (id),
    signer     text not null,
    capacity   text not null check (capacity in ('MEMBER', 'OUTGOING', 'INCOMING')),
    signed_at  timestamptz not null default clock_timestamp(),
    primary key (act_id, signer)
);

create trigger watch_entry_incidents_append_only before update or delete on watch_entry_incidents
    for each row execute function line102_append_only();
create trigger watch_entry_incidents_no_truncate before truncate on watch_entry_incidents
    for each statement execute function line102_append_only();
create trigger watch_attachments_append_only before update or delete on watch_attachments
    for each row execute function line102_append_only();
create trigger watch_attachments_no_truncate before truncate on watch_attachments
    for each statement execute function line102_append_only();
create trigger watch_commission_acts_append_only before update or delete on watch_commission_acts
    for each row execute function line102_append_only();
create trigger watch_commission_acts_no_truncate before truncate on watch_commission_acts
    for each statement execute function line102_append_only();
create trigger watch_commission_items_append_only before update or delete on watch_commission_items
    for each row execute function line102_append_only();
create trigger watch_commission_items_no_truncate before truncate on watch_commission_items
    for each statement execute function line102_append_only();
create trigger watch_commission_signatures_append_only before update or delete on watch_commission_signatures
    for each row execute function line102_append_only();
create trigger watch_commission_signatures_no_truncate before truncate on watch_commission_signatures
    for each statement execute function line102_append_only();
