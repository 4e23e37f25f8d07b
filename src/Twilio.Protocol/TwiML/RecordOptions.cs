namespace Twilio.Protocol.TwiML;

/// <summary>The attributes of <c>&lt;Record&gt;</c>, which records the caller (a voicemail) and requests <see cref="Action"/> with the recording.</summary>
public sealed class RecordOptions
{
    public string? Action { get; init; }

    public CallbackMethod? Method { get; init; }

    /// <summary>Longest recording in seconds (Twilio's default 3600).</summary>
    public int? MaxLength { get; init; }

    public bool? PlayBeep { get; init; }

    /// <summary>Seconds of silence that end the recording (Twilio's default 5).</summary>
    public int? Timeout { get; init; }

    public string? FinishOnKey { get; init; }

    public string? RecordingStatusCallback { get; init; }

    internal TwimlNode ToNode() => new TwimlNode("Record")
        .Attribute("action", Action)
        .Attribute("method", TwimlValues.Of(Method))
        .Attribute("maxLength", MaxLength)
        .Attribute("playBeep", PlayBeep)
        .Attribute("timeout", Timeout)
        .Attribute("finishOnKey", FinishOnKey)
        .Attribute("recordingStatusCallback", RecordingStatusCallback);
}
