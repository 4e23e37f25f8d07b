namespace CallCenter.Core.Callbacks;

/// <summary>Calling hours for a host without the notification rules: any time.</summary>
internal sealed class AlwaysCallingHours : ICallingHours
{
    public DateTime? NextAllowed(DateTime nowUtc, string? patientTimeZone) => nowUtc;
}
