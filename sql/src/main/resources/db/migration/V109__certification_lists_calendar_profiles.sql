-- Certification preparation (items 7-15 of the model regulation): the six-monthly list of
-- who is due, approved by the head with the meeting dates; the written notifications; the
-- deadlines of each case counted from its meeting; the service profile (annex 1) and the
-- employee's acknowledgement. An approved list, a signed profile and an acknowledgement
-- never change (triggers refuse it): a change of an approved list is a new version.

create table certification_lists (
    id            bigserial primary key,
    period_from   date not null,
    period_to     date not null check (period_to > period_from),
    version       integer not null check (version >= 1),
    supersedes    bigint references certification_lists (id),
    drawn_by      text not null,
    drawn_at      timestamptz not null default clock_timestamp(),
    approved_by   text,
    approved_at   timestamptz,
    superseded_at timestamptz,
    unique (period_from, version)
);
-- One draft per half-year at a time.
create unique index certification_lists_draft on certification_lists (period_from) where approved_at is null;

create table certification_list_items (
    list_id       bigint not null references certification_lists (id),
    employee_id   bigint not null references certification_employees (id),
    due_on        date,
    latest_on     date,
    due_reason    text,
    meeting_on    date,
    commission_id bigint references certification_commissions (id),
    primary key (list_id, employee_id)
);
-- The list is read a page at a time in due order; "who has no date yet" is a range of the same index.
create index certification_list_items_order on certification_list_items (list_id, due_on, employee_id);
create index certification_list_items_employee on certification_list_items (employee_id);

create function certification_lists_frozen() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.approved_at is not null then
            raise exception 'certification list % is approved: it cannot be deleted', old.id;
        end if;
        return old;
    end if;
    -- Once approved, only the mark of a later version superseding it may still be set.
    if old.approved_at is not null and (new.period_from, new.period_to, new.version, new.supersedes, new.drawn_by,
            new.drawn_at, new.approved_by, new.approved_at)
            is distinct from (old.period_from, old.period_to, old.version, old.supersedes, old.drawn_by,
            old.drawn_at, old.approved_by, old.approved_at) then
        raise exception 'certification list % is approved: a change is a new version', old.id;
    end if;
    return new;
end $$;
create trigger certification_lists_frozen before update or delete on certification_lists
    for each row execute function certification_lists_frozen();

create function certification_list_items_frozen() returns trigger language plpgsql as $$
declare
    list bigint := case when tg_op = 'DELETE' then old.list_id else new.list_id end;
begin
    if exists (select 1 from certification_lists where id = list and approved_at is not null)
            or (tg_op = 'UPDATE' and exists (select 1 from certification_lists where id = old.list_id
                                                                                  and approved_at is not null)) then
        raise exception 'certification list % is approved: a change is a new version', list;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger certification_list_items_frozen before insert or update or delete on certification_list_items
    for each row execute function certification_list_items_frozen();

-- The written notice of an approved list's meeting (at least a month before it).
create table certification_notifications (
    id           bigserial primary key,
    list_id      bigint not null references certification_lists (id),
    employee_id  bigint not null references certification_employees (id),
    meeting_on   date not null,
    notify_by    date not null,
    created_at   timestamptz not null default clock_timestamp(),
    delivered_on date,
    delivered_by text,
    unique (list_id, employee_id)
);
create index certification_notifications_pending on certification_notifications (notify_by)
    where delivered_on is null;
create index certification_notifications_employee on certification_notifications (employee_id, meeting_on);

-- The employee's due date flagged with the approved meeting that covers it.
alter table certification_employees add column meeting_on date, add column meeting_list_id bigint
    references certification_lists (id);
create index certification_employees_meeting_list on certification_employees (meeting_list_id)
    where meeting_list_id is not null;

alter table certification_cases add column meeting_on date;

-- Each case's preparation and paperwork deadlines, counted from its meeting; the open ones
-- past their day are what the personnel service is told of (one index range).
create table certification_deadlines (
    case_id    bigint not null references certification_cases (id),
    kind       text not null check (kind in ('NOTIFICATION', 'PROFILE', 'ACKNOWLEDGEMENT', 'FILE', 'MINUTES',
                                             'SHEET')),
    due_on     date not null,
    done_on    date,
    done_by    text,
    flagged_at timestamptz,
    primary key (case_id, kind)
);
create index certification_deadlines_open on certification_deadlines (due_on, case_id) where done_on is null;

-- The service profile (annex 1) by the employee's direct head; editable until signed.
create table certification_profiles (
    id          bigserial primary key,
    case_id     bigint not null unique references certification_cases (id),
    sections    jsonb not null,
    version     integer not null default 1,
    written_by  text not null,
    written_at  timestamptz not null default clock_timestamp(),
    signed_by   text,
    signed_at   timestamptz
);

create function certification_profiles_signed() returns trigger language plpgsql as $$
begin
    if old.signed_at is not null then
        raise exception 'service profile % is signed: it cannot change', old.id;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger certification_profiles_signed before update or delete on certification_profiles
    for each row execute function certification_profiles_signed();

-- The employee's acknowledgement under signature, with disagreement and added information.
create table certification_profile_acks (
    profile_id        bigint primary key references certification_profiles (id),
    acknowledged_on   date not null,
    disagrees         boolean not null,
    disagreement      text check (disagreement is null or length(disagreement) <= 4000),
    added_information text check (added_information is null or length(added_information) <= 4000),
    recorded_by       text not null,
    recorded_at       timestamptz not null default clock_timestamp()
);

create function certification_profile_acks_frozen() returns trigger language plpgsql as $$
begin
    raise exception 'an acknowledgement of a service profile is signed: it cannot change';
end $$;
create trigger certification_profile_acks_frozen before update or delete on certification_profile_acks
    for each row execute function certification_profile_acks_frozen();
