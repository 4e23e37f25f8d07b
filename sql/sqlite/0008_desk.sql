-- The agent desk: the work each agent holds (calls and conversations they accepted), wrap-ups and scheduled callbacks.
-- Times are UTC (stored as ISO-8601 TEXT); IDs are made by the application (Guid v7).

-- One row per accepted offer: the agent's call or SMS conversation while they hold it (ended_at null), so the
-- desk can redraw itself and check an action is the agent's. on_hold: the caller hears hold music.
CREATE TABLE desk_work (
    offer_id         TEXT  NOT NULL,
    agent_id         TEXT  NOT NULL,
    kind             TEXT  NOT NULL,
    call_sid         TEXT  NULL,
    conversation_id  TEXT  NULL,
    queue_name       TEXT  NOT NULL,
    patient_id       TEXT  NULL,
    accepted_at      TEXT  NOT NULL,
    on_hold          INTEGER  NOT NULL,
    ended_at         TEXT  NULL,
    end_reason       TEXT  NULL,
    CONSTRAINT PK_desk_work PRIMARY KEY (offer_id),
    CONSTRAINT FK_desk_work_app_user FOREIGN KEY (agent_id) REFERENCES app_user (id)
);
CREATE INDEX IX_desk_work_agent_id ON desk_work (agent_id, ended_at);
CREATE INDEX IX_desk_work_call_sid ON desk_work (call_sid);
CREATE INDEX IX_desk_work_conversation_id ON desk_work (conversation_id);

-- An agent's after-call work on a call: one per call and agent (a call transferred on is wrapped up by each
-- agent who had it), so a repeated submit changes nothing. interaction_id: the timeline entry it wrote.
CREATE TABLE call_wrap_up (
    id              TEXT  NOT NULL,
    call_sid        TEXT  NOT NULL,
    agent_id        TEXT  NOT NULL,
    offer_id        TEXT  NOT NULL,
    patient_id      TEXT  NULL,
    disposition     TEXT  NOT NULL,
    notes           TEXT  NULL,
    interaction_id  TEXT  NULL,
    created_at      TEXT  NOT NULL,
    CONSTRAINT PK_call_wrap_up PRIMARY KEY (id),
    CONSTRAINT UQ_call_wrap_up_call_sid_agent_id UNIQUE (call_sid, agent_id),
    CONSTRAINT FK_call_wrap_up_app_user FOREIGN KEY (agent_id) REFERENCES app_user (id),
    CONSTRAINT FK_call_wrap_up_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);

-- A callback an agent promised: whom to call, at what number and when. status: scheduled (dialling is later work).
CREATE TABLE scheduled_callback (
    id          TEXT  NOT NULL,
    patient_id  TEXT  NULL,
    number      TEXT  NOT NULL,
    due_at      TEXT  NOT NULL,
    note        TEXT  NULL,
    offer_id    TEXT  NOT NULL,
    status      TEXT  NOT NULL,
    created_by  TEXT  NOT NULL,
    created_at  TEXT  NOT NULL,
    CONSTRAINT PK_scheduled_callback PRIMARY KEY (id),
    CONSTRAINT FK_scheduled_callback_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT FK_scheduled_callback_app_user FOREIGN KEY (created_by) REFERENCES app_user (id)
);
CREATE INDEX IX_scheduled_callback_status_due_at ON scheduled_callback (status, due_at);
