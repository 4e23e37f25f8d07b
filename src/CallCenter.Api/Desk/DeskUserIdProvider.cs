using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Api.Desk;

/// <summary>Names a connection by the signed-in user's ID, so a push to <c>Clients.User(id)</c> reaches every device they use.</summary>
internal sealed class DeskUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User.FindFirstValue(ClaimTypes.NameIdentifier);
}
