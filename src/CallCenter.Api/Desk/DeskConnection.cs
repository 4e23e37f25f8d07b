using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Api.Desk;

/// <summary>One live desk connection: who, under which security stamp it signed in, and when its token runs out.</summary>
internal sealed record DeskConnection(Guid UserId, HubCallerContext Context, int Stamp, DateTimeOffset? ExpiresAt);
