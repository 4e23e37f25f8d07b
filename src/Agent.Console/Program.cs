using AgentConsole.Startup;

var result = AgentConsoleArguments.Parse(args, Environment.GetEnvironmentVariable);
return ConsoleRunner.Run(result, Console.Out, Console.Error);
