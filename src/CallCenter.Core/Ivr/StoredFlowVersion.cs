namespace CallCenter.Core.Ivr;

/// <summary>A flow version as stored when it was activated: its file's exact content.</summary>
public sealed record StoredFlowVersion
{
    public required string FlowId { get; init; }
    public required string Version { get; init; }
    public required string FileName { get; init; }
    public required string Content { get; init; }
    public DateTime ActivatedAt { get; init; }
}
