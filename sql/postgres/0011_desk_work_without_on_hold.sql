-- One fact says whether a call is on hold: the voice path's desk_call.status ('on-hold'). desk_work.on_hold was a
-- second copy, kept in step by hand after each hold and resume (and missed by any path that forgot to), so it goes;
-- the desk reads hold from the agent's desk_call row (joined by offer_id). Values in old rows are not needed: a
-- held call's desk_call row says on-hold as well.
ALTER TABLE desk_work DROP COLUMN on_hold;
