using System.Globalization;
using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Patients;
using Ivr.Flows.Services;

namespace CallCenter.Core.Ivr.Ports;

/// <summary>
/// Caller ID and keypad verification over the patient records. Every lookup writes an audit row as the IVR,
/// with what was checked and the outcome, never the typed value.
/// </summary>
internal sealed class PatientDirectory(CallerIdMatcher callerId, IPatientRepository patients, IAuditLog audit) : IPatientDirectory
{
    public async Task<CallerProfile?> FindByPhoneAsync(string phoneE164, CancellationToken cancellationToken)
    {
        if (await callerId.FindSingleAsync(phoneE164, cancellationToken) is not { } patientId)
        {
            await audit.WriteAsync(Actor.Ivr, PatientAuditOperations.Read, null, AuditOutcomes.NotFound, "ivr caller id: no single patient", cancellationToken);
            return null;
        }

        var patient = await patients.FindAsync(patientId, cancellationToken);
        await audit.WriteAsync(
            Actor.Ivr, PatientAuditOperations.Read, patientId, patient is null ? AuditOutcomes.NotFound : AuditOutcomes.Success, "ivr caller id", cancellationToken);
        return patient is null ? null : ToProfile(patient);
    }

    public async Task<VerificationResult> VerifyAsync(Guid? patientId, VerificationMethod method, string typed, CancellationToken cancellationToken)
    {
        var how = method == VerificationMethod.Mrn ? "mrn" : "birth date";
        var patient = method switch
        {
            VerificationMethod.Mrn => await MatchMrnAsync(patientId, typed, cancellationToken),
            // A date of birth is shared by many: it only confirms a patient already identified.
            VerificationMethod.BirthDate when patientId is { } id => await MatchBirthDateAsync(id, typed, cancellationToken),
            _ => null,
        };

        await audit.WriteAsync(
            Actor.Ivr,
            PatientAuditOperations.Read,
            patient?.Id ?? patientId,
            patient is null ? AuditOutcomes.Failed : AuditOutcomes.Success,
            $"ivr verification by {how}: {(patient is null ? "no match" : "matched")}",
            cancellationToken);
        return patient is null ? new VerificationResult(false, null) : new VerificationResult(true, ToProfile(patient));
    }

    private async Task<Patient?> MatchMrnAsync(Guid? patientId, string typed, CancellationToken cancellationToken)
    {
        if (PatientRules.TryMrn(typed ?? string.Empty, out var mrn) is not null)
        {
            return null;
        }

        if (patientId is { } id)
        {
            var known = await patients.FindAsync(id, cancellationToken);
            return known is not null && string.Equals(known.Mrn, mrn, StringComparison.Ordinal) ? known : null;
        }

        return await patients.FindIdByMrnAsync(mrn, cancellationToken) is { } holder ? await patients.FindAsync(holder, cancellationToken) : null;
    }

    private async Task<Patient?> MatchBirthDateAsync(Guid patientId, string typed, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(typed?.Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        var patient = await patients.FindAsync(patientId, cancellationToken);
        return patient?.DateOfBirth == date ? patient : null;
    }

    private static CallerProfile ToProfile(Patient patient) =>
        new(patient.Id, patient.FullName, GivenName(patient.FullName), patient.PreferredLanguage, patient.Tags);

    /// <summary>
    /// The name to greet by: the first word of a Western name; a Chinese name without its one-character family
    /// name (compound family names are rare enough that the full name is kept only for two-character names).
    /// </summary>
    internal static string GivenName(string fullName)
    {
        var name = fullName.Trim();
        if (name.Contains(' ', StringComparison.Ordinal))
        {
            return name[..name.IndexOf(' ', StringComparison.Ordinal)];
        }

        return name.Length >= 3 && name.All(c => c >= '\u4e00' && c <= '\u9fff') ? name[1..] : name;
    }
}
