using System.ComponentModel.DataAnnotations;

namespace CallCenter.Api.Infrastructure;

/// <summary>Sign-in tokens and cookies (section <c>Auth</c>).</summary>
internal sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>How long a bearer token or sign-in cookie stays valid.</summary>
    [Range(5, 7 * 24 * 60)]
    public int TokenLifetimeMinutes { get; set; } = 480;

    /// <summary>Where the keys that protect tokens and cookies are kept, so sign-ins survive a restart.</summary>
    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    [Range(1, 100_000)]
    public int SignInPermitsPerMinute { get; set; } = 30;

    [Required]
    public string DataProtectionKeysPath { get; set; } = "data/keys";
}
