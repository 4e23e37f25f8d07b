using System.Globalization;

namespace DeskLoad;

/// <summary>Command line of the desk load tool; every value has a default but the passwords and the auth token.</summary>
internal sealed record DeskLoadOptions
{
    public const string Usage = """
        usage: DeskLoad --scenario screen-pop|calls|callbacks --token <Twilio auth token> --admin-password <admin password>
                        [--url http://127.0.0.1:5080] [--agents 500] [--calls 1000] [--concurrency 1]
                        [--talk-seconds 2] [--agent-password load-agent-password-1] [--to +861065559999]
                        [--schedule-ms 25] [--hub-pid N]
          screen-pop: signed enqueue webhooks; times each from send to the offer's arrival at an agent's desk.
          calls:      real calls through the hub's carrier simulator; agents accept, talk, hang up and wrap up.
          callbacks:  --calls callbacks scheduled through the API, due over one minute in --queue (agent-first);
                      agents accept, the hub dials each patient through the simulator; counts at the simulator
                      that each was dialled once or retried by the rules, none twice, none left behind; due-to-dial
                      p50/p99, dials/s, and (--hub-pid) the hub's memory. --schedule-ms: the scheduling time allowed
                      per callback before the first is due.
        """;

    public string Url { get; init; } = "http://127.0.0.1:5080";
    public string Scenario { get; init; } = "screen-pop";
    public string Token { get; init; } = string.Empty;
    public string AdminPassword { get; init; } = string.Empty;
    public string AgentPassword { get; init; } = "load-agent-password-1";
    public int Agents { get; init; } = 500;
    public int Calls { get; init; } = 1000;
    public int Concurrency { get; init; } = 1;
    public int TalkSeconds { get; init; } = 2;
    public int ScheduleMilliseconds { get; init; } = 25;

    /// <summary>The hub's process id, to read its memory from /proc (Linux), or null.</summary>
    public int? HubPid { get; init; }

    /// <summary>The queue the callbacks scenario schedules into (agent-first, no required skills).</summary>
    public string Queue { get; init; } = "general";

    /// <summary>The number the bench flow (bench/DeskLoad/flows) answers: its first step enqueues.</summary>
    public string To { get; init; } = "+861065559999";

    public static DeskLoadOptions? Parse(string[] args, TextWriter error)
    {
        var options = new DeskLoadOptions
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
                "--scenario" when value is "screen-pop" or "calls" or "callbacks" => options with { Scenario = value },
                "--queue" => options with { Queue = value },
                "--token" => options with { Token = value },
                "--admin-password" => options with { AdminPassword = value },
                "--agent-password" => options with { AgentPassword = value },
                "--agents" => options with { Agents = Positive(value) },
                "--calls" => options with { Calls = Positive(value) },
                "--concurrency" => options with { Concurrency = Positive(value) },
                "--talk-seconds" => options with { TalkSeconds = Positive(value) },
                "--to" => options with { To = value },
                "--schedule-ms" => options with { ScheduleMilliseconds = Positive(value) },
                "--hub-pid" => options with { HubPid = Positive(value) },
                _ => null!,
            };
            if (options is null)
            {
                error.WriteLine($"unknown option or value: {args[i]} {value}");
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
