-- Line health: the end-to-end steps of a test call on our side. The routing service
-- (FastAGI) writes here when it answers a call from the test caller number, so the node
-- checking the test call sees that step whichever node Asterisk asked. Only test calls
-- land here; rows older than a day are deleted as test calls finish.
create table line_health_routes (
    call_id       uuid primary key,
    caller_number text not null,
    queue         text not null,
    reason        text,
    at            timestamptz not null
);

create index line_health_routes_caller_idx on line_health_routes (caller_number, at);
