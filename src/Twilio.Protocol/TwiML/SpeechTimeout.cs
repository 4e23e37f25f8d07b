using System.Globalization;

namespace Twilio.Protocol.TwiML;

/// <summary>The <c>speechTimeout</c> of a <c>&lt;Gather&gt;</c>: whole seconds of silence, or <c>auto</c>.</summary>
public readonly record struct SpeechTimeout
{
    private SpeechTimeout(string value) => Value = value;

    /// <summary>Twilio decides when the caller has finished speaking.</summary>
    public static SpeechTimeout Auto { get; } = new("auto");

    public string Value { get; }

    public static SpeechTimeout Seconds(int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        return new(seconds.ToString(CultureInfo.InvariantCulture));
    }

    public override string ToString() => Value;
}
