-- Routing: agents' endpoints, skills and SMS capacity, offers of work to agents, and the columns routing keeps
-- on the waiting work (place in line, who took it).
-- Times are UTC (datetime2); IDs are made by the application (Guid v7).

-- How an agent is reached and what they can take. endpoint_kind: client (a Twilio client name), number (E.164)
-- or sip (sip:user@host). sms_capacity: SMS conversations held at once. last_offered_at: for round-robin.
-- An agent without a row routes with defaults (client endpoint = user name, the configured SMS capacity).
CREATE TABLE agent_profile (
    user_id          uniqueidentifier  NOT NULL,
    endpoint_kind    nvarchar(20)  NOT NULL,
    endpoint         nvarchar(200)  NOT NULL,
    sms_capacity     int  NOT NULL,
    last_offered_at  datetime2  NULL,
    updated_at       datetime2  NOT NULL,
    CONSTRAINT PK_agent_profile PRIMARY KEY (user_id),
    CONSTRAINT FK_agent_profile_app_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

-- An agent's skills with proficiency 1 (lowest) to 10; a queue's (and a call's) required skills must all be held.
CREATE TABLE agent_skill (
    user_id      uniqueidentifier  NOT NULL,
    skill        nvarchar(32)  NOT NULL,
    proficiency  int  NOT NULL,
    CONSTRAINT PK_agent_skill PRIMARY KEY (user_id, skill),
    CONSTRAINT FK_agent_skill_app_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

-- One offer of one piece of work (a queue entry, a callback request or an SMS conversation) to one agent.
-- kind: call, callback or conversation. status: ringing, accepted, declined, timed-out or withdrawn; only a
-- ringing offer changes. waiting_since: the work's original place (kept across offers and transfers).
CREATE TABLE offer (
    id                   uniqueidentifier  NOT NULL,
    kind                 nvarchar(20)  NOT NULL,
    queue_name           nvarchar(64)  NOT NULL,
    agent_id             uniqueidentifier  NOT NULL,
    queue_entry_id       uniqueidentifier  NULL,
    callback_request_id  uniqueidentifier  NULL,
    conversation_id      uniqueidentifier  NULL,
    call_sid             nvarchar(64)  NULL,
    patient_id           uniqueidentifier  NULL,
    caller_number        nvarchar(64)  NOT NULL,
    language             nvarchar(16)  NOT NULL,
    waiting_since        datetime2  NOT NULL,
    status               nvarchar(20)  NOT NULL,
    offered_at           datetime2  NOT NULL,
    expires_at           datetime2  NOT NULL,
    ended_at             datetime2  NULL,
    end_reason           nvarchar(64)  NULL,
    transferred_by       uniqueidentifier  NULL,
    transfer_note        nvarchar(500)  NULL,
    CONSTRAINT PK_offer PRIMARY KEY (id),
    CONSTRAINT FK_offer_app_user FOREIGN KEY (agent_id) REFERENCES app_user (id),
    CONSTRAINT FK_offer_queue_entry FOREIGN KEY (queue_entry_id) REFERENCES queue_entry (id),
    CONSTRAINT FK_offer_callback_request FOREIGN KEY (callback_request_id) REFERENCES callback_request (id),
    CONSTRAINT FK_offer_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id),
    CONSTRAINT FK_offer_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
-- The guards that make several hub processes safe: at most one ringing offer per piece of work, one ringing
-- call (or callback) offer per agent and one ringing conversation offer per agent. A router that loses a race
-- hits one of these (or a conditional update) and rolls its claim back.
CREATE UNIQUE INDEX UQ_offer_ringing_queue_entry ON offer (queue_entry_id) WHERE status = 'ringing' AND queue_entry_id IS NOT NULL;
CREATE UNIQUE INDEX UQ_offer_ringing_callback_request ON offer (callback_request_id) WHERE status = 'ringing' AND callback_request_id IS NOT NULL;
CREATE UNIQUE INDEX UQ_offer_ringing_conversation ON offer (conversation_id) WHERE status = 'ringing' AND conversation_id IS NOT NULL;
CREATE UNIQUE INDEX UQ_offer_ringing_agent_call ON offer (agent_id) WHERE status = 'ringing' AND kind IN ('call', 'callback');
CREATE UNIQUE INDEX UQ_offer_ringing_agent_conversation ON offer (agent_id) WHERE status = 'ringing' AND kind = 'conversation';
CREATE INDEX IX_offer_status_expires_at ON offer (status, expires_at);
CREATE INDEX IX_offer_agent_offered_at ON offer (agent_id, offered_at);
CREATE INDEX IX_offer_call_sid ON offer (call_sid);

-- place_at: the sort key of the line, enqueued_at less priority x Routing:PrioritySeconds, set once at enqueue
-- and kept across offers, transfers and callbacks (a caller never moves backwards). queue_joined_at: when the
-- call joined its current queue (overflow measures the queue's maximum wait from it). agent_id and answered_at:
-- who took the call and when. status gains offered (still in line, ringing at an agent) and overflowed.
ALTER TABLE queue_entry ADD agent_id uniqueidentifier NULL;
ALTER TABLE queue_entry ADD answered_at datetime2 NULL;
ALTER TABLE queue_entry ADD place_at datetime2 NULL;
ALTER TABLE queue_entry ADD queue_joined_at datetime2 NULL;
ALTER TABLE callback_request ADD place_at datetime2 NULL;
GO
UPDATE queue_entry SET place_at = enqueued_at, queue_joined_at = enqueued_at WHERE place_at IS NULL;
UPDATE callback_request SET place_at = place_enqueued_at WHERE place_at IS NULL;
CREATE INDEX IX_queue_entry_status_place_at ON queue_entry (status, place_at);
CREATE INDEX IX_callback_request_status_place_at ON callback_request (status, place_at);

-- routing_status: waiting, offered or assigned (held by agent_id until the conversation is closed).
ALTER TABLE conversation ADD routing_status nvarchar(20) NOT NULL CONSTRAINT DF_conversation_routing_status DEFAULT 'waiting';
ALTER TABLE conversation ADD agent_id uniqueidentifier NULL;
GO
CREATE INDEX IX_conversation_agent_routing ON conversation (agent_id, routing_status);
