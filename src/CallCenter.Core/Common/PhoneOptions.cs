namespace CallCenter.Core.Common;

/// <summary>Phone number handling (section <c>Phone</c>).</summary>
public sealed class PhoneOptions
{
    public const string SectionName = "Phone";

    /// <summary>ISO 3166 region used for numbers typed without a country code. CN by default.</summary>
    public string DefaultRegion { get; set; } = "CN";

    /// <summary>
    /// ISO 3166 regions the hub may call out to (transfers, callbacks, agents' phones): a toll fraud guard. Empty means
    /// <see cref="DefaultRegion"/> only.
    /// </summary>
    public string[] DialRegions { get; set; } = [];

    /// <summary>E.164 prefixes never dialled even inside <see cref="DialRegions"/> (e.g. "+86168"), beyond the premium-rate ranges refused always.</summary>
    public string[] DialBlockedPrefixes { get; set; } = [];
}
