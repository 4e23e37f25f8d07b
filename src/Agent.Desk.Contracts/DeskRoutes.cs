namespace AgentDesk.Contracts;

/// <summary>Where the desk lives on the hub. Shared so the hub and every client agree.</summary>
public static class DeskRoutes
{
    /// <summary>The SignalR hub path. Clients authenticate with the bearer token from <c>POST /api/auth/token</c>.</summary>
    public const string Hub = "/hubs/desk";
}
