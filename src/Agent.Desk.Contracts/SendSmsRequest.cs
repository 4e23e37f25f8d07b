namespace AgentDesk.Contracts;

/// <summary>An SMS to the patient of a conversation the agent holds (or of their call). Consent is checked.</summary>
public sealed record SendSmsRequest(Guid OfferId, string Body);
