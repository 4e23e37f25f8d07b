namespace AgentConsole.Startup;

/// <summary>Where a setting came from, shown to the user so a surprising value can be traced.</summary>
internal enum SettingSource
{
    Default,
    Environment,
    Argument,
}

/// <summary>The resolved settings of the agent console. The password is never one of them: it is asked for.</summary>
internal sealed record AgentConsoleOptions
{
    public static readonly Uri DefaultHubUrl = new("http://localhost:5080");

    public required Uri HubUrl { get; init; }

    public SettingSource HubUrlSource { get; init; }

    public string? UserName { get; init; }

    public SettingSource UserNameSource { get; init; }

    public bool ShowHelp { get; init; }

    /// <summary>The desk locks after this long without keyboard input (default 15 minutes).</summary>
    public TimeSpan IdleLock { get; init; } = DefaultIdleLock;

    public static readonly TimeSpan DefaultIdleLock = TimeSpan.FromMinutes(15);
}

/// <summary>Either options or the reasons there are none; every reason says what to change.</summary>
internal sealed record ParseResult(AgentConsoleOptions? Options, IReadOnlyList<string> Errors)
{
    public bool IsValid => Options is not null && Errors.Count == 0;
}
