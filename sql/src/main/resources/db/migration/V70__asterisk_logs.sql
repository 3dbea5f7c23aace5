-- Asterisk's own durable logs, written by the PBX itself into a schema of their own:
-- CEL by cel_pgsql, the queue_log through realtime (res_config_pgsql, extconfig.conf)
-- and CDR by cdr_pgsql. Samples that write exactly these tables: conf/asterisk/
-- (cel.conf, cel_pgsql.conf, cdr_pgsql.conf, res_pgsql.conf, extconfig.conf, logger.conf).
-- The call centre only reads them (kz.line102.callcenter.pbxlog): after every AMI
-- (re)connect, at start and periodically, to make, complete and close the call records
-- of what the AMI link did not show.
--
-- The modules read each table's column list when they load and fill every column whose
-- name they know, so the names below are the ones Asterisk 22 writes. Times are
-- "timestamp without time zone" holding UTC: Asterisk sends them as text without an
-- offset, and the samples make all three modules send UTC (cel_pgsql usegmtime = yes,
-- logger.conf queue_log_realtime_use_gmt = yes, cdr_pgsql timezone = UTC). The bigserial
-- ids let a reader page the rows in insert order (several CEL rows share one eventtime).

-- "if not exists" throughout: the schema has a fixed name (the PBX's samples name it), so
-- where several schemas of the application share one database (the recorder's tests keep
-- one per checkout) they share these tables too.
create schema if not exists asterisk;

-- cel_pgsql: one row per channel event. The call is the linkedid (the caller channel's
-- uniqueid). eventtype holds names (CHAN_START, ANSWER, ...): an integer column would
-- get the numeric codes. With show_user_defined = yes a CELGenUserEvent is USER_DEFINED
-- with its name in userdeftype.
create table if not exists asterisk.cel (
    id          bigserial primary key,
    eventtype   varchar(30)  not null,
    eventtime   timestamp    not null,   -- UTC, microseconds
    userdeftype varchar(255),
    cid_name    varchar(80),
    cid_num     varchar(80),
    cid_ani     varchar(80),
    cid_rdnis   varchar(80),
    cid_dnid    varchar(80),
    exten       varchar(80),
    context     varchar(80),
    channame    varchar(80),
    appname     varchar(80),
    appdata     varchar(512),            -- e.g. the MixMonitor file of APP_START MixMonitor
    accountcode varchar(32),
    peeraccount varchar(32),
    uniqueid    varchar(150),
    linkedid    varchar(150),
    amaflags    integer,
    userfield   varchar(255),
    peer        varchar(80),
    extra       text                     -- JSON for HANGUP (hangupcause, hangupsource), BRIDGE_*, USER_DEFINED
);
create index if not exists cel_linkedid_idx on asterisk.cel (linkedid, id);
create index if not exists cel_eventtime_idx on asterisk.cel (eventtime);

-- Realtime queue_log (extconfig.conf: queue_log => pgsql,general,asterisk.queue_log).
-- Because data1..data5 exist, Asterisk's logger uses its "adaptive" mode: the
-- |-separated data of a queue_log line is split over data1..data5 (missing ones are '').
-- callid is the caller's uniqueid (= CEL linkedid); QUEUESTART (callid NONE) is written
-- at every Asterisk start.
create table if not exists asterisk.queue_log (
    id          bigserial primary key,
    "time"      timestamp,               -- UTC, microseconds
    callid      varchar(80),
    queuename   varchar(256),
    agent       varchar(80),
    event       varchar(32),
    data1       varchar(100),
    data2       varchar(100),
    data3       varchar(100),
    data4       varchar(100),
    data5       varchar(100)
);
create index if not exists queue_log_callid_idx on asterisk.queue_log (callid, id);
create index if not exists queue_log_time_idx on asterisk.queue_log ("time");
create index if not exists queue_log_event_time_idx on asterisk.queue_log (event, "time");

-- cdr_pgsql: one row per CDR, inserted when the call ends (a crashed call has none).
-- Whole seconds; start/answer/end are the optional columns cdr_pgsql fills when present.
create table if not exists asterisk.cdr (
    id          bigserial primary key,
    calldate    timestamp    not null,   -- UTC, = start
    "start"     timestamp,
    answer      timestamp,
    "end"       timestamp,
    clid        varchar(80),
    src         varchar(80),
    dst         varchar(80),
    dcontext    varchar(80),
    channel     varchar(80),
    dstchannel  varchar(80),
    lastapp     varchar(80),
    lastdata    varchar(80),
    duration    integer,
    billsec     integer,
    disposition varchar(45),
    amaflags    integer,
    accountcode varchar(32),
    uniqueid    varchar(150),
    userfield   varchar(255),
    peeraccount varchar(32),
    linkedid    varchar(150),
    sequence    integer
);
create index if not exists cdr_linkedid_idx on asterisk.cdr (linkedid);
create index if not exists cdr_calldate_idx on asterisk.cdr (calldate);

-- The PBX's database user: it may only add rows (and draw ids) in this schema, never read
-- or change the call centre's tables or its own past rows. NOLOGIN here; the installer
-- gives it a password and LOGIN (ALTER ROLE line102_pbx LOGIN PASSWORD '...'). Roles are
-- shared by every database of the server, so it is created only when missing.
do $$
begin
    if not exists (select 1 from pg_catalog.pg_roles where rolname = 'line102_pbx') then
        create role line102_pbx nologin;
    end if;
end
$$;

revoke all on schema asterisk from public;
grant usage on schema asterisk to line102_pbx;
grant insert on asterisk.cel, asterisk.queue_log, asterisk.cdr to line102_pbx;
grant usage on sequence asterisk.cel_id_seq, asterisk.queue_log_id_seq, asterisk.cdr_id_seq to line102_pbx;
-- The samples name the tables with their schema (asterisk.cel, ...), so the role needs no
-- search_path. Creating the role needs CREATEROLE: where the migrating user lacks it, the
-- installer creates line102_pbx first and the block above leaves it as it is.
