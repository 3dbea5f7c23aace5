-- Certification roles (issue 17): the personnel service's own role, commission members acting
-- under their own sign-in, and the employee's own file.
--
-- PERSONNEL is the personnel service: it keeps the personal files, ADMIN (IT staff) no longer
-- sees them. Commission members are user names (certification_commissions.members, the chair and
-- the secretary among them); a GIN index finds the commissions a user sits on. An employee is
-- linked to at most one user account and an account to at most one employee: that is how the
-- employee reads their own file and how nobody acts in their own case.
-- Attendance, questions, votes and the employee's signature of the sheet are append-only.

alter table users drop constraint users_roles_check;
alter table users add constraint users_roles_check
    check (roles <@ array['OPERATOR', 'SUPERVISOR', 'AUDITOR', 'ADMIN', 'METRICS', 'PERSONNEL']);
alter table role_grants drop constraint role_grants_role_check;
alter table role_grants add constraint role_grants_role_check
    check (role in ('OPERATOR', 'SUPERVISOR', 'AUDITOR', 'ADMIN', 'METRICS', 'PERSONNEL'));

alter table certification_employees add column username text unique
    check (username is null or username ~ '^[a-z0-9][a-z0-9._-]{1,62}$');

create index certification_commissions_members on certification_commissions using gin (members);

-- Who of the commission is present at the meeting that hears a case, as its secretary records it.
create table certification_attendance (
    case_id     bigint not null references certification_cases (id),
    username    text not null,
    recorded_by text not null,
    recorded_at timestamptz not null default clock_timestamp(),
    primary key (case_id, username)
);

-- The questions put to the employee at the interview (at most line102.certification.max-questions).
create table certification_questions (
    case_id     bigint not null references certification_cases (id),
    number      integer not null check (number >= 1),
    asked_by    text not null,
    question    text not null check (length(question) between 1 and 2000),
    recorded_by text not null,
    recorded_at timestamptz not null default clock_timestamp(),
    primary key (case_id, number)
);

-- Each member's open vote, cast by the member under their own sign-in; one per member and case.
create table certification_votes (
    case_id  bigint not null references certification_cases (id),
    username text not null,
    decision text not null,
    cast_at  timestamptz not null default clock_timestamp(),
    primary key (case_id, username)
);

-- The employee's signature of the certification sheet (annex 5), under their own sign-in.
create table certification_sheet_signatures (
    case_id   bigint primary key references certification_cases (id),
    signed_by text not null,
    signed_on date not null,
    late      boolean not null,
    signed_at timestamptz not null default clock_timestamp()
);

create function certification_meeting_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: what was recorded at the meeting stays', tg_table_name;
end $$;
create trigger certification_attendance_append_only before update or delete on certification_attendance
    for each row execute function certification_meeting_append_only();
create trigger certification_questions_append_only before update or delete on certification_questions
    for each row execute function certification_meeting_append_only();
create trigger certification_votes_append_only before update or delete on certification_votes
    for each row execute function certification_meeting_append_only();
create trigger certification_sheet_signatures_append_only before update or delete on certification_sheet_signatures
    for each row execute function certification_meeting_append_only();

-- A member's open cases: their commissions (the GIN index above), then each commission's open cases.
create index certification_cases_commission_open on certification_cases (commission_id, meeting_on, id)
    where decided_on is null;
