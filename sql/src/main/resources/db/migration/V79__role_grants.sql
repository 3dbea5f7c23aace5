-- Four eyes for the roles that open protected data (AUDITOR: the recordings): one
-- administrator proposes the grant, a second one approves it; the proposer never
-- approves their own proposal and nobody is granted a role on their own say.
-- Every step is also an entry of the hash-chained audit_log.
create table role_grants (
    id          uuid primary key,
    username    text not null,
    role        text not null check (role in ('OPERATOR', 'SUPERVISOR', 'AUDITOR', 'ADMIN', 'METRICS')),
    proposed_by text not null,
    proposed_at timestamptz not null default clock_timestamp(),
    reason      text not null,
    state       text not null default 'proposed' check (state in ('proposed', 'approved', 'rejected')),
    decided_by  text,
    decided_at  timestamptz,
    check (proposed_by <> username),
    check (state <> 'approved' or (decided_by <> proposed_by and decided_by <> username))
);

-- One open proposal per user and role.
create unique index role_grants_open_idx on role_grants (username, role) where state = 'proposed';
