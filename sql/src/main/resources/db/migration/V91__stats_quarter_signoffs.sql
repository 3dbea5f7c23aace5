-- The centre's quarterly results (order 439 item 33) signed off by the duty officer: who,
-- when, and the summary exactly as signed (JSON text, kept byte for byte) with its SHA-256.
-- One row per quarter; the database refuses to change or delete it (line102_append_only, V42).
create table stats_quarter_signoffs (
    quarter      text primary key check (quarter ~ '^[0-9]{4}-Q[1-4]$'),
    period_start timestamptz not null,
    period_end   timestamptz not null,
    signed_by    text not null,
    signed_at    timestamptz not null,
    snapshot     text not null,
    sha256       text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    check (period_end > period_start)
);
create trigger stats_quarter_signoffs_append_only before update or delete on stats_quarter_signoffs
    for each row execute function line102_append_only();
create trigger stats_quarter_signoffs_no_truncate before truncate on stats_quarter_signoffs
    for each statement execute function line102_append_only();
