-- One record per agent's call: the voice path's row (desk_call) folds into the agent's work (desk_work), so the
-- desk and the voice path read and change the same row. Times are UTC, stored as ISO-8601 TEXT.
--
-- call_status: the voice path's state of the agent's part of the call (connecting: the agent's endpoint is being
-- dialled; connected; on-hold; transferring: dialling an outside number, the agent released; ended), null for a
-- conversation and before the voice path starts. leg: the number of the agent's current Dial, so a webhook of an
-- earlier Dial (before a hold) cannot end the current one. call_started_at: when the voice path started.
-- version: bumped by every change of the row's voice state or end; the voice path's updates are conditional on it.
-- ended_at and end_reason are the one end of the agent's part, whoever ends it (the voice path or the desk).
-- call_sid: the call the agent is on; for a callback, the call placed to the patient once placed.
-- SQLite adds nullable columns (and NOT NULL ones with a default) in place: no table rebuild is needed.
ALTER TABLE desk_work ADD COLUMN call_status TEXT NULL;
ALTER TABLE desk_work ADD COLUMN leg INTEGER NULL;
ALTER TABLE desk_work ADD COLUMN transfer_to TEXT NULL;
ALTER TABLE desk_work ADD COLUMN connected_at TEXT NULL;
ALTER TABLE desk_work ADD COLUMN call_started_at TEXT NULL;
ALTER TABLE desk_work ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

-- The voice path's rows move into the work they belong to (offer_id is unique in both). The voice path's end
-- reason is kept (a repeated webhook is answered from it); the desk's end time where it had one.
UPDATE desk_work
SET call_sid = c.call_sid, call_status = c.status, leg = c.leg, transfer_to = c.transfer_to,
    connected_at = c.connected_at, call_started_at = c.created_at, version = c.version,
    ended_at = COALESCE(desk_work.ended_at, c.ended_at), end_reason = COALESCE(c.end_reason, desk_work.end_reason)
FROM desk_call AS c
WHERE c.offer_id = desk_work.offer_id;

-- A voice row without work (never so from the desk; kept rather than lost) becomes work of its own.
INSERT INTO desk_work (offer_id, agent_id, kind, call_sid, conversation_id, queue_name, patient_id, accepted_at, ended_at, end_reason,
                       call_status, leg, transfer_to, connected_at, call_started_at, version)
SELECT c.offer_id, c.agent_id, 'call', c.call_sid, NULL, c.queue_name, NULL, c.created_at, c.ended_at, c.end_reason,
       c.status, c.leg, c.transfer_to, c.connected_at, c.created_at, c.version
FROM desk_call c
WHERE NOT EXISTS (SELECT 1 FROM desk_work w WHERE w.offer_id = c.offer_id);

DROP TABLE desk_call;

-- One call has at most one live agent record: a second offer's attempt to start the voice path on a call still
-- with an agent (or being transferred out) breaks this index and is refused (a lost race, changing nothing).
CREATE UNIQUE INDEX UQ_desk_work_live_call ON desk_work (call_sid) WHERE call_status IN ('connecting', 'connected', 'on-hold', 'transferring');
