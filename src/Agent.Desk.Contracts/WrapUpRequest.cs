namespace AgentDesk.Contracts;

/// <summary>
/// Disposition: one of the hub's codes (see <see cref="DeskSnapshot.Dispositions"/>). Notes go to the patient's timeline.
/// With the complaint disposition (<see cref="DeskSnapshot.ComplaintDisposition"/>) the agent may choose the case's
/// category and severity (<see cref="DeskSnapshot.ComplaintCategories"/>, <see cref="DeskSnapshot.ComplaintSeverities"/>);
/// left out, the hub's defaults apply.
/// </summary>
public sealed record WrapUpRequest(string CallSid, string Disposition, string? Notes = null, string? ComplaintCategory = null, string? ComplaintSeverity = null);
