namespace Ivr.Flows.Services;

public enum VerificationMethod
{
    Mrn,
    BirthDate,
}
