namespace CallCenter.Api.Tests.Telephony;

internal sealed record CallView(CallRow Call, IReadOnlyList<CallEventRow> Events);

internal sealed record CallRow(string CallSid, Guid? PatientId, string Status, int? LastSequenceNumber, int? DurationSeconds, DateTime? EndedAt);

internal sealed record CallEventRow(string Status, int? SequenceNumber, string Source);

internal sealed record MessageView(MessageRow Message, IReadOnlyList<MessageEventRow> Events);

internal sealed record MessageRow(string MessageSid, Guid? PatientId, string Status, string? Body, int? ErrorCode, string Direction);

internal sealed record MessageEventRow(string Status, int? ErrorCode);
