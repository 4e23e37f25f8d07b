using AgentConsole.Startup;
using AgentConsole.Ui;

var result = AgentConsoleArguments.Parse(args, Environment.GetEnvironmentVariable);
return ConsoleRunner.Run(result, Console.Out, Console.Error, DeskApp.Run);
