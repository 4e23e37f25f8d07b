namespace Carrier.Simulator;

/// <summary>
/// Settings of the carrier simulator (section <c>CarrierSimulator</c>). The account, token and URLs it plays
/// Twilio with come from <see cref="Twilio.Protocol.Rest.TwilioOptions"/>, shared with the hub.
/// </summary>
internal sealed class CarrierSimulatorOptions
{
    public const string SectionName = "CarrierSimulator";

    /// <summary>Whether the simulator answers at all; false when the hub talks to the real Twilio.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Whether clients on other machines may use the simulator's pages and APIs. False (default): only loopback
    /// clients (and in-process test servers) are answered; any other address gets 404, as for an unknown path.
    /// </summary>
    public bool AllowRemoteClients { get; set; }

    /// <summary>Calls kept in memory (the REST Calls list, the test phone's history); the oldest go first.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int MaxStoredCalls { get; set; } = 10_000;

    /// <summary>SMS kept in memory (the REST Messages list, the test phone's threads); the oldest go first.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int MaxStoredMessages { get; set; } = 100_000;

    /// <summary>Per-number settings kept in memory (how a phone answers, opt-outs), each; the oldest go first.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int MaxStoredPhones { get; set; } = 10_000;

    /// <summary>How long calls, messages and a phone's answer setting are kept; opt-outs are kept until the count cap.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan StoredItemMaxAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The hub's voice webhook (the phone number's "A call comes in" URL), relative to the public base URL.</summary>
    public string VoicePath { get; set; } = "/twilio/voice";

    /// <summary>The phone number's call status callback URL, relative to the public base URL.</summary>
    public string VoiceStatusPath { get; set; } = "/twilio/voice/status";

    /// <summary>The phone number's "A message comes in" URL, relative to the public base URL.</summary>
    public string SmsPath { get; set; } = "/twilio/sms";

    /// <summary>Progress events reported for inbound calls (completed is always reported).</summary>
    public IList<string> InboundStatusCallbackEvents { get; } = ["ringing", "answered", "completed"];

    /// <summary>How long a waiting caller stays between two requests of the Enqueue waitUrl.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an answered far end of a Dial talks before it hangs up.</summary>
    public TimeSpan FarEndTalkTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a dialled client (the simulated agent's phone) stays on the call once connected, unless the caller's call
    /// is hung up or redirected first (a hold, a transfer, the agent's hang-up through the hub).
    /// </summary>
    public TimeSpan AgentTalkTime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Message creates accepted per second before the REST API answers 429 with Retry-After, as Twilio throttles a
    /// sender; null (default) for no limit. Changeable while running through <c>PUT /simulator/limits</c>.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int? MessageCreatesPerSecond { get; set; }

    /// <summary>A guard against redirect loops: a call that fetches more TwiML documents than this is ended.</summary>
    public int MaxDocumentsPerCall { get; set; } = 500;
}
