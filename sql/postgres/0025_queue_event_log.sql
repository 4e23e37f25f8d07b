-- The queue event log (docs/wallboard.md): one row per thing that happens to a call in a queue, appended in the same
-- transaction as the change it records, never updated. The wallboard's figures and the interval reports are computed
-- from it and from agent_state_event, so a hub restarted at noon still shows the whole day.
-- kind: entered, offered, offer-declined, ring-no-answer, offer-withdrawn, connected, completed, abandoned,
--       timed-out, overflowed, transferred, callback-requested.
-- call_sid / queue_entry_id / callback_request_id: what the event is about (a callback's events carry its request).
-- agent_id: the agent offered, connected or completing. position: the caller's place in line (1 = next) when they
-- abandoned or asked for a callback. wait_ms: time since the call joined this queue, on connected, abandoned,
-- timed-out, overflowed, transferred and callback-requested. talk_ms: connected to end, hold included, on completed.
-- detail: who ended a completed call (agent or caller), the queue a call moved to, or a reason.
CREATE TABLE queue_event (
    id                   uuid  NOT NULL,
    queue_name           varchar(64)  NOT NULL,
    kind                 varchar(30)  NOT NULL,
    call_sid             varchar(64)  NULL,
    queue_entry_id       uuid  NULL,
    callback_request_id  uuid  NULL,
    agent_id             uuid  NULL,
    position             integer  NULL,
    wait_ms              bigint  NULL,
    talk_ms              bigint  NULL,
    detail               varchar(100)  NULL,
    occurred_at          timestamptz  NOT NULL,
    CONSTRAINT PK_queue_event PRIMARY KEY (id)
);
CREATE INDEX IX_queue_event_occurred_at ON queue_event (occurred_at);
CREATE INDEX IX_queue_event_queue_occurred_at ON queue_event (queue_name, occurred_at);
CREATE INDEX IX_queue_event_agent_occurred_at ON queue_event (agent_id, occurred_at);

-- Per-queue wallboard thresholds; NULL: no threshold. A tile turns amber at the warning and red at the critical value
-- (longest wait and waiting count at or above; service level, in percent, at or below) and an alert is raised.
-- short_abandon_seconds: callers who hang up within this many seconds of joining count neither as answered nor as
-- abandoned in the service level (a misdial is not a failure of service).
ALTER TABLE call_queue ADD COLUMN longest_wait_warning_seconds integer NULL;
ALTER TABLE call_queue ADD COLUMN longest_wait_critical_seconds integer NULL;
ALTER TABLE call_queue ADD COLUMN service_level_warning_percent integer NULL;
ALTER TABLE call_queue ADD COLUMN service_level_critical_percent integer NULL;
ALTER TABLE call_queue ADD COLUMN waiting_warning integer NULL;
ALTER TABLE call_queue ADD COLUMN waiting_critical integer NULL;
ALTER TABLE call_queue ADD COLUMN short_abandon_seconds integer NOT NULL DEFAULT 5;
