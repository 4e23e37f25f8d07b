-- Callbacks that happen: a callback request (from the IVR, scheduled by an agent at the desk, or through the API)
-- is dialled at its time by the callback job, per queue agent-first or customer-first, inside calling hours, with
-- retries up to a cap. Times are UTC (timestamptz); IDs uuid (Guid v7).
--
-- call_queue.callback_mode: agent-first (an agent with the skill is offered the callback; on accept the patient is
-- dialled) or customer-first (the patient is dialled; on answer they join the line at the callback's place).
ALTER TABLE call_queue ADD COLUMN callback_mode varchar(20) NOT NULL DEFAULT 'agent-first';

-- callback_request gains its schedule and its attempts. status grows: scheduled (waits for due_at; the callback job
-- claims it), claimed (a job run holds it, claim_token says which), dialling (customer-first: the patient's phone is
-- ringing), done (answered), failed (the attempts ran out; a follow-up task is open), cancelled.
-- source: ivr, desk (an agent's promise, scheduled_callback_id) or api. agent_id: the agent the callback belongs to
-- (who promised it, or whom a supervisor gave it to). version: bumped by every change; every change after the claim
-- is conditional on it (or on claim_token), so two job runs or two hub processes never dial one callback twice.
-- attempts: dials placed; last_outcome: answered, busy, no-answer, answering-machine or failed.
-- dial_call_sid: the call of the current attempt.
ALTER TABLE callback_request ADD COLUMN source varchar(20) NOT NULL DEFAULT 'ivr';
ALTER TABLE callback_request ADD COLUMN due_at timestamptz NULL;
ALTER TABLE callback_request ADD COLUMN reason varchar(500) NULL;
ALTER TABLE callback_request ADD COLUMN agent_id uuid NULL;
ALTER TABLE callback_request ADD COLUMN scheduled_callback_id uuid NULL;
ALTER TABLE callback_request ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE callback_request ADD COLUMN last_outcome varchar(32) NULL;
ALTER TABLE callback_request ADD COLUMN dial_call_sid varchar(64) NULL;
ALTER TABLE callback_request ADD COLUMN claim_token uuid NULL;
ALTER TABLE callback_request ADD COLUMN claimed_at timestamptz NULL;
ALTER TABLE callback_request ADD COLUMN version integer NOT NULL DEFAULT 0;
ALTER TABLE callback_request ADD COLUMN updated_at timestamptz NULL;
CREATE INDEX IX_callback_request_status_due_at ON callback_request (status, due_at);
CREATE INDEX IX_callback_request_agent_status ON callback_request (agent_id, status);
CREATE INDEX IX_callback_request_dial_call_sid ON callback_request (dial_call_sid);
