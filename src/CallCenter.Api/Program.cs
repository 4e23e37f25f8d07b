using CallCenter.Api;
using CallCenter.Api.Infrastructure;
using CallCenter.Api.Ivr;
using Serilog;

// Startup errors (a bad setting, a failing migration) reach the console before configuration is read.
Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateLogger();

try
{
    // Commands that do their work and exit, before any web host starts (flows validate).
    if (FlowCli.Matches(args))
    {
        return await FlowCli.MainAsync(args);
    }

    // backup / restore: the hub's services built but not started, on the configured database.
    if (BackupCli.Matches(args))
    {
        var cliBuilder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = BackupCli.SettingArguments(args) });
        cliBuilder.AddCallCenterApi();
        await using var cliApp = cliBuilder.Build();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await BackupCli.RunAsync(args, Console.Out, cliApp.Services.GetRequiredService<CallCenter.Core.Backups.BackupService>, cancel.Token);
    }

    var builder = WebApplication.CreateBuilder(args);
    builder.AddCallCenterApi();

    var app = builder.Build();
    app.UseCallCenterApi();
    app.MapCallCenterEndpoints();

    await app.InitializeAsync(args);
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The hub stopped: {Reason}", ex.Message);
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point; public so the API tests can host it.</summary>
public partial class Program;
