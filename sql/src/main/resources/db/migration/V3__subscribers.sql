-- The telephone exchanges' subscriber base: who holds a number and where it is
-- registered. Loaded in bulk from CSV (COPY into a session temp table, then merged),
-- sized for tens of millions of rows.

-- number_e164 is ASCII: the "C" collation orders it the same as any other and
-- compares it several times faster, which is what 20 million index inserts spend.
create table subscribers (
    number_e164  text collate "C" primary key check (number_e164 ~ '^\+[1-9][0-9]{6,14}$'),
    holder_name  text,
    address      text,
    lat          double precision check (lat between -90 and 90),
    lon          double precision check (lon between -180 and 180),
    source       text not null,
    updated_at   timestamptz not null default clock_timestamp(),
    check ((lat is null) = (lon is null))
);

-- The caller card reads recent calls of one number; V1's calls_e164_idx
-- (caller_number_e164, offered_at desc) serves it.
