using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Notifications.Channels;
using Twilio.Protocol;
using Twilio.Protocol.Rest;

namespace CallCenter.Api.Telephony;

/// <summary>
/// Whether the hub talks to Twilio or to its built-in carrier simulator. Decided once at start-up from
/// configuration. In simulator mode the Twilio settings are filled in so that the simulator and the hub share
/// them: the simulator serves Twilio's REST API under <c>{PublicBaseUrl}/simulator</c> and signs its webhooks
/// with the same token the hub checks, so nothing else in the hub knows which carrier it has.
/// </summary>
internal sealed record CarrierMode(bool IsSimulator)
{
    public const string SimulatorPathPrefix = "/simulator";

    /// <summary>Why a Production hub refuses to pick the simulator by itself; names the settings that fix it.</summary>
    public const string AutoSimulatorInProductionMessage =
        $"{TelephonyOptions.SectionName}:Mode is auto and no Twilio credentials are set ({TwilioOptions.SectionName}:AccountSid and "
        + $"{TwilioOptions.SectionName}:AuthToken, or {TwilioOptions.SectionName}:ApiBaseUrl): in the Production environment the hub "
        + "does not fall back to its built-in carrier simulator, which places calls and reads SMS threads for any client it "
        + $"admits. Set the Twilio credentials, or {TelephonyOptions.SectionName}:Mode=simulator to run the simulator on purpose.";

    public static CarrierMode Decide(IConfiguration configuration, string environmentName)
    {
        var mode = configuration[$"{TelephonyOptions.SectionName}:Mode"] ?? "auto";
        return mode.ToLowerInvariant() switch
        {
            "simulator" => new CarrierMode(true),
            "twilio" => new CarrierMode(false),
            // A configured API base URL names an outside carrier (Twilio, or the simulator run as its own process):
            // the built-in simulator stays off, and missing credentials stop start-up naming the setting.
            "auto" when HasOutsideCarrier(configuration) => new CarrierMode(false),
            // One missing setting in production must not open the simulator to the network: there it is chosen explicitly.
            "auto" when string.Equals(environmentName, Environments.Production, StringComparison.OrdinalIgnoreCase) =>
                throw new InvalidOperationException(AutoSimulatorInProductionMessage),
            "auto" => new CarrierMode(true),
            _ => throw new InvalidOperationException($"{TelephonyOptions.SectionName}:Mode must be auto, twilio or simulator, not '{mode}'."),
        };
    }

    private static bool HasOutsideCarrier(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{TwilioOptions.SectionName}:ApiBaseUrl"])
        || (!string.IsNullOrWhiteSpace(configuration[$"{TwilioOptions.SectionName}:AccountSid"])
            && !string.IsNullOrWhiteSpace(configuration[$"{TwilioOptions.SectionName}:AuthToken"]));
}

internal static class CarrierSetup
{
    /// <summary>The Twilio protocol, pointed at Twilio or at the simulator (see <see cref="CarrierMode"/>).</summary>
    public static IServiceCollection AddCarrier(this IServiceCollection services)
    {
        // Decided from the final configuration (read lazily, so every source, test hosts included, counts).
        services.AddSingleton(sp => CarrierMode.Decide(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().EnvironmentName));
        // Decided when the host starts, so a refused carrier (see CarrierMode.Decide) stops start-up with its message
        // instead of failing the first request that needs it.
        services.AddOptions<TelephonyOptions>().BindConfiguration(TelephonyOptions.SectionName)
            .Validate<CarrierMode>((_, mode) => mode is not null)
            .ValidateOnStart();
        services.AddTwilioProtocol();

        // Made once per process: a random simulator token is stable for the life of the hub.
        var generatedToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        services.AddOptions<TwilioOptions>().PostConfigure<IOptions<TelephonyOptions>, IConfiguration, CarrierMode>((twilio, telephony, config, mode) =>
        {
            twilio.PublicBaseUrl ??= DefaultPublicBaseUrl(config);
            if (mode.IsSimulator)
            {
                twilio.AccountSid = telephony.Value.SimulatorAccountSid;
                twilio.AuthToken = telephony.Value.SimulatorAuthToken is { Length: > 0 } token ? token : generatedToken;
                twilio.ApiKeySid = null;
                twilio.ApiKeySecret = null;
                twilio.ApiBaseUrl = twilio.PublicBaseUrl.TrimEnd('/') + CarrierMode.SimulatorPathPrefix;
            }
        });
        // A sender out of the box in simulator mode, so the outbox sends without any setting; with Twilio none is guessed.
        services.AddOptions<SmsChannelOptions>().PostConfigure<IOptions<TelephonyOptions>, CarrierMode>((sms, telephony, mode) =>
        {
            if (mode.IsSimulator && string.IsNullOrWhiteSpace(sms.From) && string.IsNullOrWhiteSpace(sms.MessagingServiceSid))
            {
                sms.From = telephony.Value.SimulatorNumber;
            }
        });
        services.AddOptions<Notifications.Channels.Voice.VoiceChannelOptions>().PostConfigure<IOptions<TelephonyOptions>, CarrierMode>((voice, telephony, mode) =>
        {
            if (mode.IsSimulator && string.IsNullOrWhiteSpace(voice.From))
            {
                voice.From = telephony.Value.SimulatorNumber;
            }
        });
        return services;
    }

    // Without a configured public URL the hub is its own public address: the first URL it listens on.
    private static string DefaultPublicBaseUrl(IConfiguration configuration) =>
        (configuration["Urls"] ?? configuration["ASPNETCORE_URLS"] ?? "http://localhost:5080")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0]
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal);
}
