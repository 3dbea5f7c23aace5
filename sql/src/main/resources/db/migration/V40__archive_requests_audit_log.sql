-- The auditors' archive: the legal-basis requests they work under, and an append-only,
-- hash-chained audit log of everything done through the archive API (searches, plays,
-- downloads, and refused attempts), which the recorder's recording_access_log cannot
-- hold (it has no room for searches or refusals, and no chain).

-- One request from an investigator, prosecutor, court or lawyer that an auditor serves.
create table archive_requests (
    id              uuid primary key,
    auditor         text not null,                 -- the auditor who recorded it; only they may use it
    requesting_body text not null,
    document_number text not null,
    document_date   date not null,
    reason          text not null,
    created_at      timestamptz not null
);

create index archive_requests_auditor_idx on archive_requests (auditor, created_at desc);

-- Each row's hash is SHA-256 over the previous row's hash and this row's content, so a
-- row edited or deleted afterwards breaks the chain (ArchiveAuditLog.verify). The code
-- only ever inserts.
create table audit_log (
    id          bigserial primary key,
    at          timestamptz not null,
    username    text not null,
    action      text not null,                     -- search, stream, download, manifest, request, refused
    recording_id uuid,
    request_id  uuid,
    detail      text not null,
    prev_hash   char(64) not null,
    hash        char(64) not null unique
);

create index audit_log_user_idx on audit_log (username, at);
create index audit_log_recording_idx on audit_log (recording_id, at) where recording_id is not null;
