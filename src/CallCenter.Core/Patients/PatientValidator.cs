using CallCenter.Core.Common;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Patients;

/// <summary>Checks a <see cref="PatientInput"/> field by field and builds the normalised record to store.</summary>
public sealed partial class PatientValidator(PhoneNumberNormalizer phoneNumbers, IOptions<PatientOptions> options, TimeProvider time)
{
    private static readonly DateOnly EarliestBirth = new(1900, 1, 1);

    /// <summary>The record to store (ID and times left for the caller), or the errors.</summary>
    public (Patient? Patient, List<FieldError> Errors) Validate(PatientInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        void Fail(string field, string reason) => errors.Add(new FieldError(field, reason));

        var name = input.FullName?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            Fail("fullName", "is required");
        }
        else if (name.Length > PatientRules.MaxNameLength)
        {
            Fail("fullName", $"must be at most {PatientRules.MaxNameLength} characters");
        }

        var gender = input.Gender?.Trim().ToLowerInvariant() ?? Genders.Unknown;
        if (!Genders.All.Contains(gender))
        {
            Fail("gender", $"must be one of {string.Join(", ", Genders.All)}");
        }

        var timeZone = options.Value.DefaultTimeZone;
        if (input.TimeZone is not null && PatientRules.TryTimeZone(input.TimeZone, out timeZone) is { } zoneReason)
        {
            Fail("timeZone", zoneReason);
        }

        var language = options.Value.DefaultLanguage;
        if (input.PreferredLanguage is not null && PatientRules.TryLanguage(input.PreferredLanguage, out language) is { } languageReason)
        {
            Fail("preferredLanguage", languageReason);
        }

        if (input.DateOfBirth is { } born)
        {
            // "Today" where the patient lives: a baby born this morning in Shanghai is not from the future.
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
            if (born > today)
            {
                Fail("dateOfBirth", "must not be in the future");
            }
            else if (born < EarliestBirth)
            {
                Fail("dateOfBirth", "must be 1900-01-01 or later");
            }
        }

        string? email = null;
        if (!string.IsNullOrWhiteSpace(input.Email))
        {
            if (PatientRules.TryEmail(input.Email, out var checkedEmail) is { } emailReason)
            {
                Fail("email", emailReason);
            }

            email = checkedEmail;
        }

        string? mrn = null;
        if (!string.IsNullOrWhiteSpace(input.Mrn))
        {
            if (PatientRules.TryMrn(input.Mrn, out var checkedMrn) is { } mrnReason)
            {
                Fail("mrn", mrnReason);
            }

            mrn = checkedMrn;
        }

        var notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        if (notes is { Length: > PatientRules.MaxNotesLength })
        {
            Fail("notes", $"must be at most {PatientRules.MaxNotesLength} characters");
        }

        var phones = ValidatePhones(input.Phones, Fail);
        var tags = ValidateTags(input.Tags, Fail);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var patient = new Patient
        {
            Id = Guid.Empty,
            FullName = name,
            Gender = gender,
            DateOfBirth = input.DateOfBirth,
            Email = email,
            PreferredLanguage = language,
            TimeZone = timeZone,
            Mrn = mrn,
            Notes = notes,
            Phones = phones,
            Tags = tags,
        };
        return (patient, errors);
    }
}
