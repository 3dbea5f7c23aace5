-- Certification: observers at a commission's meeting (item 26: at most three, first come
-- first served, from the announcement to one working day before, never a former
-- subordinate of the head), appeals within a month and cancellation of a decision by a
-- higher commission (items 23 and 39). Applications, refused ones included, and appeals
-- are never deleted; a decided appeal never changes.

-- Commissions are higher and lower as their heads are: each may name the one above it.
alter table certification_commissions add column higher_id bigint references certification_commissions (id)
    check (higher_id is null or higher_id <> id);

create index certification_cases_meeting on certification_cases (commission_id, meeting_on)
    where meeting_on is not null;

create table certification_observers (
    id                bigserial primary key,
    commission_id     bigint not null references certification_commissions (id),
    meeting_on        date not null,
    full_name         text not null check (length(full_name) between 1 and 200),
    identity_document text not null check (length(identity_document) between 1 and 100),
    capacity          text not null check (capacity in ('DEPUTY', 'PUBLIC_ASSOCIATION')),
    organisation      text check (organisation is null or length(organisation) <= 300),
    applied_at        timestamptz not null default clock_timestamp(),
    recorded_by       text not null,
    status            text not null check (status in ('ADMITTED', 'REFUSED')),
    seat              integer check (seat between 1 and 10),
    refusal           text,
    check ((status = 'ADMITTED') = (seat is not null and refusal is null))
);
-- A seat is taken once: the guard behind the first-come-first-served count.
create unique index certification_observers_seat on certification_observers (commission_id, meeting_on, seat)
    where status = 'ADMITTED';
create index certification_observers_meeting on certification_observers (commission_id, meeting_on, id);

create function certification_observers_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'observer applications are kept as they were decided: append-only';
end $$;
create trigger certification_observers_append_only before update or delete on certification_observers
    for each row execute function certification_observers_append_only();

-- A decision cancelled by a higher commission no longer stands (the employee's clock runs from the last one that does).
alter table certification_cases add column cancelled_on date, add column cancelled_by text,
    add column cancelled_commission_id bigint references certification_commissions (id),
    add column cancel_reason text;

create table certification_appeals (
    id             bigserial primary key,
    case_id        bigint not null references certification_cases (id),
    filed_on       date not null,
    grounds        text not null check (length(grounds) between 1 and 4000),
    recorded_by    text not null,
    recorded_at    timestamptz not null default clock_timestamp(),
    outcome        text check (outcome in ('UPHELD', 'CANCELLED')),
    commission_id  bigint references certification_commissions (id),
    decided_on     date,
    decided_by     text,
    reason         text check (reason is null or length(reason) <= 4000)
);
create index certification_appeals_case on certification_appeals (case_id, id);
-- One appeal of a case awaits its decision at a time.
create unique index certification_appeals_pending on certification_appeals (case_id) where outcome is null;
create index certification_appeals_pending_order on certification_appeals (filed_on, id) where outcome is null;

create function certification_appeals_decided() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or old.outcome is not null then
        raise exception 'certification appeal % is decided or kept: it cannot change', old.id;
    end if;
    return new;
end $$;
create trigger certification_appeals_decided before update or delete on certification_appeals
    for each row execute function certification_appeals_decided();
