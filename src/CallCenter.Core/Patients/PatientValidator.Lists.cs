namespace CallCenter.Core.Patients;

/// <summary>The list fields: phones (normalised, one primary) and tags (trimmed, no repeats in any case).</summary>
public sealed partial class PatientValidator
{
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
