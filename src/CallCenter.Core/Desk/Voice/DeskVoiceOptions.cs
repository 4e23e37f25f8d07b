namespace CallCenter.Core.Desk.Voice;

/// <summary>Settings of the desk's voice path (section <c>DeskVoice</c>).</summary>
public sealed class DeskVoiceOptions
{
    public const string SectionName = "DeskVoice";

    /// <summary>
    /// The hotline number (E.164): caller ID of callbacks and of dialled agents and outside numbers. When empty, the
    /// number the caller dialled is used, which on Twilio is the hub's own number.
    /// </summary>
    public string? HotlineNumber { get; set; }

    /// <summary>Hold music played to a caller on hold or back in line; when empty, they hear pauses between messages.</summary>
    public string? HoldMusicUrl { get; set; }

    /// <summary>Seconds the agent's endpoint rings before the caller goes back in line.</summary>
    [System.ComponentModel.DataAnnotations.Range(5, 120)]
    public int AgentRingSeconds { get; set; } = 20;
}
