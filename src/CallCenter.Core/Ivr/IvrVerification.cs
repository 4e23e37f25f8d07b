namespace CallCenter.Core.Ivr;

/// <summary>Whether a caller proved who they are in the IVR.</summary>
public enum IvrVerification
{
    /// <summary>No verify step asked them (or none finished).</summary>
    NotAttempted,

    Verified,

    /// <summary>They tried and what they typed matched no patient (and no later try did).</summary>
    Failed,
}
