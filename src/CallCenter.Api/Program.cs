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
