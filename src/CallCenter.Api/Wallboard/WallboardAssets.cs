using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace CallCenter.Api.Wallboard;

/// <summary>
/// The wallboard page's files, embedded in the hub at build (CallCenter.Api.csproj): the page, its script and style, and
/// the SignalR browser client bundled from npm. The page names each file with its content's version.
/// </summary>
internal sealed class WallboardAssets
{
    public const string PageName = "wallboard.html";
    private const string ResourcePrefix = "wallboard/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, WallboardAsset> _files;

    private WallboardAssets(FrozenDictionary<string, WallboardAsset> files, WallboardAsset page)
    {
        _files = files;
        Page = page;
    }

    public WallboardAsset Page { get; }

    public WallboardAsset? Find(string name) => _files.GetValueOrDefault(name);

    public static WallboardAssets Load()
    {
        var assembly = typeof(WallboardAssets).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => Asset(n[ResourcePrefix.Length..], Read(assembly, n)))
            .Where(a => a.Name != PageName)
            .ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);
        foreach (var needed in new[] { "wallboard.js", "wallboard.css", "signalr.min.js" })
        {
            if (!files.ContainsKey(needed))
            {
                throw new InvalidOperationException($"The wallboard's {needed} is missing from the hub's assembly; build CallCenter.Api again.");
            }
        }

        // The page names its files as {asset:name}; each becomes the file's versioned URL.
        var template = Encoding.UTF8.GetString(Read(assembly, ResourcePrefix + PageName));
        var html = files.Values.Aggregate(template, (page, asset) => page.Replace("{asset:" + asset.Name + "}", asset.Url, StringComparison.Ordinal));
        return new WallboardAssets(files, Asset(PageName, Encoding.UTF8.GetBytes(html)));
    }

    private static WallboardAsset Asset(string name, byte[] content) =>
        new(name, content, ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream"),
            Convert.ToHexStringLower(SHA256.HashData(content))[..16]);

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The wallboard's {resource} is missing from the hub's assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
