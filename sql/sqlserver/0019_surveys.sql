-- Surveys: versioned definitions (questions and triggers as JSON), one invitation per survey sent (tied to the call,
-- agent, queue, department, doctor, visit or follow-up it is about), the answer's question, and the context a
-- follow-up row carries (a service-recovery task opened by a low score).

-- One row per version of a survey; an edit adds a version, answers point at the version they answered.
CREATE TABLE survey_definition (
    id           uniqueidentifier  NOT NULL,
    survey_key   nvarchar(64)  NOT NULL,
    version      int  NOT NULL,
    name_zh      nvarchar(200)  NOT NULL,
    name_en      nvarchar(200)  NOT NULL,
    questions    nvarchar(max)  NOT NULL,
    triggers     nvarchar(max)  NOT NULL,
    retired_at   datetime2  NULL,
    created_at   datetime2  NOT NULL,
    created_by_user_id  uniqueidentifier  NULL,
    CONSTRAINT PK_survey_definition PRIMARY KEY (id),
    CONSTRAINT UQ_survey_definition_key_version UNIQUE (survey_key, version)
);

-- A survey sent to a patient. source_key names what caused it (desk-call:CA.., visit:{id}, follow-up:{id}) so a repeated
-- trigger sends nothing new. question_index is the question awaiting an answer; reasked is 1 once it was asked again.
CREATE TABLE survey_invitation (
    id              uniqueidentifier  NOT NULL,
    definition_id   uniqueidentifier  NOT NULL,
    source_key      nvarchar(100)  NOT NULL,
    trigger_kind    nvarchar(20)  NOT NULL,
    patient_id      uniqueidentifier  NOT NULL,
    phone           nvarchar(64)  NOT NULL,
    language        nvarchar(16)  NOT NULL,
    call_sid        nvarchar(64)  NULL,
    agent_id        uniqueidentifier  NULL,
    queue_name      nvarchar(64)  NULL,
    department_id   uniqueidentifier  NULL,
    doctor_id       uniqueidentifier  NULL,
    appointment_id  uniqueidentifier  NULL,
    follow_up_id    uniqueidentifier  NULL,
    pending_reply_id  uniqueidentifier  NOT NULL,
    status          nvarchar(20)  NOT NULL,
    question_index  int  NOT NULL,
    reasked         int  NOT NULL,
    due_at          datetime2  NOT NULL,
    expires_at      datetime2  NOT NULL,
    completed_at    datetime2  NULL,
    created_at      datetime2  NOT NULL,
    CONSTRAINT PK_survey_invitation PRIMARY KEY (id),
    CONSTRAINT UQ_survey_invitation_source_key UNIQUE (source_key),
    CONSTRAINT FK_survey_invitation_survey_definition FOREIGN KEY (definition_id) REFERENCES survey_definition (id),
    CONSTRAINT FK_survey_invitation_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
);
CREATE INDEX IX_survey_invitation_patient_due_at ON survey_invitation (patient_id, due_at);
CREATE INDEX IX_survey_invitation_due_at ON survey_invitation (due_at);

-- Which question of the invitation (survey_id) an answer is for; NULL for answers stored before surveys had questions.
ALTER TABLE survey_answer ADD question_index int NULL;
ALTER TABLE survey_answer ADD question_type nvarchar(10) NULL;

-- What a follow-up is about beyond a voicemail: the survey invitation that opened it and a short context for staff.
ALTER TABLE follow_up ADD survey_invitation_id uniqueidentifier NULL;
ALTER TABLE follow_up ADD note nvarchar(1000) NULL;
ALTER TABLE follow_up ADD queue_name nvarchar(64) NULL;
ALTER TABLE follow_up ADD department_id uniqueidentifier NULL;
