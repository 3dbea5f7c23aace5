-- Certification of employees (model regulation, decree 1612): employees with their
-- service history, commissions, certification cases and their stage entries.
--
-- The due columns of certification_employees are what DueRules last computed (on every
-- change of the history or a decision, and by the daily pass), so the due list of a
-- force of 100,000 is one indexed range scan. Stage entries and decisions are
-- append-only (a trigger refuses update and delete): a correction is a new entry naming
-- the one it corrects. Every change is in certification_audit.

create table certification_employees (
    id            bigserial primary key,
    personnel_no  text not null unique check (length(personnel_no) between 1 and 40),
    full_name     text not null check (length(full_name) between 1 and 200),
    version       integer not null default 1,
    created_at    timestamptz not null default clock_timestamp(),
    due_status    text not null default 'not_applicable',
    due_on        date,
    latest_on     date,
    due_reason    text,
    due_computed_on date
);
create index certification_employees_due on certification_employees (due_on) where due_on is not null;
create index certification_employees_latest on certification_employees (latest_on) where latest_on is not null;

create table certification_postings (
    id              bigserial primary key,
    employee_id     bigint not null references certification_employees (id),
    kind            text not null check (kind in ('POST', 'STUDY', 'SECONDMENT')),
    start_on        date not null,
    end_on          date check (end_on is null or end_on >= start_on),
    post            text not null check (length(post) between 1 and 200),
    rank            integer not null default 0,
    equivalent      boolean not null default false,
    head            boolean not null default false,
    employed_elsewhere_before boolean not null default false
);
create index certification_postings_employee on certification_postings (employee_id, start_on);

create table certification_commissions (
    id          bigserial primary key,
    name        text not null unique check (length(name) between 1 and 200),
    chair       text not null,
    secretary   text not null,
    members     text[] not null,
    created_at  timestamptz not null default clock_timestamp(),
    created_by  text not null
);

create table certification_cases (
    id            bigserial primary key,
    employee_id   bigint not null references certification_employees (id),
    commission_id bigint not null references certification_commissions (id),
    kind          text not null check (kind in ('FIRST', 'RECERTIFICATION')),
    due_on        date,
    opened_at     timestamptz not null default clock_timestamp(),
    opened_by     text not null,
    decided_on    date,
    outcome       text
);
create index certification_cases_employee on certification_cases (employee_id, opened_at desc);
-- One open case per employee.
create unique index certification_cases_open on certification_cases (employee_id) where decided_on is null;

create table certification_entries (
    id           bigserial primary key,
    case_id      bigint not null references certification_cases (id),
    stage        text not null check (stage in ('PREPARATION', 'STANDARDS', 'TEST', 'POLYGRAPH', 'INTERVIEW',
                                                'DECISION')),
    result       text not null,
    score        integer,
    note         text check (note is null or length(note) <= 2000),
    detail       jsonb not null default '{}',
    corrects     bigint references certification_entries (id),
    recorded_by  text not null,
    recorded_at  timestamptz not null default clock_timestamp()
);
create index certification_entries_case on certification_entries (case_id, id);

create function certification_entries_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'certification_entries are append-only: record a correction as a new entry';
end $$;
create trigger certification_entries_append_only before update or delete on certification_entries
    for each row execute function certification_entries_append_only();

create table certification_audit (
    id       bigserial primary key,
    at       timestamptz not null default clock_timestamp(),
    actor    text not null,
    action   text not null,
    version  integer,
    detail   jsonb not null default '{}'
);
