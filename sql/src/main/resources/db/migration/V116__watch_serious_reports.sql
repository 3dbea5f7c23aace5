-- Reports of serious events (order 439, item 36): drafted from an incident card, edited by the
-- duty officer, signed by the chief, then sent on to the higher instance. Every table only
-- grows: an edit is a new version, and once the report is signed the database itself refuses
-- a new version, a second signature, or any change or removal (for the application too).

create table watch_serious_reports (
    id           bigserial primary key,
    incident_id  uuid not null,                    -- no foreign key: the card belongs to the incident module
    kui_number   text not null,
    drafted_by   text not null,
    drafted_at   timestamptz not null default clock_timestamp()
);
create index watch_serious_reports_incident_idx on watch_serious_reports (incident_id);
create index watch_serious_reports_kui_idx on watch_serious_reports (kui_number);
create index watch_serious_reports_drafted_idx on watch_serious_reports (drafted_at desc, id desc);

create table watch_serious_report_versions (
    report_id      bigint not null references watch_serious_reports (id),
    version        integer not null check (version >= 1),
    event_type     text not null check (length(event_type) between 1 and 4000),
    occurred_at    timestamptz,
    place          text not null check (length(place) <= 4000),
    what_happened  text not null check (length(what_happened) between 1 and 20000),
    units          text not null check (length(units) <= 4000),
    measures       text not null check (length(measures) <= 20000),
    edited_by      text not null,
    edited_at      timestamptz not null default clock_timestamp(),
    primary key (report_id, version)
);

-- The chief's signature of exactly one version: that version is what is sent on.
create table watch_serious_report_signatures (
    report_id  bigint primary key references watch_serious_reports (id),
    version    integer not null,
    signed_by  text not null,
    signed_at  timestamptz not null default clock_timestamp(),
    foreign key (report_id, version) references watch_serious_report_versions (report_id, version)
);

-- What the higher instance has taken, by the Idempotency-Key it was sent with: the delivery
-- route's idempotent repository; a report in here is never sent again.
create table watch_serious_report_deliveries (
    idempotency_key  text primary key,
    report_id        bigint not null unique references watch_serious_reports (id),
    delivered_at     timestamptz not null default clock_timestamp()
);

create function watch_serious_report_unsigned() returns trigger language plpgsql as $$
begin
    if exists (select 1 from watch_serious_report_signatures where report_id = new.report_id) then
        raise exception 'serious-event report % is signed: it is never changed', new.report_id
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end $$;

create trigger watch_serious_report_versions_unsigned before insert on watch_serious_report_versions
    for each row execute function watch_serious_report_unsigned();

create trigger watch_serious_reports_append_only before update or delete on watch_serious_reports
    for each row execute function line102_append_only();
create trigger watch_serious_reports_no_truncate before truncate on watch_serious_reports
    for each statement execute function line102_append_only();
create trigger watch_serious_report_versions_append_only before update or delete on watch_serious_report_versions
    for each row execute function line102_append_only();
create trigger watch_serious_report_versions_no_truncate before truncate on watch_serious_report_versions
    for each statement execute function line102_append_only();
create trigger watch_serious_report_signatures_append_only before update or delete on watch_serious_report_signatures
    for each row execute function line102_append_only();
create trigger watch_serious_report_signatures_no_truncate before truncate on watch_serious_report_signatures
    for each statement execute function line102_append_only();
create trigger watch_serious_report_deliveries_append_only before update or delete on watch_serious_report_deliveries
    for each row execute function line102_append_only();
create trigger watch_serious_report_deliveries_no_truncate before truncate on watch_serious_report_deliveries
    for each statement execute function line102_append_only();
