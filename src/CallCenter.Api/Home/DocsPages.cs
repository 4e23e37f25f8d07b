using System.Collections.Frozen;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CallCenter.Api.Home;

/// <summary>
/// The README and docs/*.md, shipped beside the hub, rendered once to HTML. Links between them become links between
/// pages; a link to another file of the repository (DEVELOPERS.md, a source folder) becomes its path in text.
/// </summary>
internal sealed class DocsPages(FrozenDictionary<string, string> pages)
{
    public const string FolderName = "docs";
    private const string ReadmeName = "README.md";

    // Raw HTML in the markdown is shown as text: the pages carry no markup of their own.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    public IReadOnlyList<string> Names { get; } = [.. pages.Keys.Order(StringComparer.Ordinal)];

    public string? Find(string name) => pages.GetValueOrDefault(name);

    public static DocsPages Load(string folder)
    {
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.md").ToDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal)
            : [];
        var names = files.Keys.ToHashSet(StringComparer.Ordinal);
        return new DocsPages(files.ToFrozenDictionary(
            file => file.Key,
            file => Render(file.Key, file.Value, names),
            StringComparer.Ordinal));
    }

    private static string Render(string name, string markdown, IReadOnlySet<string> served)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        // The README sits at the repository's root and the rest in docs/: links are relative to those places.
        var home = name == ReadmeName ? string.Empty : FolderName + "/";
        foreach (var link in document.Descendants<LinkInline>().Where(l => !l.IsImage).ToList())
        {
            if (link.Url is { } url && IsRelative(url))
            {
                Relink(link, home, url, served);
            }
        }

        var title = document.Descendants<HeadingBlock>().FirstOrDefault()?.Inline?.FirstChild?.ToString() ?? name;
        return FrontPage.Layout(title, "<p><a href=\"/\">Home</a> · <a href=\"/docs\">Docs</a></p>" + document.ToHtml(Pipeline));
    }

    private static void Relink(LinkInline link, string home, string url, IReadOnlySet<string> served)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var (path, anchor) = hash < 0 ? (url, string.Empty) : (url[..hash], url[hash..]);
        if (path.Length == 0)
        {
            return; // An anchor on the same page.
        }

        var inRepository = Path.GetRelativePath("/repo", Path.GetFullPath(Path.Combine("/repo", home, path))).Replace('\\', '/');
        var page = inRepository == ReadmeName ? ReadmeName
            : inRepository.StartsWith(FolderName + "/", StringComparison.Ordinal) ? inRepository[(FolderName.Length + 1)..]
            : null;
        if (page is not null && served.Contains(page))
        {
            link.Url = $"/{FolderName}/{page}{anchor}";
            return;
        }

        // Not a page of the hub: say where it is in the repository instead of linking nowhere.
        link.ReplaceBy(new CodeInline(inRepository) { Delimiter = '`', DelimiterCount = 1 }, copyChildren: false);
    }

    private static bool IsRelative(string url) =>
        !url.StartsWith('/') && !Uri.TryCreate(url, UriKind.Absolute, out _);
}
