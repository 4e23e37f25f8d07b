namespace CallCenter.Core.Calls;

public static class CallEventSources
{
    public const string VoiceRequest = "voice-request";
    public const string StatusCallback = "status-callback";
}
