namespace Ivr.Flows.Services;

public sealed record SurveyAnswer(Guid PendingReplyId, Guid? SurveyId, Guid? PatientId, string PhoneE164, string MessageSid, string Text, int? Score);
