using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Accounts;

/// <summary>
/// On the first start (no accounts at all) creates the <c>admin</c> account. Its password comes from
/// <c>CALLCENTER_ADMIN_PASSWORD</c> when set; otherwise a random one is written once to the console.
/// There is never a fixed default.
/// </summary>
public sealed class AdminBootstrapper(IUserRepository users, AccountService accounts, ILogger<AdminBootstrapper> logger)
{
    public const string PasswordVariable = "CALLCENTER_ADMIN_PASSWORD";
    public const string AdminUserName = "admin";

    /// <summary>Returns the generated password when one was generated (for the console), else null.</summary>
    public async Task<string?> EnsureAdminAsync(string? configuredPassword, TextWriter console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (await users.AnyAsync(cancellationToken))
        {
            return null;
        }

        var generated = string.IsNullOrEmpty(configuredPassword);
        var password = generated ? AccountService.GeneratePassword() : configuredPassword!;
        if (!generated && accounts.CheckPasswordStrength(password) is { } reason)
        {
            throw new InvalidOperationException($"{PasswordVariable} {reason}.");
        }

        var admin = await accounts.CreateAsync(AdminUserName, "Administrator", Roles.Admin, password, cancellationToken);
        if (admin is null)
        {
            return null; // Another hub process created it first.
        }

        logger.LogInformation("Created the first admin account {UserName}", AdminUserName);
        if (generated)
        {
            // Deliberately the console and not the log: the password must not end up in log files.
            await console.WriteLineAsync($"""

                ==== First start: created user '{AdminUserName}' with password: {password}
                ==== It is shown only this once. Set {PasswordVariable} to choose it yourself.

                """);
            return password;
        }

        return null;
    }
}
