namespace CallCenter.Core.Ivr.Verification;

/// <summary>How the IVR verifies callers (section <c>Ivr:Verification</c>); see docs/security.md.</summary>
public sealed class IvrVerificationOptions
{
    public const string SectionName = "Ivr:Verification";

    /// <summary>Failed verifications from one calling number within the window before its attempts are refused.</summary>
    public int MaxFailuresPerNumber { get; set; } = 5;

    /// <summary>Failed verifications against one patient (from any number) within the window before attempts for them are refused.</summary>
    public int MaxFailuresPerPatient { get; set; } = 5;

    /// <summary>The window failures are counted over, in minutes.</summary>
    public int WindowMinutes { get; set; } = 24 * 60;

    /// <summary>
    /// Whether a caller recognised by caller ID alone may be greeted by name (<c>patient.name</c>,
    /// <c>patient.givenName</c> set by <c>identify</c>). Off: a forged number must not learn whose it is.
    /// </summary>
    public bool GreetByNameBeforeVerification { get; set; }
}
