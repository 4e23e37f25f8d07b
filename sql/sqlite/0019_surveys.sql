-- Surveys: versioned definitions (questions and triggers as JSON), one invitation per survey sent (tied to the call,
-- agent, queue, department, doctor, visit or follow-up it is about), the answer's question, and the context a
-- follow-up row carries (a service-recovery task opened by a low score).

-- One row per version of a survey; an edit adds a version, answers point at the version they answered.
CREATE TABLE survey_definition (
    id           TEXT  NOT NULL,
    survey_key   TEXT  NOT NULL,
    version      INTEGER  NOT NULL,
    name_zh      TEXT  NOT NULL,
    name_en      TEXT  NOT NULL,
    questions    TEXT  NOT NULL,
    triggers     TEXT  NOT NULL,
    retired_at   TEXT  NULL,
    created_at   TEXT  NOT NULL,
    created_by_user_id  TEXT  NULL,
    CONSTRAINT PK_survey_definition PRIMARY KEY (id),
    CONSTRAINT UQ_survey_definition_key_version UNIQUE (survey_key, version)
);

-- A survey sent to a patient. source_key names what caused it (desk-call:CA.., visit:{id}, follow-up:{id}) so a repeated
-- trigger sends nothing new. question_index is the question awaiting an answer; reasked is 1 once it was asked again.
CREATE TABLE survey_invitation (
    id              TEXT  NOT NULL,
    definition_id   TEXT  NOT NULL,
    source_key      TEXT  NOT NULL,
    trigger_kind    TEXT  NOT NULL,
    patient_id      TEXT  NOT NULL,
    phone           TEXT  NOT NULL,
    language        TEXT  NOT NULL,
    call_sid        TEXT  NULL,
    agent_id        TEXT  NULL,
    queue_name      TEXT  NULL,
    department_id   TEXT  NULL,
    doctor_id       TEXT  NULL,
    appointment_id  TEXT  NULL,
    follow_up_id    TEXT  NULL,
    pending_reply_id  TEXT  NOT NULL,
    status          TEXT  NOT NULL,
    question_index  INTEGER  NOT NULL,
    reasked         INTEGER  NOT NULL,
    due_at          TEXT  NOT NULL,
    expires_at      TEXT  NOT NULL,
    completed_at    TEXT  NULL,
    created_at      TEXT  NOT NULL,
    CONSTRAINT PK_survey_invitation PRIMARY KEY (id),
    CONSTRAINT UQ_survey_invitation_source_key UNIQUE (source_key),
    CONSTRAINT FK_survey_invitation_survey_definition FOREIGN KEY (definition_id) REFERENCES survey_definition (id),
    CONSTRAINT FK_survey_invitation_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_survey_invitation_patient_due_at ON survey_invitation (patient_id, due_at);
CREATE INDEX IX_survey_invitation_due_at ON survey_invitation (due_at);

-- Which question of the invitation (survey_id) an answer is for; NULL for answers stored before surveys had questions.
ALTER TABLE survey_answer ADD question_index INTEGER NULL;
ALTER TABLE survey_answer ADD question_type TEXT NULL;

-- What a follow-up is about beyond a voicemail: the survey invitation that opened it and a short context for staff.
ALTER TABLE follow_up ADD survey_invitation_id TEXT NULL;
ALTER TABLE follow_up ADD note TEXT NULL;
ALTER TABLE follow_up ADD queue_name TEXT NULL;
ALTER TABLE follow_up ADD department_id TEXT NULL;
