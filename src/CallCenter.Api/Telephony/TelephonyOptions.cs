namespace CallCenter.Api.Telephony;

/// <summary>Which carrier the hub talks to (section <c>Telephony</c>).</summary>
internal sealed class TelephonyOptions
{
    public const string SectionName = "Telephony";

    /// <summary>
    /// <c>auto</c> (default): the carrier at <c>Twilio:ApiBaseUrl</c> (default Twilio's) when <c>Twilio:AccountSid</c>
    /// and <c>Twilio:AuthToken</c> are set or <c>Twilio:ApiBaseUrl</c> is (the simulator run as its own process), else
    /// the built-in carrier simulator. <c>twilio</c> (any outside carrier) or <c>simulator</c> force one.
    /// </summary>
    public string Mode { get; set; } = "auto";

    /// <summary>The account SID the simulator plays (any AC + 32 hex digits).</summary>
    public string SimulatorAccountSid { get; set; } = "AC5eed000000000000000000000000cafe";

    /// <summary>The simulator's auth token; when empty a random one is made at each start.</summary>
    public string? SimulatorAuthToken { get; set; }

    /// <summary>
    /// Twilio webhooks accepted per minute from one address before 429. Generous: one call makes several
    /// requests (voice, IVR steps, status callbacks) and Twilio sends them from a few addresses.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int WebhookPermitsPerMinute { get; set; } = 6000;
}
