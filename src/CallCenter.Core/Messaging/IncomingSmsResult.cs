namespace CallCenter.Core.Messaging;

/// <summary>The recorded message, whether this request created it, and the patient found by the sender's number.</summary>
public sealed record IncomingSmsResult(Guid MessageId, Guid? PatientId, bool Created);
