-- IVR: the waiting line (queues, entries, callback requests), voicemail follow-ups, replies to hub SMS
-- (pending replies, survey answers) and SMS conversations agents answer.
-- Times are UTC (timestamptz); IDs are made by the application (Guid v7).

-- The queues a flow may send a caller to. Seeded here; an admin API maintains them later.
-- required_skills: comma-separated skill names an agent needs to take the queue's calls.
CREATE TABLE call_queue (
    name             varchar(64)  NOT NULL,
    display_name     varchar(200)  NOT NULL,
    required_skills  varchar(500)  NULL,
    created_at       timestamptz  NOT NULL,
    CONSTRAINT PK_call_queue PRIMARY KEY (name)
);
INSERT INTO call_queue (name, display_name, required_skills, created_at) VALUES ('appointments', 'Appointments', NULL, '2026-01-01T00:00:00Z');
INSERT INTO call_queue (name, display_name, required_skills, created_at) VALUES ('test-results', 'Test results', NULL, '2026-01-01T00:00:00Z');
INSERT INTO call_queue (name, display_name, required_skills, created_at) VALUES ('complaints', 'Complaints', NULL, '2026-01-01T00:00:00Z');
INSERT INTO call_queue (name, display_name, required_skills, created_at) VALUES ('general', 'General enquiries', NULL, '2026-01-01T00:00:00Z');

-- One row per call that joined a queue (a repeated webhook finds it by call_sid). status: waiting, callback
-- (turned into a callback request that keeps its place), left (gave up or moved on) or bridged (reached an agent).
CREATE TABLE queue_entry (
    id             uuid  NOT NULL,
    queue_name     varchar(64)  NOT NULL,
    call_sid       varchar(64)  NOT NULL,
    patient_id     uuid  NULL,
    caller_number  varchar(64)  NOT NULL,
    priority       integer  NOT NULL,
    skills         varchar(500)  NULL,
    language       varchar(16)  NOT NULL,
    status         varchar(20)  NOT NULL,
    enqueued_at    timestamptz  NOT NULL,
    ended_at       timestamptz  NULL,
    end_reason     varchar(64)  NULL,
    CONSTRAINT PK_queue_entry PRIMARY KEY (id),
    CONSTRAINT UQ_queue_entry_call_sid UNIQUE (call_sid),
    CONSTRAINT FK_queue_entry_call_queue FOREIGN KEY (queue_name) REFERENCES call_queue (name),
    CONSTRAINT FK_queue_entry_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_queue_entry_queue_status ON queue_entry (queue_name, status, enqueued_at);

-- A caller's request to be called back. place_enqueued_at is the original enqueue time: the request keeps
-- the caller's place in line (with the entry's priority) instead of going to the back.
CREATE TABLE callback_request (
    id                 uuid  NOT NULL,
    call_sid           varchar(64)  NOT NULL,
    queue_name         varchar(64)  NOT NULL,
    number             varchar(64)  NOT NULL,
    patient_id         uuid  NULL,
    language           varchar(16)  NOT NULL,
    priority           integer  NOT NULL,
    place_enqueued_at  timestamptz  NOT NULL,
    status             varchar(20)  NOT NULL,
    created_at         timestamptz  NOT NULL,
    CONSTRAINT PK_callback_request PRIMARY KEY (id),
    CONSTRAINT UQ_callback_request_call_sid UNIQUE (call_sid),
    CONSTRAINT FK_callback_request_call_queue FOREIGN KEY (queue_name) REFERENCES call_queue (name),
    CONSTRAINT FK_callback_request_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_callback_request_queue_status ON callback_request (queue_name, status, place_enqueued_at);

-- Work the IVR leaves for staff. A repeated recording webhook for the same call and recording stores one row.
CREATE TABLE follow_up (
    id                uuid  NOT NULL,
    kind              varchar(20)  NOT NULL,
    call_sid          varchar(64)  NOT NULL,
    patient_id        uuid  NULL,
    caller_number     varchar(64)  NOT NULL,
    recording_url     varchar(400)  NOT NULL,
    duration_seconds  integer  NULL,
    category          varchar(64)  NOT NULL,
    language          varchar(16)  NOT NULL,
    status            varchar(20)  NOT NULL,
    created_at        timestamptz  NOT NULL,
    CONSTRAINT PK_follow_up PRIMARY KEY (id),
    CONSTRAINT UQ_follow_up_call_sid_recording_url UNIQUE (call_sid, recording_url),
    CONSTRAINT FK_follow_up_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_follow_up_status_created_at ON follow_up (status, created_at);

-- A hub SMS that expects an answer (purpose appointment or survey), open until answered (closed_at) or expired.
CREATE TABLE sms_pending_reply (
    id              uuid  NOT NULL,
    phone           varchar(64)  NOT NULL,
    purpose         varchar(20)  NOT NULL,
    patient_id      uuid  NULL,
    appointment_id  uuid  NULL,
    survey_id       uuid  NULL,
    message_sid     varchar(64)  NULL,
    sent_at         timestamptz  NOT NULL,
    expires_at      timestamptz  NOT NULL,
    closed_at       timestamptz  NULL,
    outcome         varchar(64)  NULL,
    CONSTRAINT PK_sms_pending_reply PRIMARY KEY (id),
    CONSTRAINT FK_sms_pending_reply_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_sms_pending_reply_phone_sent_at ON sms_pending_reply (phone, sent_at);

-- One answer per inbound message: a redelivered SMS webhook stores nothing new.
CREATE TABLE survey_answer (
    id                uuid  NOT NULL,
    pending_reply_id  uuid  NOT NULL,
    survey_id         uuid  NULL,
    patient_id        uuid  NULL,
    phone             varchar(64)  NOT NULL,
    message_sid       varchar(64)  NOT NULL,
    answer_text       varchar(1600)  NOT NULL,
    score             integer  NULL,
    received_at       timestamptz  NOT NULL,
    CONSTRAINT PK_survey_answer PRIMARY KEY (id),
    CONSTRAINT UQ_survey_answer_message_sid UNIQUE (message_sid),
    CONSTRAINT FK_survey_answer_sms_pending_reply FOREIGN KEY (pending_reply_id) REFERENCES sms_pending_reply (id),
    CONSTRAINT FK_survey_answer_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);

-- An SMS thread agents answer; a phone has at most one open conversation that new messages join.
CREATE TABLE conversation (
    id               uuid  NOT NULL,
    phone            varchar(64)  NOT NULL,
    patient_id       uuid  NULL,
    status           varchar(20)  NOT NULL,
    opened_at        timestamptz  NOT NULL,
    last_message_at  timestamptz  NOT NULL,
    reason           varchar(200)  NOT NULL,
    CONSTRAINT PK_conversation PRIMARY KEY (id),
    CONSTRAINT FK_conversation_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
-- One open conversation per phone, so two messages arriving together cannot open two.
CREATE UNIQUE INDEX UQ_conversation_open_phone ON conversation (phone) WHERE status = 'open';

-- The messages of a conversation; the message's text stays in the message table, found by its SID.
CREATE TABLE conversation_message (
    id               uuid  NOT NULL,
    conversation_id  uuid  NOT NULL,
    message_sid      varchar(64)  NOT NULL,
    received_at      timestamptz  NOT NULL,
    CONSTRAINT PK_conversation_message PRIMARY KEY (id),
    CONSTRAINT UQ_conversation_message_message_sid UNIQUE (message_sid),
    CONSTRAINT FK_conversation_message_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
);
CREATE INDEX IX_conversation_message_conversation_id ON conversation_message (conversation_id);
