-- The book of accounting of information (KUI): one gap-free sequence per unit and
-- year. The row is locked and bumped in the transaction that registers the card, so a
-- registration that rolls back gives its number back.
create table kui_counters (
    unit_code     text not null,
    year          integer not null,
    last_sequence integer not null check (last_sequence >= 0),
    primary key (unit_code, year)
);
