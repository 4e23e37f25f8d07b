using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Accounts;
using CallCenter.Core.Data;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Browser;

/// <summary>What the wallboard tests set up on a live hub and how they know a change has committed.</summary>
internal static class WallboardHubData
{
    public const string Password = "Password-For-Tests-1";

    private const string EventsSql = "SELECT COUNT(*) FROM queue_event WHERE call_sid = @CallSid AND kind = @Kind";

    public static async Task<UserAccount> CreateUserAsync(this LiveHub hub, string role) =>
        await hub.Factory.Services.GetRequiredService<AccountService>().CreateAsync(UniqueData.Name(role), "Wallboard test " + role, role, Password)
        ?? throw new InvalidOperationException($"Could not create the {role}.");

    /// <summary>Waits until the queue event log has recorded <paramref name="kind"/> for the call: the change committed.</summary>
    public static Task QueueEventAsync(this LiveHub hub, string callSid, string kind) =>
        Polling.UntilAsync(
            async () =>
            {
                await using var connection = await hub.Factory.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
                return await connection.ExecuteScalarAsync<int>(EventsSql, new { CallSid = callSid, Kind = kind });
            },
            n => n > 0,
            $"queue event {kind} of {callSid}");
}
