using System.Net;
using System.Text;

namespace CallCenter.Api.Home;

/// <summary>The HTML of the front door and of the docs index: plain, small, readable without script.</summary>
internal static class FrontPage
{
    public static string Render(bool simulatorOn, IReadOnlyList<string> docs)
    {
        var body = new StringBuilder()
            .Append("<h1>Patient contact hub</h1>")
            .Append("<p>The hospital's hotline, agent desk and patient messages. This hub is running.</p>")
            .Append("<h2>Try it</h2><ul>");
        if (simulatorOn)
        {
            body.Append(Item("/simulator/phone", "Test phone", "call the hotline and text the hub through the built-in carrier simulator"));
        }
        else
        {
            body.Append("<li>Calls and texts arrive from Twilio (the carrier simulator is off).</li>");
        }

        body.Append("<li>The agent desk: <code>dotnet run --project src/Agent.Console -- --hub-url ")
            .Append("&lt;this hub&gt; --user agent1</code></li></ul>")
            .Append("<h2>For developers and operators</h2><ul>")
            .Append(Item("/openapi/v1.json", "OpenAPI document", "every route under /api (a bearer token from POST /api/auth/token)"))
            .Append(Item("/health/live", "Health: live", "the process answers"))
            .Append(Item("/health/ready", "Health: ready", "it can also reach its database"))
            .Append(Item("/docs", "Docs", $"{docs.Count} pages: configuration, API, IVR flows, the desk, telephony"))
            .Append("</ul>");
        return Layout("Patient contact hub", body.ToString());
    }

    public static string RenderDocsIndex(IReadOnlyList<string> docs)
    {
        var body = new StringBuilder("<p><a href=\"/\">Home</a></p><h1>Docs</h1><ul>");
        foreach (var name in docs)
        {
            body.Append(Item("/docs/" + name, name, description: null));
        }

        return Layout("Docs", body.Append("</ul>").ToString());
    }

    public static string Layout(string title, string body) =>
        $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{WebUtility.HtmlEncode(title)}</title>
        <style>
          body {"{"} font: 16px/1.5 system-ui, "Noto Sans CJK SC", sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1d2733; {"}"}
          a {"{"} color: #0b5cad; {"}"} code, pre {"{"} background: #f2f4f7; border-radius: 4px; padding: 0 .25rem; {"}"}
          pre {"{"} padding: .75rem; overflow-x: auto; {"}"} table {"{"} border-collapse: collapse; {"}"}
          td, th {"{"} border: 1px solid #d0d5dd; padding: .25rem .5rem; vertical-align: top; {"}"}
        </style></head>
        <body>{body}</body></html>
        """;

    private static string Item(string href, string label, string? description) =>
        $"<li><a href=\"{WebUtility.HtmlEncode(href)}\">{WebUtility.HtmlEncode(label)}</a>"
        + (description is null ? string.Empty : ": " + WebUtility.HtmlEncode(description))
        + "</li>";
}
