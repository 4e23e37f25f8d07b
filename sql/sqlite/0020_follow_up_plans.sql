-- Follow-up plans (回访): per department, the steps after a completed visit (a call by an agent with a questionnaire,
-- an SMS survey), the tasks they make, and each attempt agents record on a follow-up.

-- A department's plan: its steps as JSON (day after the visit, action call or sms-survey, survey key) and the queue
-- that works its calls when the patient has no consultant.
CREATE TABLE follow_up_plan (
    department_id  TEXT  NOT NULL,
    queue_name     TEXT  NOT NULL,
    steps          TEXT  NOT NULL,
    updated_at     TEXT  NOT NULL,
    CONSTRAINT PK_follow_up_plan PRIMARY KEY (department_id),
    CONSTRAINT FK_follow_up_plan_department FOREIGN KEY (department_id) REFERENCES department (id),
    CONSTRAINT FK_follow_up_plan_call_queue FOREIGN KEY (queue_name) REFERENCES call_queue (name)
);

-- A follow-up's work: when it is due (NULL: when created), whom it is assigned to (NULL: its queue), the visit and plan
-- step it comes from, the questionnaire (survey key) of a call, the last outcome, the attempts made, when it was done.
ALTER TABLE follow_up ADD due_at TEXT NULL;
ALTER TABLE follow_up ADD assigned_user_id TEXT NULL;
ALTER TABLE follow_up ADD appointment_id TEXT NULL;
ALTER TABLE follow_up ADD plan_step INTEGER NULL;
ALTER TABLE follow_up ADD survey_key TEXT NULL;
ALTER TABLE follow_up ADD outcome TEXT NULL;
ALTER TABLE follow_up ADD attempts INTEGER NULL;
ALTER TABLE follow_up ADD completed_at TEXT NULL;
CREATE INDEX IX_follow_up_department_status_due_at ON follow_up (department_id, status, due_at);

-- Each attempt an agent records: the outcome, a note, and the next attempt's time when the patient was not reached.
CREATE TABLE follow_up_attempt (
    id               TEXT  NOT NULL,
    follow_up_id     TEXT  NOT NULL,
    user_id          TEXT  NOT NULL,
    outcome          TEXT  NOT NULL,
    note             TEXT  NULL,
    next_attempt_at  TEXT  NULL,
    created_at       TEXT  NOT NULL,
    CONSTRAINT PK_follow_up_attempt PRIMARY KEY (id),
    CONSTRAINT FK_follow_up_attempt_follow_up FOREIGN KEY (follow_up_id) REFERENCES follow_up (id)
);
CREATE INDEX IX_follow_up_attempt_follow_up_id ON follow_up_attempt (follow_up_id, created_at);
