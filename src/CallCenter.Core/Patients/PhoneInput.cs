namespace CallCenter.Core.Patients;

/// <summary>A phone number in any common format; kind defaults to mobile, the first is primary when none is.</summary>
public sealed record PhoneInput(string? Number, string? Kind = null, bool IsPrimary = false);
