using System.Globalization;

namespace WebhookLoad;

/// <summary>Command line: <c>--url --token --requests --concurrency --warmup --pid --scenario</c>.</summary>
internal sealed record LoadOptions
{
    public string Url { get; init; } = "http://127.0.0.1:5080";

    public string Token { get; init; } = string.Empty;

    public int Requests { get; init; } = 2000;

    public int Concurrency { get; init; } = 16;

    public int Warmup { get; init; } = 100;

    public int? Pid { get; init; }

    /// <summary><c>new-call</c> (one incoming-call webhook per request) or <c>ivr-call</c> (whole calls through the IVR).</summary>
    public string Scenario { get; init; } = "new-call";

    public static LoadOptions? Parse(string[] args, TextWriter error)
    {
        var options = new LoadOptions();
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
                case "--url": options = options with { Url = value.TrimEnd('/') }; break;
                case "--token": options = options with { Token = value }; break;
                case "--requests": options = options with { Requests = Positive(value) }; break;
                case "--concurrency": options = options with { Concurrency = Positive(value) }; break;
                case "--warmup": options = options with { Warmup = int.Parse(value, CultureInfo.InvariantCulture) }; break;
                case "--pid": options = options with { Pid = Positive(value) }; break;
                case "--scenario" when value is "new-call" or "ivr-call": options = options with { Scenario = value }; break;
                default:
                    error.WriteLine($"unknown option {args[i]}");
                    return null;
            }

            i++;
        }

        if (options.Token.Length == 0)
        {
            error.WriteLine("usage: WebhookLoad --token <auth token> [--url http://127.0.0.1:5080] [--requests 2000] [--concurrency 16] [--warmup 100] [--pid N] [--scenario new-call|ivr-call]");
            return null;
        }

        return options;
    }

    private static int Positive(string value)
    {
        var number = int.Parse(value, CultureInfo.InvariantCulture);
        return number > 0 ? number : throw new FormatException($"{value} is not a positive number");
    }
}
