namespace CallCenter.Core.Ivr.Ports;

/// <summary>The IVR's settings (section <c>Ivr</c>) used by the hub's ports.</summary>
internal sealed class IvrPortOptions
{
    public const string SectionName = "Ivr";

    /// <summary>The number flow SMS are sent from (E.164). Without it, flows cannot send SMS (sends are refused, not thrown).</summary>
    public string? SmsFrom { get; set; }

    /// <summary>How long a patient may answer an appointment or survey SMS.</summary>
    public int ReplyWindowHours { get; set; } = 72;

    public IvrQueueOptions Queues { get; set; } = new();

    /// <summary>Endpoints flows may call by name (<c>Ivr:HttpEndpoints:{name}</c>): URLs and secrets stay here, not in flows.</summary>
    public Dictionary<string, IvrHttpEndpoint> HttpEndpoints { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Section <c>Ivr:Queues</c>.</summary>
internal sealed class IvrQueueOptions
{
    /// <summary>Seconds per caller ahead when no call reached an agent in the last hour to average over.</summary>
    public int DefaultHandleSeconds { get; set; } = 180;
}

/// <summary>One named endpoint: absolute http(s) URL, method (GET or POST) and fixed headers (e.g. an API key).</summary>
internal sealed class IvrHttpEndpoint
{
    public string Url { get; set; } = string.Empty;

    public string Method { get; set; } = "POST";

    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
