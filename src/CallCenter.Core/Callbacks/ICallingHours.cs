namespace CallCenter.Core.Callbacks;

/// <summary>When a patient may be called, in their own time zone (Notifications implements it with its quiet hours).</summary>
public interface ICallingHours
{
    /// <summary><paramref name="nowUtc"/> when inside calling hours, else the next opening (UTC); null when none opens soon.</summary>
    DateTime? NextAllowed(DateTime nowUtc, string? patientTimeZone);
}
