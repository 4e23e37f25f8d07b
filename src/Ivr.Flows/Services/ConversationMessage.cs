namespace Ivr.Flows.Services;

public sealed record ConversationMessage(string PhoneE164, Guid? PatientId, string MessageSid, string Reason);
