using System.Globalization;
using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Ivr.Verification;
using CallCenter.Core.Patients;
using Ivr.Flows.Services;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Ivr.Ports;

/// <summary>
/// Caller ID and keypad verification over the patient records. Every lookup writes an audit row as the IVR, with
/// what was checked and the outcome, never the typed value (the audit log adds the call's CallSid). Failed
/// verifications are counted in the database per calling number and per patient (<see cref="IvrVerificationOptions"/>):
/// past the limit, attempts are refused without checking anything.
/// </summary>
internal sealed class PatientDirectory(
    CallerIdMatcher callerId,
    IPatientRepository patients,
    IAuditLog audit,
    IVerificationFailures failures,
    IOptions<IvrVerificationOptions> options,
    TimeProvider time) : IPatientDirectory
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
        if (patient is null)
        {
            return null;
        }

        // Caller ID is not proof: unless the hospital chose otherwise, a caller is not told whose number they call from.
        var profile = ToProfile(patient);
        return options.Value.GreetByNameBeforeVerification ? profile : profile with { DisplayName = string.Empty, GivenName = string.Empty };
    }

    public async Task<IdentifierCheck> CheckIdentifierAsync(VerificationAttempt attempt, VerificationMethod method, string typed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (await NumberLockedOutAsync(attempt, cancellationToken))
        {
            await audit.WriteAsync(Actor.Ivr, PatientAuditOperations.Read, null, AuditOutcomes.Failed, "ivr verification refused: too many failed attempts from the number", cancellationToken);
            return new IdentifierCheck(null, LockedOut: true);
        }

        var patient = await MatchMrnAsync(typed, cancellationToken);
        await audit.WriteAsync(
            Actor.Ivr, PatientAuditOperations.Read, patient?.Id, patient is null ? AuditOutcomes.NotFound : AuditOutcomes.Success,
            $"ivr verification: record number {(patient is null ? "names no patient" : "names a patient")}", cancellationToken);
        return new IdentifierCheck(patient?.Id);
    }

    public async Task<VerificationResult> VerifyBirthDateAsync(VerificationAttempt attempt, Guid? candidate, string typed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var limits = options.Value;
        var since = time.GetUtcNow().UtcDateTime.AddMinutes(-limits.WindowMinutes);
        if (await NumberLockedOutAsync(attempt, cancellationToken)
            || (candidate is { } id && await failures.CountSinceAsync(VerificationSubjects.Patient(id), since, cancellationToken) >= limits.MaxFailuresPerPatient))
        {
            await audit.WriteAsync(Actor.Ivr, PatientAuditOperations.Read, candidate, AuditOutcomes.Failed, "ivr verification refused: too many failed attempts", cancellationToken);
            return new VerificationResult(false, null, LockedOut: true);
        }

        var patient = candidate is { } patientId ? await MatchBirthDateAsync(patientId, typed, cancellationToken) : null;
        if (patient is null)
        {
            var subjects = new List<string>();
            if (!string.IsNullOrWhiteSpace(attempt.CallerNumber))
            {
                subjects.Add(VerificationSubjects.Number(attempt.CallerNumber));
            }

            if (candidate is { } failedFor)
            {
                subjects.Add(VerificationSubjects.Patient(failedFor));
            }

            await failures.RecordAsync(subjects, attempt.CallSid, cancellationToken);
        }

        await audit.WriteAsync(
            Actor.Ivr,
            PatientAuditOperations.Read,
            candidate,
            patient is null ? AuditOutcomes.Failed : AuditOutcomes.Success,
            $"ivr verification by record number and birth date: {(patient is null ? "no match" : "matched")}",
            cancellationToken);
        return patient is null ? new VerificationResult(false, null) : new VerificationResult(true, ToProfile(patient));
    }

    private async Task<bool> NumberLockedOutAsync(VerificationAttempt attempt, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(attempt.CallerNumber))
        {
            return false;
        }

        var limits = options.Value;
        var since = time.GetUtcNow().UtcDateTime.AddMinutes(-limits.WindowMinutes);
        return await failures.CountSinceAsync(VerificationSubjects.Number(attempt.CallerNumber), since, cancellationToken) >= limits.MaxFailuresPerNumber;
    }

    private async Task<Patient?> MatchMrnAsync(string typed, CancellationToken cancellationToken)
    {
        if (PatientRules.TryMrn(typed ?? string.Empty, out var mrn) is not null)
        {
            return null;
        }

        // A keypad has no letters: digits also match a record number written with the usual "MRN" prefix.
        var holder = await patients.FindIdByMrnAsync(mrn, cancellationToken)
            ?? (mrn.All(char.IsAsciiDigit) ? await patients.FindIdByMrnAsync("MRN" + mrn, cancellationToken) : null);
        return holder is { } id ? await patients.FindAsync(id, cancellationToken) : null;
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
