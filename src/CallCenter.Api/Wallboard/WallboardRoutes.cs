namespace CallCenter.Api.Wallboard;

/// <summary>Where the wallboard lives: the page, its files and its SignalR hub.</summary>
internal static class WallboardRoutes
{
    public const string Page = "/wallboard";
    public const string Assets = "/wallboard/assets";
    public const string Hub = "/hubs/wallboard";
}
