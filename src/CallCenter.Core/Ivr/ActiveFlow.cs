using System.Security.Cryptography;
using System.Text;
using Ivr.Flows.Model;

namespace CallCenter.Core.Ivr;

/// <summary>A flow version that answers new calls: the parsed flow, its version id, its file and content.</summary>
public sealed record ActiveFlow(FlowDefinition Flow, string Version, string FileName, DateTimeOffset ActivatedAt, string Content)
{
    /// <summary>The version id of a file's content: the first 12 hex digits of its SHA-256.</summary>
    public static string VersionOf(string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..12];
}
