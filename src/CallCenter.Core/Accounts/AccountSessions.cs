namespace CallCenter.Core.Accounts;

/// <summary>The claim that ties a token or cookie to the account's sign-out generation.</summary>
public static class AccountSessions
{
    public const string GenerationClaim = "callcenter:session";

    /// <summary>A token without the claim (issued before sign-outs existed) counts as generation 0.</summary>
    public static int ParseGeneration(string? claim) =>
        int.TryParse(claim, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var generation) ? generation : 0;
}
