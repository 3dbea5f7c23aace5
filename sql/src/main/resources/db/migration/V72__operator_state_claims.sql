-- An operator's state change is carried out in three steps so that no database
-- transaction stays open while the PBX is asked (it may take seconds, or never answer):
-- claim the operator (this row, committed at once), send the AMI commands, then record
-- Asterisk's answer in a short transaction and clear the claim. The claim serialises
-- one operator's changes across nodes without holding a connection or a row lock; a
-- node that died holding one frees it when acting_until has passed.
alter table operator_states
    add column acting_token text,
    add column acting_until timestamptz;

comment on column operator_states.acting_token is
    'who is changing this operator in the PBX now (node and request), null when nobody';
comment on column operator_states.acting_until is
    'the claim lapses at this time even if its holder never clears it (a node that died)';
