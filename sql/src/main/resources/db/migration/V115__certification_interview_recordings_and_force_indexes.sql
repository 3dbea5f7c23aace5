-- Certification interview recordings (item 28: recorded, kept by the personnel service for
-- 3 years) and the indexes a force of 100,000 employees needs (bench/run certification).
--
-- The recordings themselves are the recorder's: uploaded through it, filed under the case
-- as call_id 'certification-case/<id>', kept under the retention class below. The class is
-- data: V20 created it; this makes sure it is there on a database that lost it, and leaves a
-- period IT staff changed as they set it.
insert into retention_policies (retention_class, keep_for, description)
values ('certification-interview', interval '3 years', 'recordings of certification interviews (item 28: 3 years)')
on conflict (retention_class) do nothing;

-- A case's recordings, in the order they were uploaded, including those still on their way
-- or refused by the recorder (the jobs), without reading the whole job table.
create index recording_ingest_jobs_call_idx on recording_ingest_jobs (call_id, created_at, id);

-- The due list reads "due by a day, earliest first, a page at a time": one ordered range of
-- this index, no sort of everyone due (certification_employees_due gave the range, not the order).
create index certification_employees_due_order on certification_employees (due_on, id)
    where due_status in ('UPCOMING', 'DUE', 'OVERDUE');
