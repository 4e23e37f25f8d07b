
namespace CallCenter.Core.Queues;

/// <summary>A field of a queue's settings (named as in the API's JSON) and why it is not acceptable.</summary>
public sealed record QueueFieldError(string Field, string Reason);
