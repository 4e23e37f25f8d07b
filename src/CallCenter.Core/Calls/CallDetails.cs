namespace CallCenter.Core.Calls;

/// <summary>A call with its status history, oldest event first.</summary>
public sealed record CallDetails(PhoneCall Call, IReadOnlyList<CallEvent> Events);
