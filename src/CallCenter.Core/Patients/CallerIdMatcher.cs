using CallCenter.Core.Common;

namespace CallCenter.Core.Patients;

/// <summary>
/// Finds the patient behind a caller's number. Only an unambiguous match counts: families share phones, and
/// linking a call to the wrong relative would show one patient's contact on another's record.
/// </summary>
public sealed class CallerIdMatcher(IPatientRepository patients, PhoneNumberNormalizer phones)
{
    /// <summary>The one patient with this number, or null for none, several, or a withheld/invalid number.</summary>
    public async Task<Guid?> FindSingleAsync(string? number, CancellationToken cancellationToken = default)
    {
        if (!phones.TryNormalize(number, out var e164, out _))
        {
            return null;
        }

        var found = await patients.FindByPhoneAsync(e164, cancellationToken);
        return found.Count == 1 ? found[0].Id : null;
    }
}
