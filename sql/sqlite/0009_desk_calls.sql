-- The desk's voice path: one row per call an agent has (or had) on the line, so repeated or late carrier
-- webhooks change the call once. Times are UTC, stored as ISO-8601 TEXT; IDs as TEXT.

-- call_sid: the caller's call (for a callback, the outbound call to the patient). status: connecting (the
-- agent's endpoint is being dialled), connected, on-hold, transferring (dialling an outside number; the agent
-- is released), ended. leg: the number of the current Dial of the agent, so a webhook of an earlier Dial
-- (before a hold) cannot end the current one. version: bumped on every change; updates are conditional on it.
-- A later offer of the same call (after a transfer to a queue) replaces an ended row.
CREATE TABLE desk_call (
    call_sid      TEXT  NOT NULL,
    offer_id      TEXT  NOT NULL,
    agent_id      TEXT  NOT NULL,
    queue_name    TEXT  NOT NULL,
    status        TEXT  NOT NULL,
    leg           INTEGER  NOT NULL,
    transfer_to   TEXT  NULL,
    connected_at  TEXT  NULL,
    ended_at      TEXT  NULL,
    end_reason    TEXT  NULL,
    created_at    TEXT  NOT NULL,
    version       INTEGER  NOT NULL,
    CONSTRAINT PK_desk_call PRIMARY KEY (call_sid),
    CONSTRAINT FK_desk_call_app_user FOREIGN KEY (agent_id) REFERENCES app_user (id)
);
CREATE UNIQUE INDEX UQ_desk_call_offer ON desk_call (offer_id);
CREATE INDEX IX_desk_call_agent ON desk_call (agent_id, status);
