namespace Twilio.Protocol.Rest;

/// <summary>Checks Twilio enforces but its OpenAPI spec cannot say (one-of rules), done before sending.</summary>
internal static class RestChecks
{
    public static void Required(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is required.", name);
        }
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the request field when <paramref name="valid"/> is false.</summary>
    public static void That(bool valid, string field, string message)
    {
        if (!valid)
        {
            throw new ArgumentException(message, field);
        }
    }

    public static void ExactlyOne(params (string Name, string? Value)[] fields)
    {
        var set = fields.Count(f => !string.IsNullOrEmpty(f.Value));
        if (set != 1)
        {
            var names = string.Join(", ", fields.Select(f => f.Name));
            throw new ArgumentException($"Set exactly one of {names} ({set} set).", fields[0].Name);
        }
    }
}
