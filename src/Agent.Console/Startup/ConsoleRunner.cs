namespace AgentConsole.Startup;

/// <summary>What the console does with its parsed settings; separate from Program so it can be tested.</summary>
internal static class ConsoleRunner
{
    public static int Run(ParseResult result, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        if (!result.IsValid)
        {
            foreach (var reason in result.Errors)
            {
                error.WriteLine($"error: {reason}");
            }

            error.WriteLine("Run with --help to see the options.");
            return ExitCodes.Usage;
        }

        var options = result.Options!;
        if (options.ShowHelp)
        {
            output.WriteLine(AgentConsoleArguments.HelpText);
            return ExitCodes.Ok;
        }

        output.WriteLine("CallCenter agent console");
        output.WriteLine($"  Hub:  {options.HubUrl} ({Describe(options.HubUrlSource)})");
        output.WriteLine($"  User: {options.UserName ?? "(not set: you will be asked)"}{(options.UserName is null ? string.Empty : $" ({Describe(options.UserNameSource)})")}");
        output.WriteLine();
        output.WriteLine("This console will become the agent desk: sign in, take calls from the queue, see the caller's record.");
        output.WriteLine("For now it only checks its settings.");
        return ExitCodes.Ok;
    }

    private static string Describe(SettingSource source) => source switch
    {
        SettingSource.Argument => "from the command line",
        SettingSource.Environment => "from the environment",
        _ => "default",
    };
}
