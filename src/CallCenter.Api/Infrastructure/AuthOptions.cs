using System.ComponentModel.DataAnnotations;

namespace CallCenter.Api.Infrastructure;

/// <summary>Sign-in tokens and cookies (section <c>Auth</c>).</summary>
internal sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// How long a bearer token stays valid, and the longest a sign-in cookie lasts however busy its user (the cookie also
    /// ends after <see cref="IdleTimeoutMinutes"/> without a request). A desk connection closes when its token ends.
    /// </summary>
    [Range(5, 7 * 24 * 60)]
    public int TokenLifetimeMinutes { get; set; } = 480;

    /// <summary>A sign-in cookie ends after this many minutes without a request from its browser.</summary>
    [Range(1, 24 * 60)]
    public int IdleTimeoutMinutes { get; set; } = 15;

    /// <summary>
    /// How long a process may rely on what it last read of an account (disabled, security stamp) for plain requests, and
    /// how often each process sweeps its live desk connections for accounts ended elsewhere or tokens run out. Hub calls
    /// always read the database.
    /// </summary>
    [Range(1, 300)]
    public int SessionCheckSeconds { get; set; } = 15;

    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    [Range(1, 100_000)]
    public int SignInPermitsPerMinute { get; set; } = 30;

    /// <summary>
    /// Sign-in attempts allowed per user name per minute, from any address: guessing one account's password from many
    /// addresses is slowed as much as from one. Unknown user names are counted the same, so a 429 says nothing about
    /// whether the account exists.
    /// </summary>
    [Range(1, 100_000)]
    public int SignInPermitsPerAccountPerMinute { get; set; } = 10;

    /// <summary>Where the keys that protect tokens and cookies are kept, so sign-ins survive a restart.</summary>
    [Required]
    public string DataProtectionKeysPath { get; set; } = "data/keys";

    /// <summary>
    /// A PKCS#12 (.pfx) certificate with its private key that encrypts the keys in <see cref="DataProtectionKeysPath"/>
    /// before they are written (relative to the content root). Without it the keys are stored in plain XML and the hub
    /// warns at start-up.
    /// </summary>
    public string? DataProtectionCertificatePath { get; set; }

    /// <summary>The password of <see cref="DataProtectionCertificatePath"/>; from a secret store or the environment.</summary>
    public string? DataProtectionCertificatePassword { get; set; }
}
