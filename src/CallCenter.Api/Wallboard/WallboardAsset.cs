namespace CallCenter.Api.Wallboard;

/// <summary>One file of the wallboard page, as served: its bytes, content type and a version from its content (the ETag).</summary>
internal sealed record WallboardAsset(string Name, byte[] Content, string ContentType, string Version)
{
    public string ETag => $"\"{Version}\"";

    /// <summary>The URL the page loads it from: versioned, so it may be cached for good.</summary>
    public string Url => $"{WallboardRoutes.Assets}/{Name}?v={Version}";
}
