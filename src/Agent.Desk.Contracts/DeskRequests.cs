namespace AgentDesk.Contracts;

/// <summary>State codes: "available", "break", "offline", or "end-wrap-up" to finish after-call work early.</summary>
public sealed record SetStateRequest(string State, string? Reason = null);

/// <summary>
/// Kind: "queue" (Target is a queue name), "agent" (a user name) or "number" (E.164 or a local number).
/// Warm: the caller holds while the target is offered the call with the screen-pop; the agent stays on until the
/// target takes it. Cold: the agent is released at once.
/// </summary>
public sealed record TransferRequest(string CallSid, string Kind, string Target, bool Warm = false, string? Note = null);

/// <summary>Disposition: one of the hub's codes (see <see cref="DeskSnapshot.Dispositions"/>). Notes go to the patient's timeline.</summary>
public sealed record WrapUpRequest(string CallSid, string Disposition, string? Notes = null);

/// <summary>A callback for the patient on screen (or the caller's number), at a time or as soon as possible.</summary>
public sealed record ScheduleCallbackRequest(Guid OfferId, DateTimeOffset? At = null, string? Number = null, string? Note = null);

/// <summary>An SMS to the patient of a conversation the agent holds (or of their call). Consent is checked.</summary>
public sealed record SendSmsRequest(Guid OfferId, string Body);

public sealed record BookAppointmentRequest(Guid OfferId, Guid SlotId, string? Reason = null);

public sealed record AppointmentActionRequest(Guid OfferId, Guid AppointmentId, string? Reason = null);

public sealed record LinkCallerRequest(Guid OfferId, Guid PatientId);

/// <summary>A new patient from the caller: the number is the caller's.</summary>
public sealed record CreatePatientRequest(Guid OfferId, string FullName, DateOnly? DateOfBirth, string? Sex, string Language);
