namespace AgentConsole.Startup;

/// <summary>What the console does with its parsed settings; separate from Program so it can be tested.</summary>
internal static class ConsoleRunner
{
    public static int Run(ParseResult result, TextWriter output, TextWriter error, Func<AgentConsoleOptions, int> runDesk)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(runDesk);

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

        return runDesk(options);
    }
}
