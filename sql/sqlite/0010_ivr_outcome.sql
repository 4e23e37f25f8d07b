-- IVR: what the caller did (flow, language, menu keys, steps entered, verification), kept beside the session and
-- brought up to date by the same write that stores each turn, so the agent's screen-pop reads it without reading
-- the whole session (its variables and trace). JSON written by the hub; never what a caller typed to prove who they
-- are. NULL in rows stored before this column existed: the screen-pop then shows no IVR summary for that call.
ALTER TABLE ivr_session ADD COLUMN outcome TEXT NULL;
