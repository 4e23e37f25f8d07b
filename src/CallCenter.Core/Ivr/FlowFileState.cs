using Ivr.Flows.Validation;

namespace CallCenter.Core.Ivr;

/// <summary>
/// What the hub knows of one flow file: the hash of the content last read, the version serving (maybe an older one
/// when the file's current content was refused), and the errors of the current content.
/// </summary>
public sealed record FlowFileState(string FileName, string ContentHash, ActiveFlow? Active, IReadOnlyList<FlowError> Errors);
