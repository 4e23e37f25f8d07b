using System.Globalization;

namespace WallboardLoad;

/// <summary>Command line of the wallboard load tool; every value has a default but the admin password and the auth token.</summary>
internal sealed record WallboardLoadOptions
{
    public const string Usage = """
        usage: WallboardLoad --token <Twilio auth token> --admin-password <admin password>
                             [--url http://127.0.0.1:5080] [--boards 1000] [--rate 200] [--seconds 60]
                             [--hold-ms 2000] [--in-flight 64] [--to +861065559999] [--hub-pid N]
          Opens --boards wallboard connections (a wallboard account it creates), then sends --rate queue events per
          second for --seconds: signed incoming-call webhooks to the bench flow (bench/DeskLoad/flows: the call joins
          the general queue) and, --hold-ms later, each call's final status (the caller hangs up: abandoned). Measures
          for every event the time until every board had a board that includes it, and (--hub-pid) the hub's memory.
        """;

    public string Url { get; init; } = "http://127.0.0.1:5080";
    public string Token { get; init; } = string.Empty;
    public string AdminPassword { get; init; } = string.Empty;
    public int Boards { get; init; } = 1000;
    public int Rate { get; init; } = 200;
    public int Seconds { get; init; } = 60;
    public int HoldMilliseconds { get; init; } = 2000;
    public int InFlight { get; init; } = 64;
    public string To { get; init; } = "+861065559999";
    public int? HubPid { get; init; }

    public static WallboardLoadOptions? Parse(string[] args, TextWriter error)
    {
        var options = new WallboardLoadOptions
        {
            AdminPassword = Environment.GetEnvironmentVariable("CALLCENTER_ADMIN_PASSWORD") ?? string.Empty,
            Token = Environment.GetEnvironmentVariable("TWILIO__AUTHTOKEN") ?? string.Empty,
        };
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                error.WriteLine($"{args[i]} needs a value");
                return null;
            }

            var value = args[i + 1];
            options = args[i] switch
            {
                "--url" => options with { Url = value.TrimEnd('/') },
                "--token" => options with { Token = value },
                "--admin-password" => options with { AdminPassword = value },
                "--boards" => options with { Boards = Positive(value) },
                "--rate" => options with { Rate = Positive(value) },
                "--seconds" => options with { Seconds = Positive(value) },
                "--hold-ms" => options with { HoldMilliseconds = Positive(value) },
                "--in-flight" => options with { InFlight = Positive(value) },
                "--to" => options with { To = value },
                "--hub-pid" => options with { HubPid = Positive(value) },
                _ => null!,
            };
            if (options is null)
            {
                error.WriteLine($"unknown option: {args[i]} {value}");
                error.WriteLine(Usage);
                return null;
            }
        }

        if (options.Token.Length == 0 || options.AdminPassword.Length == 0)
        {
            error.WriteLine(Usage);
            return null;
        }

        return options;
    }

    private static int Positive(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new FormatException($"'{value}' is not a positive number");
}
