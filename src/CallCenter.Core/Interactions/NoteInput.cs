using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Patients;

namespace CallCenter.Core.Interactions;

/// <summary>A staff note for the timeline.</summary>
public sealed record NoteInput(string? Text);
