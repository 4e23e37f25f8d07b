namespace CallCenter.Api.Callbacks;

/// <summary>The body of <c>POST /api/callbacks/{id}/reassign</c>.</summary>
internal sealed record ReassignRequest(Guid? AgentId);
