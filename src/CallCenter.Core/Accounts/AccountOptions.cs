using System.ComponentModel.DataAnnotations;

namespace CallCenter.Core.Accounts;

/// <summary>Sign-in policy (section <c>Accounts</c>).</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>Failed sign-ins in a row before the account is locked.</summary>
    [Range(1, 100)]
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Minimum password length for new passwords.</summary>
    [Range(8, 128)]
    public int MinPasswordLength { get; set; } = 10;
}
