-- Voice reminders (issue 12): the patient's preferred way to be contacted, the outbound reminder calls the outbox
-- placed, and the voice templates (the text kept on the notification row as the record of what the call was about;
-- the call itself speaks flows/visit-reminder-call.json).

-- sms (the default when NULL), voice or email: a patient who prefers calls gets the reminder plan's sms steps as calls.
ALTER TABLE patient ADD preferred_contact_channel nvarchar(10) NULL;

-- One row per call the voice channel placed for a notification row (a row retried after no-answer has several).
-- status is the carrier's last call status; answered_by what machine detection said; answer what the patient pressed
-- (confirmed, cancelled, no-input, failed), written once. retried: this call's attempt ended (no-answer, busy) and the
-- row went back to pending, so the carrier lookup before a resend never takes this call for the new attempt.
CREATE TABLE voice_call (
    call_sid         nvarchar(64)  NOT NULL,
    notification_id  uniqueidentifier  NOT NULL,
    status           nvarchar(20)  NOT NULL,
    answered_by      nvarchar(30)  NULL,
    answer           nvarchar(20)  NULL,
    retried          bit  NOT NULL,
    created_at       datetime2  NOT NULL,
    updated_at       datetime2  NOT NULL,
    CONSTRAINT PK_voice_call PRIMARY KEY (call_sid),
    CONSTRAINT FK_voice_call_notification FOREIGN KEY (notification_id) REFERENCES notification (id)
);
CREATE INDEX IX_voice_call_notification ON voice_call (notification_id);

INSERT INTO notification_template (purpose, channel, language, subject, body, updated_at, updated_by_user_id) VALUES ('appointment-confirmation', 'voice', 'zh-CN', NULL, N'{{hospitalName}}电话确认：{{patientName}}，{{appointmentTime}}{{department}}{{doctorName}}医生的门诊。按1确认，按2取消。', '2026-01-01T00:00:00', NULL);
INSERT INTO notification_template (purpose, channel, language, subject, body, updated_at, updated_by_user_id) VALUES ('appointment-confirmation', 'voice', 'en-US', NULL, N'{{hospitalName}} call: {{patientName}}, your visit to {{department}} (Dr {{doctorName}}) at {{appointmentTime}}. Press 1 to confirm, 2 to cancel.', '2026-01-01T00:00:00', NULL);
INSERT INTO notification_template (purpose, channel, language, subject, body, updated_at, updated_by_user_id) VALUES ('appointment-reminder', 'voice', 'zh-CN', NULL, N'{{hospitalName}}电话提醒：{{patientName}}，{{appointmentTime}}{{department}}{{doctorName}}医生的门诊。按1确认，按2取消。', '2026-01-01T00:00:00', NULL);
INSERT INTO notification_template (purpose, channel, language, subject, body, updated_at, updated_by_user_id) VALUES ('appointment-reminder', 'voice', 'en-US', NULL, N'{{hospitalName}} reminder call: {{patientName}}, your visit to {{department}} (Dr {{doctorName}}) at {{appointmentTime}}. Press 1 to confirm, 2 to cancel.', '2026-01-01T00:00:00', NULL);
