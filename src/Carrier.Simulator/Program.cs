using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Twilio.Protocol;
using Twilio.Protocol.Rest;

namespace Carrier.Simulator;

/// <summary>
/// The carrier simulator as a process of its own (<c>dotnet run --project src/Carrier.Simulator</c>), so that it keeps
/// its record of what it carried while the hub is stopped or killed. Settings, as the hub names them: <c>Urls</c> (its
/// own address, default http://localhost:5090), <c>Twilio:PublicBaseUrl</c> (the hub's address, where webhooks go;
/// default http://localhost:5080), <c>Twilio:AuthToken</c> (signs the webhooks and checks the hub's REST calls;
/// required) and <c>Twilio:AccountSid</c> (default the hub's simulator account). The hub then points
/// <c>Twilio:ApiBaseUrl</c> at <c>{simulator}/simulator</c> with the same account and token.
/// </summary>
internal static class Program
{
    public const string DefaultAccountSid = "AC5eed000000000000000000000000cafe";

    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Host.UseDefaultServiceProvider(options =>
        {
            options.ValidateScopes = true;
            options.ValidateOnBuild = true;
        });
        // The host's request lines carry the query string, where a simulated patient's number travels (/simulator/sms?number=).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Four lines a webhook otherwise (start, send, headers, end): at load the console would cost more than the work.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Services.AddTwilioProtocol();
        builder.Services.AddOptions<TwilioOptions>().PostConfigure(twilio =>
        {
            twilio.AccountSid = string.IsNullOrEmpty(twilio.AccountSid) ? DefaultAccountSid : twilio.AccountSid;
            twilio.PublicBaseUrl ??= "http://localhost:5080";
        });
        builder.Services.AddCarrierSimulator();
        var app = builder.Build();
        app.MapGet("/", () => Results.Redirect(CarrierSimulatorExtensions.PathPrefix + "/phone")).ExcludeFromDescription();
        app.MapCarrierSimulator();
        await app.RunAsync();
        return 0;
    }
}
