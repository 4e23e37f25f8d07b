using Twilio.Protocol.TwiML;

namespace Twilio.Protocol.Rest;

/// <summary>
/// Changes a live call: redirect it to new TwiML (<see cref="Url"/> or <see cref="Twiml"/>), or end it
/// (<see cref="Status"/>). Exactly one of the three.
/// </summary>
public sealed record UpdateCallRequest
{
    public string? Url { get; init; }

    public CallbackMethod? Method { get; init; }

    public string? Twiml { get; init; }

    public CallEndStatus? Status { get; init; }

    public static UpdateCallRequest RedirectTo(string url) => new() { Url = url };

    public static UpdateCallRequest Hangup() => new() { Status = CallEndStatus.Completed };

    public static UpdateCallRequest Cancel() => new() { Status = CallEndStatus.Canceled };

    internal IReadOnlyList<KeyValuePair<string, string>> ToForm(Func<string, string, string> resolveUrl)
    {
        RestChecks.ExactlyOne((nameof(Url), Url), (nameof(Twiml), Twiml), (nameof(Status), Status?.ToString()));
        RestChecks.That(
            Twiml is not { Length: > CreateCallRequest.MaxTwimlLength },
            nameof(Twiml),
            $"Twiml is longer than {CreateCallRequest.MaxTwimlLength} characters; serve it from a Url instead.");

        return new RestForm(resolveUrl)
            .Url("Url", Url)
            .Add("Method", Method)
            .Add("Twiml", Twiml)
            .Add("Status", Status switch
            {
                null => null,
                CallEndStatus.Completed => "completed",
                _ => "canceled",
            })
            .Fields;
    }
}
