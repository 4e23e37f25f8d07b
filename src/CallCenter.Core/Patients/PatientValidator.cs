using CallCenter.Core.Common;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Patients;

/// <summary>Checks a <see cref="PatientInput"/> field by field and builds the normalised record to store.</summary>
public sealed class PatientValidator(PhoneNumberNormalizer phoneNumbers, IOptions<PatientOptions> options, TimeProvider time)
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
        if (input.Mrn is not null)
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

    private List<PatientPhone> ValidatePhones(IReadOnlyList<PhoneInput?>? inputs, Action<string, string> fail)
    {
        var phones = new List<PatientPhone>();
        var firstIndexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        if (inputs is null)
        {
            return phones;
        }

        if (inputs.Count > PatientRules.MaxPhones)
        {
            fail("phones", $"must have at most {PatientRules.MaxPhones} numbers");
            return phones;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var field = $"phones[{i}]";
            if (inputs[i] is not { } input)
            {
                fail(field, "must not be null");
                continue;
            }

            var kind = input.Kind?.Trim().ToLowerInvariant() ?? PhoneKinds.Mobile;
            if (!PhoneKinds.All.Contains(kind))
            {
                fail($"{field}.kind", $"must be one of {string.Join(", ", PhoneKinds.All)}");
            }

            if (!phoneNumbers.TryNormalize(input.Number, out var e164, out var reason))
            {
                fail($"{field}.number", reason);
                continue;
            }

            if (!firstIndexOf.TryAdd(e164, i))
            {
                fail($"{field}.number", $"is the same number as phones[{firstIndexOf[e164]}]");
            }

            phones.Add(new PatientPhone { E164 = e164, Kind = kind, IsPrimary = input.IsPrimary });
        }

        var primaries = inputs.Select((p, i) => (p, i)).Where(x => x.p?.IsPrimary == true).Select(x => x.i).ToList();
        if (primaries.Count > 1)
        {
            fail($"phones[{primaries[1]}].isPrimary", $"only one phone can be primary; phones[{primaries[0]}] already is");
        }
        else if (primaries.Count == 0 && phones.Count > 0)
        {
            phones[0] = phones[0] with { IsPrimary = true };
        }

        return phones;
    }

    private static List<string> ValidateTags(IReadOnlyList<string?>? inputs, Action<string, string> fail)
    {
        var tags = new List<string>();
        if (inputs is null)
        {
            return tags;
        }

        if (inputs.Count > PatientRules.MaxTags)
        {
            fail("tags", $"must have at most {PatientRules.MaxTags} tags");
            return tags;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var tag = inputs[i]?.Trim() ?? string.Empty;
            if (tag.Length is 0 or > PatientRules.MaxTagLength)
            {
                fail($"tags[{i}]", $"must be 1 to {PatientRules.MaxTagLength} characters");
            }
            else if (!tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(tag);
            }
        }

        return tags;
    }
}
