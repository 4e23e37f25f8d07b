namespace CallCenter.Core.Common;

/// <summary>Phone number handling (section <c>Phone</c>).</summary>
public sealed class PhoneOptions
{
    public const string SectionName = "Phone";

    /// <summary>ISO 3166 region used for numbers typed without a country code. CN by default.</summary>
    public string DefaultRegion { get; set; } = "CN";
}
