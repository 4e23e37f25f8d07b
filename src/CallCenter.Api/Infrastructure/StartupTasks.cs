namespace CallCenter.Api.Infrastructure;

/// <summary>Optional work selected by command-line switches or settings (the demo seeder, later flow checks).</summary>
internal static class StartupTasks
{
    public static Task RunStartupTasksAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        return Task.CompletedTask;
    }
}
