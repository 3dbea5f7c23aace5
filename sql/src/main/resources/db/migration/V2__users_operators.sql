-- People who sign in, the workstations operators sit at, and who sat where when.
--
-- Passwords are stored only as self-describing hashes ({bcrypt}..., {argon2}...),
-- so the algorithm can change without a migration. No user is created here: the
-- first administrator comes from the environment at start-up (see README).

create table users (
    id            bigserial primary key,
    username      text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    display_name  text not null,
    password_hash text not null,
    roles         text[] not null check (roles <@ array['OPERATOR', 'SUPERVISOR', 'AUDITOR', 'ADMIN', 'METRICS']),
    enabled       boolean not null default true,
    demo          boolean not null default false, -- seeded by the demo profile; never in production
    created_at    timestamptz not null default clock_timestamp(),
    updated_at    timestamptz not null default clock_timestamp()
);

-- A workstation is a desk with a phone: the SIP extension and the queue member
-- interface Asterisk rings for it.
create table workstations (
    id         bigserial primary key,
    name       text not null unique,
    extension  text not null unique,
    interface  text not null unique,             -- e.g. PJSIP/1001
    enabled    boolean not null default true,
    created_at timestamptz not null default clock_timestamp(),
    updated_at timestamptz not null default clock_timestamp()
);

-- One row per sign-in at a workstation. extension and interface are copied so the
-- history stays true after a workstation is re-wired.
create table operator_sessions (
    id             bigserial primary key,
    user_id        bigint not null references users (id),
    workstation_id bigint not null references workstations (id),
    extension      text not null,
    interface      text not null,
    started_at     timestamptz not null default clock_timestamp(),
    ended_at       timestamptz,
    end_reason     text check (end_reason in ('signed-out', 'moved', 'replaced', 'disabled')),
    check (ended_at is null or ended_at >= started_at)
);

-- At most one open session per operator and per workstation, whatever the races.
create unique index operator_sessions_open_user_idx on operator_sessions (user_id) where ended_at is null;
create unique index operator_sessions_open_ws_idx on operator_sessions (workstation_id) where ended_at is null;
create index operator_sessions_user_idx on operator_sessions (user_id, started_at desc);
