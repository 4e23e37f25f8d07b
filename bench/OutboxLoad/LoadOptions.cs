using System.Globalization;

namespace OutboxLoad;

/// <summary>Command line: <c>--engine --connection --messages --hub-port --carrier-port --kills --set Key=Value ...</c>.</summary>
internal sealed record LoadOptions
{
    public string Engine { get; init; } = "sqlite";

    public string Connection { get; init; } = string.Empty;

    public int Messages { get; init; } = 100_000;

    public int HubPort { get; init; } = 5098;

    public int CarrierPort { get; init; } = 5097;

    /// <summary>Kill the hub this many times during the run and count every message at the carrier (0: measure speed).</summary>
    public int Kills { get; init; }

    /// <summary>Extra hub settings (e.g. <c>Notifications:Outbox:Concurrency=32</c>), over the tool's defaults.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public static LoadOptions? Parse(string[] args, TextWriter error)
    {
        var options = new LoadOptions();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            if (value is null)
            {
                error.WriteLine($"{args[i]} needs a value");
                return null;
            }

            switch (args[i])
            {
                case "--engine" when value is "sqlite" or "postgres": options = options with { Engine = value }; break;
                case "--connection": options = options with { Connection = value }; break;
                case "--messages": options = options with { Messages = Positive(value) }; break;
                case "--hub-port": options = options with { HubPort = Positive(value) }; break;
                case "--carrier-port": options = options with { CarrierPort = Positive(value) }; break;
                case "--kills": options = options with { Kills = Positive(value) }; break;
                case "--set" when value.Contains('=', StringComparison.Ordinal):
                    settings[value[..value.IndexOf('=', StringComparison.Ordinal)]] = value[(value.IndexOf('=', StringComparison.Ordinal) + 1)..];
                    break;
                default:
                    error.WriteLine($"unknown option {args[i]} {value}");
                    return null;
            }

            i++;
        }

        if (options.Connection.Length == 0)
        {
            error.WriteLine("usage: OutboxLoad --engine sqlite|postgres --connection <empty database> [--messages 100000] [--hub-port 5098] [--carrier-port 5097] [--kills N] [--set Key=Value]...");
            return null;
        }

        return options with { Settings = settings };
    }

    private static int Positive(string value)
    {
        var number = int.Parse(value, CultureInfo.InvariantCulture);
        return number > 0 ? number : throw new FormatException($"{value} is not a positive number");
    }
}
