using System.Text.RegularExpressions;

namespace AgentConsole.Startup;

/// <summary>
/// Reads the console's settings: command-line options first, then environment variables, then defaults.
/// Options take <c>--name value</c> or <c>--name=value</c>.
/// </summary>
internal static partial class AgentConsoleArguments
{
    public const string HubUrlVariable = "CALLCENTER_HUB_URL";
    public const string UserVariable = "CALLCENTER_USER";
    public const string IdleLockVariable = "CALLCENTER_IDLE_LOCK_MINUTES";

    public const string HelpText = $"""
        CallCenter agent console

        Usage: agent-console [--hub-url <url>] [--user <name>] [--idle-lock-minutes <n>] [--help]

          --hub-url <url>   The hub to connect to (http or https).
                            Environment: {HubUrlVariable}. Default: http://localhost:5080
          --user <name>     Your user name on the hub. Environment: {UserVariable}.
          --idle-lock-minutes <n>
                            Lock the desk after n minutes without a key press (1 to 1440); your
                            password unlocks it. Environment: {IdleLockVariable}. Default: 15
          --help, -h        Show this help.

        The password is never taken from the command line or the environment; you are asked for it.
        """;

    public static ParseResult Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var errors = new List<string>();
        string? hubUrlArgument = null;
        string? userArgument = null;
        string? idleLockArgument = null;
        var showHelp = false;

        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = SplitOption(args[i]);
            switch (name)
            {
                case "--help" or "-h" or "-?":
                    showHelp = true;
                    break;
                case "--hub-url":
                    hubUrlArgument = TakeValue(args, ref i, name, inlineValue, hubUrlArgument, errors);
                    break;
                case "--user":
                    userArgument = TakeValue(args, ref i, name, inlineValue, userArgument, errors);
                    break;
                case "--idle-lock-minutes":
                    idleLockArgument = TakeValue(args, ref i, name, inlineValue, idleLockArgument, errors);
                    break;
                case "--password" or "-p":
                    // Swallow the value so no later message repeats it.
                    if (inlineValue is null && i + 1 < args.Count && !args[i + 1].StartsWith('-'))
                    {
                        i++;
                    }

                    errors.Add("Passwords are not taken on the command line (other users could read them); you will be asked for it.");
                    break;
                default:
                    errors.Add($"Unknown option '{args[i]}'. Run with --help to see the options.");
                    break;
            }
        }

        if (showHelp)
        {
            // Help is always available, even next to a mistake.
            return new ParseResult(new AgentConsoleOptions { HubUrl = AgentConsoleOptions.DefaultHubUrl, ShowHelp = true }, []);
        }

        var (hubUrlText, hubUrlSource) = Resolve(hubUrlArgument, environment(HubUrlVariable));
        var hubUrl = AgentConsoleOptions.DefaultHubUrl;
        if (hubUrlText is not null)
        {
            if (TryReadHubUrl(hubUrlText, out var parsed))
            {
                hubUrl = parsed;
            }
            else
            {
                errors.Add($"{Describe("--hub-url", HubUrlVariable, hubUrlSource)} '{hubUrlText}' is not an absolute http or https URL, e.g. http://localhost:5080.");
            }
        }

        var (userName, userSource) = Resolve(userArgument, environment(UserVariable));
        if (userName is not null && !UserNamePattern().IsMatch(userName))
        {
            errors.Add($"{Describe("--user", UserVariable, userSource)} '{userName}' is not a user name: 3 to 100 letters, digits, dots, dashes or underscores.");
        }

        var (idleLockText, idleLockSource) = Resolve(idleLockArgument, environment(IdleLockVariable));
        var idleLock = AgentConsoleOptions.DefaultIdleLock;
        if (idleLockText is not null)
        {
            if (int.TryParse(idleLockText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minutes) && minutes is >= 1 and <= 1440)
            {
                idleLock = TimeSpan.FromMinutes(minutes);
            }
            else
            {
                errors.Add($"{Describe("--idle-lock-minutes", IdleLockVariable, idleLockSource)} '{idleLockText}' is not a whole number of minutes from 1 to 1440.");
            }
        }

        if (errors.Count > 0)
        {
            return new ParseResult(null, errors);
        }

        return new ParseResult(
            new AgentConsoleOptions { HubUrl = hubUrl, HubUrlSource = hubUrlSource, UserName = userName, UserNameSource = userSource, IdleLock = idleLock },
            []);
    }

    private static (string Name, string? InlineValue) SplitOption(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 2 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static string? TakeValue(IReadOnlyList<string> args, ref int i, string name, string? inlineValue, string? previous, List<string> errors)
    {
        if (previous is not null)
        {
            errors.Add($"{name} is given more than once.");
        }

        if (inlineValue is not null)
        {
            return inlineValue;
        }

        if (i + 1 < args.Count && !args[i + 1].StartsWith('-'))
        {
            return args[++i];
        }

        errors.Add($"{name} needs a value.");
        return previous;
    }

    private static (string? Value, SettingSource Source) Resolve(string? argument, string? environmentValue) =>
        argument is not null ? (argument, SettingSource.Argument)
        : !string.IsNullOrWhiteSpace(environmentValue) ? (environmentValue.Trim(), SettingSource.Environment)
        : (null, SettingSource.Default);

    private static bool TryReadHubUrl(string text, out Uri url)
    {
        url = AgentConsoleOptions.DefaultHubUrl;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed)
            || parsed.Scheme is not ("http" or "https")
            || string.IsNullOrEmpty(parsed.Host)
            || !string.IsNullOrEmpty(parsed.Query)
            || !string.IsNullOrEmpty(parsed.Fragment))
        {
            return false;
        }

        url = parsed;
        return true;
    }

    private static string Describe(string option, string variable, SettingSource source) =>
        source == SettingSource.Environment ? $"{variable}" : option;

    // The same rule the hub applies to user names.
    [GeneratedRegex("^[A-Za-z0-9._-]{3,100}$")]
    private static partial Regex UserNamePattern();
}
