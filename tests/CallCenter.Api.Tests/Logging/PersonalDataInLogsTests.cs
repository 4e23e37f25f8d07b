using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallCenter.Api.Tests.Logging;

/// <summary>
/// Works with a patient through the API the way an agent would, including failures, then reads every log line
/// the hub wrote: the patient's name, phone numbers, email and notes must appear in none of them.
/// </summary>
public sealed class PersonalDataInLogsTests
{
    [Fact]
    public async Task PatientWork_WritesNoPersonalDataToLogs()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);

        // Information level everywhere, so this proves what the hub would write at its most talkative default.
        await using var hub = new ApiFactory(database, new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Information",
        });
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var phone = UniqueData.ChinaMobile();
        const string name = "欧阳隐私测试";
        const string email = "private.person@example.org";
        const string note = "Allergic to penicillin, secret-note-7731";

        var created = await agent.Client.PostAsJsonAsync("/api/patients", new
        {
            fullName = name,
            email,
            notes = note,
            phones = new[] { new { number = $"{phone[3..6]} {phone[6..10]} {phone[10..]}" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<IdOnly>())!.Id;

        await agent.Client.GetAsync($"/api/patients?name={Uri.EscapeDataString(name)}");
        await agent.Client.GetAsync($"/api/patients?phone={Uri.EscapeDataString(phone)}");
        await agent.Client.GetAsync($"/api/patients/{id}");
        await agent.Client.PostAsJsonAsync($"/api/patients/{id}/notes", new { text = note });
        var refused = await agent.Client.PostAsJsonAsync("/api/patients", new { fullName = name, email = "not-an-email " + email, phones = new[] { new { number = "12" + phone } } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var lines = await ReadLogLinesAsync(hub);

        Assert.Contains(lines, line => line.Contains("/api/patients", StringComparison.Ordinal)); // the log was written
        string[] secrets = [name, phone, phone[3..], email, "secret-note-7731", "penicillin"];
        var leaks = secrets
            .SelectMany(secret => lines.Where(line => line.Contains(secret, StringComparison.OrdinalIgnoreCase)).Select(line => $"{secret} in {line[Math.Max(0, line.IndexOf(secret, StringComparison.OrdinalIgnoreCase) - 300)..]}"))
            .ToList();
        Assert.Empty(leaks);
    }

    private static async Task<IReadOnlyList<string>> ReadLogLinesAsync(ApiFactory hub)
    {
        // Flush by disposing the host's logger factory is not possible mid-test; the file sink writes through.
        hub.Services.GetRequiredService<ILoggerFactory>().CreateLogger("flush").LogInformation("end of test");
        var lines = new List<string>();
        foreach (var file in Directory.EnumerateFiles(hub.LogDirectory, "*.log"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync() is { } line)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private sealed record IdOnly(Guid Id);
}
