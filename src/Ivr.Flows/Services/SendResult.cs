namespace Ivr.Flows.Services;

public sealed record SendResult(bool Sent, string? Reason = null);
