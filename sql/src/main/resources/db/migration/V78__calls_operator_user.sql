-- The person, not only the desk: the user signed in at the answering extension when the
-- call was answered (from operator_sessions), so an auditor's or supervisor's search by
-- operator finds the calls of a person whichever desk they sat at.
alter table calls add column operator_user text;
create index calls_operator_user_idx on calls (operator_user, offered_at desc) where operator_user is not null;
