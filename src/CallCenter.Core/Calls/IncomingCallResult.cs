namespace CallCenter.Core.Calls;

/// <summary>The recorded call, whether this request created it, and the patient caller ID found.</summary>
public sealed record IncomingCallResult(Guid CallId, Guid? PatientId, bool Created);
