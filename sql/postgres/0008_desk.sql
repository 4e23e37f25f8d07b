-- The agent desk: the work each agent holds (calls and conversations they accepted), wrap-ups and scheduled callbacks.
-- Times are UTC (timestamptz); IDs are made by the application (Guid v7).

-- One row per accepted offer: the agent's call or SMS conversation while they hold it (ended_at null), so the
-- desk can redraw itself and check an action is the agent's. on_hold: the caller hears hold music.
CREATE TABLE desk_work (
    offer_id         uuid  NOT NULL,
    agent_id         uuid  NOT NULL,
    kind             varchar(20)  NOT NULL,
    call_sid         varchar(64)  NULL,
    conversation_id  uuid  NULL,
    queue_name       varchar(100)  NOT NULL,
    patient_id       uuid  NULL,
    accepted_at      timestamptz  NOT NULL,
    on_hold          boolean  NOT NULL,
    ended_at         timestamptz  NULL,
    end_reason       varchar(40)  NULL,
    CONSTRAINT PK_desk_work PRIMARY KEY (offer_id),
    CONSTRAINT FK_desk_work_app_user FOREIGN KEY (agent_id) REFERENCES app_user (id)
);
CREATE INDEX IX_desk_work_agent_id ON desk_work (agent_id, ended_at);
CREATE INDEX IX_desk_work_call_sid ON desk_work (call_sid);
CREATE INDEX IX_desk_work_conversation_id ON desk_work (conversation_id);

-- An agent's after-call work on a call: one per call and agent (a call transferred on is wrapped up by each
-- agent who had it), so a repeated submit changes nothing. interaction_id: the timeline entry it wrote.
CREATE TABLE call_wrap_up (
    id              uuid  NOT NULL,
    call_sid        varchar(64)  NOT NULL,
    agent_id        uuid  NOT NULL,
    offer_id        uuid  NOT NULL,
    patient_id      uuid  NULL,
    disposition     varchar(40)  NOT NULL,
    notes           varchar(2000)  NULL,
    interaction_id  uuid  NULL,
    created_at      timestamptz  NOT NULL,
    CONSTRAINT PK_call_wrap_up PRIMARY KEY (id),
    CONSTRAINT UQ_call_wrap_up_call_sid_agent_id UNIQUE (call_sid, agent_id),
    CONSTRAINT FK_call_wrap_up_app_user FOREIGN KEY (agent_id) REFERENCES app_user (id),
    CONSTRAINT FK_call_wrap_up_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);

-- A callback an agent promised: whom to call, at what number and when. status: scheduled (dialling is later work).
CREATE TABLE scheduled_callback (
    id          uuid  NOT NULL,
    patient_id  uuid  NULL,
    number      varchar(32)  NOT NULL,
    due_at      timestamptz  NOT NULL,
    note        varchar(500)  NULL,
    offer_id    uuid  NOT NULL,
    status      varchar(20)  NOT NULL,
    created_by  uuid  NOT NULL,
    created_at  timestamptz  NOT NULL,
    CONSTRAINT PK_scheduled_callback PRIMARY KEY (id),
    CONSTRAINT FK_scheduled_callback_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT FK_scheduled_callback_app_user FOREIGN KEY (created_by) REFERENCES app_user (id)
);
CREATE INDEX IX_scheduled_callback_status_due_at ON scheduled_callback (status, due_at);
