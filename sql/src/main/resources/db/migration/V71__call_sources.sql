-- Where a call record's facts come from (kz.line102.cti.EventSource): observed live on
-- AMI, logged by the PBX (CEL, queue_log, CDR) or inferred (resync, sweep, PBX restart).
-- source is the weakest of the facts the record shows; answer_source and end_source say
-- it for the answer (or abandon) and for the end. Null until the fact is known.
alter table calls
    add column source        text check (source in ('observed', 'logged', 'inferred')),
    add column answer_source text check (answer_source in ('observed', 'logged', 'inferred')),
    add column end_source    text check (end_source in ('observed', 'logged', 'inferred'));

-- Records made before: inferred where a resync filled a gap, observed otherwise.
update calls set source = case when fully_observed then 'observed' else 'inferred' end
where offered_at is not null;

-- How far each PBX's logs have been read (kz.line102.callcenter.pbxlog): a node that was
-- down longer than the sliding window reads on from here at start, so no call of the
-- outage is left without a record (bounded by line102.callcenter.pbxlog.catch-up).
create table pbx_log_marks (
    pbx        text primary key,
    read_until timestamptz not null,
    updated_at timestamptz not null default clock_timestamp()
);
