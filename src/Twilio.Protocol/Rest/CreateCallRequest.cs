using Twilio.Protocol.TwiML;

namespace Twilio.Protocol.Rest;

/// <summary>An outbound call. Exactly one of <see cref="Url"/>, <see cref="Twiml"/> or <see cref="ApplicationSid"/> says what the call does.</summary>
public sealed record CreateCallRequest
{
    /// <summary>Twilio refuses TwiML passed inline above this length.</summary>
    public const int MaxTwimlLength = 4000;

    public required string To { get; init; }

    public required string From { get; init; }

    /// <summary>Where Twilio fetches the call's TwiML; relative URLs resolve against the public base URL.</summary>
    public string? Url { get; init; }

    public CallbackMethod? Method { get; init; }

    /// <summary>The call's TwiML inline, e.g. <c>new VoiceResponse()...ToXml()</c>.</summary>
    public string? Twiml { get; init; }

    public string? ApplicationSid { get; init; }

    public string? StatusCallback { get; init; }

    /// <summary>Progress events to report; Twilio reports only completed when empty.</summary>
    public IReadOnlyList<CallProgressEvent> StatusCallbackEvent { get; init; } = [];

    public CallbackMethod? StatusCallbackMethod { get; init; }

    public MachineDetection? MachineDetection { get; init; }

    /// <summary>Seconds to ring before giving up: 1 to 600 (Twilio's default 60).</summary>
    public int? Timeout { get; init; }

    internal IReadOnlyList<KeyValuePair<string, string>> ToForm(Func<string, string, string> resolveUrl)
    {
        RestChecks.Required(To, nameof(To));
        RestChecks.Required(From, nameof(From));
        RestChecks.ExactlyOne((nameof(Url), Url), (nameof(Twiml), Twiml), (nameof(ApplicationSid), ApplicationSid));
        RestChecks.That(Twiml is not { Length: > MaxTwimlLength }, nameof(Twiml), $"Twiml is longer than {MaxTwimlLength} characters; serve it from a Url instead.");
        RestChecks.That(Timeout is null or (>= 1 and <= 600), nameof(Timeout), "Timeout must be between 1 and 600 seconds.");

        return new RestForm(resolveUrl)
            .Add("To", To)
            .Add("From", From)
            .Url("Url", Url)
            .Add("Method", Method)
            .Add("Twiml", Twiml)
            .Add("ApplicationSid", ApplicationSid)
            .Url("StatusCallback", StatusCallback)
            .AddEach("StatusCallbackEvent", StatusCallbackEvent.Select(Name))
            .Add("StatusCallbackMethod", StatusCallbackMethod)
            .Add("MachineDetection", MachineDetection switch
            {
                null => null,
                Rest.MachineDetection.Enable => "Enable",
                _ => "DetectMessageEnd",
            })
            .Add("Timeout", Timeout)
            .Fields;
    }

    private static string Name(CallProgressEvent progress) => progress switch
    {
        CallProgressEvent.Initiated => "initiated",
        CallProgressEvent.Ringing => "ringing",
        CallProgressEvent.Answered => "answered",
        _ => "completed",
    };
}
