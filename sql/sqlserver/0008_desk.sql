-- The agent desk: the work each agent holds (calls and conversations they accepted), wrap-ups and scheduled callbacks.
-- Times are UTC (datetime2); IDs are made by the application (Guid v7).

-- One row per accepted offer: the agent's call or SMS conversation while they hold it (ended_at null), so the
-- desk can redraw itself and check an action is the agent's. on_hold: the caller hears hold music.
CREATE TABLE desk_work (
    offer_id         uniqueidentifier  NOT NULL,
    agent_id         uniqueidentifier  NOT NULL,
    kind             nvarchar(20)  NOT NULL,
    call_sid         nvarchar(64)  NULL,
    conversation_id  uniqueidentifier  NULL,
    queue_name       nvarchar(100)  NOT NULL,
    patient_id       uniqueidentifier  NULL,
    accepted_at      datetime2  NOT NULL,
    on_hold          bit  NOT NULL,
    ended_at         datetime2  NULL,
    end_reason       nvarchar(40)  NULL,
    CONSTRAINT PK_desk_work PRIMARY KEY (offer_id),
    CONSTRAINT FK_desk_work_app_user FOREIGN KEY (agent_id) REFERENCES app_user (id)
);
CREATE INDEX IX_desk_work_agent_id ON desk_work (agent_id, ended_at);
CREATE INDEX IX_desk_work_call_sid ON desk_work (call_sid);
CREATE INDEX IX_desk_work_conversation_id ON desk_work (conversation_id);

-- An agent's after-call work on a call: one per call and agent (a call transferred on is wrapped up by each
-- agent who had it), so a repeated submit changes nothing. interaction_id: the timeline entry it wrote.
CREATE TABLE call_wrap_up (
    id              uniqueidentifier  NOT NULL,
    call_sid        nvarchar(64)  NOT NULL,
    agent_id        uniqueidentifier  NOT NULL,
    offer_id        uniqueidentifier  NOT NULL,
    patient_id      uniqueidentifier  NULL,
    disposition     nvarchar(40)  NOT NULL,
    notes           nvarchar(2000)  NULL,
    interaction_id  uniqueidentifier  NULL,
    created_at      datetime2  NOT NULL,
    CONSTRAINT PK_call_wrap_up PRIMARY KEY (id),
    CONSTRAINT UQ_call_wrap_up_call_sid_agent_id UNIQUE (call_sid, agent_id),
    CONSTRAINT FK_call_wrap_up_app_user FOREIGN KEY (agent_id) REFERENCES app_user (id),
    CONSTRAINT FK_call_wrap_up_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);

-- A callback an agent promised: whom to call, at what number and when. status: scheduled (dialling is later work).
CREATE TABLE scheduled_callback (
    id          uniqueidentifier  NOT NULL,
    patient_id  uniqueidentifier  NULL,
    number      nvarchar(32)  NOT NULL,
    due_at      datetime2  NOT NULL,
    note        nvarchar(500)  NULL,
    offer_id    uniqueidentifier  NOT NULL,
    status      nvarchar(20)  NOT NULL,
    created_by  uniqueidentifier  NOT NULL,
    created_at  datetime2  NOT NULL,
    CONSTRAINT PK_scheduled_callback PRIMARY KEY (id),
    CONSTRAINT FK_scheduled_callback_patient FOREIGN KEY (patient_id) REFERENCES patient (id),
    CONSTRAINT FK_scheduled_callback_app_user FOREIGN KEY (created_by) REFERENCES app_user (id)
);
CREATE INDEX IX_scheduled_callback_status_due_at ON scheduled_callback (status, due_at);
