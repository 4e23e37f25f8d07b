namespace Ivr.Flows.Services;

/// <summary>A hub message that expects an answer: its purpose (<c>appointment</c>, <c>survey</c>) and what it is about.</summary>
public sealed record PendingReply(Guid Id, string Purpose, Guid? PatientId, Guid? AppointmentId, Guid? SurveyId, DateTimeOffset SentAt);
