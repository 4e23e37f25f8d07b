-- Callbacks that happen: a callback request (from the IVR, scheduled by an agent at the desk, or through the API)
-- is dialled at its time by the callback job, per queue agent-first or customer-first, inside calling hours, with
-- retries up to a cap. Times are UTC (datetime2); IDs uniqueidentifier (Guid v7).
--
-- call_queue.callback_mode: agent-first (an agent with the skill is offered the callback; on accept the patient is
-- dialled) or customer-first (the patient is dialled; on answer they join the line at the callback's place).
ALTER TABLE call_queue ADD callback_mode nvarchar(20) NOT NULL CONSTRAINT DF_call_queue_callback_mode DEFAULT 'agent-first';

-- callback_request gains its schedule and its attempts. status grows: scheduled (waits for due_at; the callback job
-- claims it), claimed (a job run holds it, claim_token says which), dialling (customer-first: the patient's phone is
-- ringing), done (answered), failed (the attempts ran out; a follow-up task is open), cancelled.
-- source: ivr, desk (an agent's promise, scheduled_callback_id) or api. agent_id: the agent the callback belongs to
-- (who promised it, or whom a supervisor gave it to). version: bumped by every change; every change after the claim
-- is conditional on it (or on claim_token), so two job runs or two hub processes never dial one callback twice.
-- attempts: dials placed; last_outcome: answered, busy, no-answer, answering-machine or failed.
-- dial_call_sid: the call of the current attempt.
ALTER TABLE callback_request ADD source nvarchar(20) NOT NULL CONSTRAINT DF_callback_request_source DEFAULT 'ivr';
ALTER TABLE callback_request ADD due_at datetime2 NULL;
ALTER TABLE callback_request ADD reason nvarchar(500) NULL;
ALTER TABLE callback_request ADD agent_id uniqueidentifier NULL;
ALTER TABLE callback_request ADD scheduled_callback_id uniqueidentifier NULL;
ALTER TABLE callback_request ADD attempts int NOT NULL CONSTRAINT DF_callback_request_attempts DEFAULT 0;
ALTER TABLE callback_request ADD last_outcome nvarchar(32) NULL;
ALTER TABLE callback_request ADD dial_call_sid nvarchar(64) NULL;
ALTER TABLE callback_request ADD claim_token uniqueidentifier NULL;
ALTER TABLE callback_request ADD claimed_at datetime2 NULL;
ALTER TABLE callback_request ADD version int NOT NULL CONSTRAINT DF_callback_request_version DEFAULT 0;
ALTER TABLE callback_request ADD updated_at datetime2 NULL;
CREATE INDEX IX_callback_request_status_due_at ON callback_request (status, due_at);
CREATE INDEX IX_callback_request_agent_status ON callback_request (agent_id, status);
CREATE INDEX IX_callback_request_dial_call_sid ON callback_request (dial_call_sid);
