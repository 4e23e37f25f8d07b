namespace Ivr.Flows.Services;

/// <summary>
/// What a <c>verify</c> step asks first, before the date of birth it always asks second. Only the medical record
/// number for now: patient records hold no ID card number to check a suffix against.
/// </summary>
public enum VerificationMethod
{
    Mrn,
}
