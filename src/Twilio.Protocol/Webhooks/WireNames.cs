namespace Twilio.Protocol.Webhooks;

/// <summary>The strings Twilio uses for an enum's values (kebab-case, sometimes snake_case), both ways.</summary>
public sealed class WireNames<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<TEnum, string> _byValue = [];

    internal WireNames(params (TEnum Value, string Name)[] names)
    {
        foreach (var (value, name) in names)
        {
            _byName[name] = value;
            _byValue[value] = name;
        }

        List = string.Join(", ", names.Select(n => n.Name));
    }

    /// <summary>The accepted names, for error messages.</summary>
    public string List { get; }

    public bool TryParse(string? name, out TEnum value) => _byName.TryGetValue(name?.Trim() ?? string.Empty, out value);

    public string ToWire(TEnum value) => _byValue[value];
}
