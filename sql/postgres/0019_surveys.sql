-- Surveys: versioned definitions (questions and triggers as JSON), one invitation per survey sent (tied to the call,
-- agent, queue, department, doctor, visit or follow-up it is about), the answer's question, and the context a
-- follow-up row carries (a service-recovery task opened by a low score).

-- One row per version of a survey; an edit adds a version, answers point at the version they answered.
CREATE TABLE survey_definition (
    id           uuid  NOT NULL,
    survey_key   varchar(64)  NOT NULL,
    version      integer  NOT NULL,
    name_zh      varchar(200)  NOT NULL,
    name_en      varchar(200)  NOT NULL,
    questions    text  NOT NULL,
    triggers     text  NOT NULL,
    retired_at   timestamptz  NULL,
    created_at   timestamptz  NOT NULL,
    created_by_user_id  uuid  NULL,
    CONSTRAINT PK_survey_definition PRIMARY KEY (id),
    CONSTRAINT UQ_survey_definition_key_version UNIQUE (survey_key, version)
);

-- A survey sent to a patient. source_key names what caused it (desk-call:CA.., visit:{id}, follow-up:{id}) so a repeated
-- trigger sends nothing new. question_index is the question awaiting an answer; reasked is 1 once it was asked again.
CREATE TABLE survey_invitation (
    id              uuid  NOT NULL,
    definition_id   uuid  NOT NULL,
    source_key      varchar(100)  NOT NULL,
    trigger_kind    varchar(20)  NOT NULL,
    patient_id      uuid  NOT NULL,
    phone           varchar(64)  NOT NULL,
    language        varchar(16)  NOT NULL,
    call_sid        varchar(64)  NULL,
    agent_id        uuid  NULL,
    queue_name      varchar(64)  NULL,
    department_id   uuid  NULL,
    doctor_id       uuid  NULL,
    appointment_id  uuid  NULL,
    follow_up_id    uuid  NULL,
    pending_reply_id  uuid  NOT NULL,
    status          varchar(20)  NOT NULL,
    question_index  integer  NOT NULL,
    reasked         integer  NOT NULL,
    due_at          timestamptz  NOT NULL,
    expires_at      timestamptz  NOT NULL,
    completed_at    timestamptz  NULL,
    created_at      timestamptz  NOT NULL,
    CONSTRAINT PK_survey_invitation PRIMARY KEY (id),
    CONSTRAINT UQ_survey_invitation_source_key UNIQUE (source_key),
    CONSTRAINT FK_survey_invitation_survey_definition FOREIGN KEY (definition_id) REFERENCES survey_definition (id),
    CONSTRAINT FK_survey_invitation_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_survey_invitation_patient_due_at ON survey_invitation (patient_id, due_at);
CREATE INDEX IX_survey_invitation_due_at ON survey_invitation (due_at);

-- Which question of the invitation (survey_id) an answer is for; NULL for answers stored before surveys had questions.
ALTER TABLE survey_answer ADD question_index integer NULL;
ALTER TABLE survey_answer ADD question_type varchar(10) NULL;

-- What a follow-up is about beyond a voicemail: the survey invitation that opened it and a short context for staff.
ALTER TABLE follow_up ADD survey_invitation_id uuid NULL;
ALTER TABLE follow_up ADD note varchar(1000) NULL;
ALTER TABLE follow_up ADD queue_name varchar(64) NULL;
ALTER TABLE follow_up ADD department_id uuid NULL;
