using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Readme.Tests;

/// <summary>
/// The README followed as a newcomer follows it, on a throw-away data folder and a free port: its first command
/// starts the hub (launch settings and all) and names the admin account; its quick start seeds demo data and its
/// commands get a token, search patients and list free slots; a simulated call hears the greeting and a texted HELP
/// is answered; every hub URL the README names answers; the Outbound section books a demo patient for tomorrow, the
/// confirmation request reaches the simulator's phone, a "1" from it confirms the appointment, and an admin lists the
/// jobs and runs one. When a README command changes, this test runs the new one.
/// </summary>
public sealed class ReadmeSmokeTests(ITestOutputHelper output) : IDisposable
{
    private const string ReadmePort = "localhost:5080";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _data = Directory.CreateTempSubdirectory("callcenter-readme-").FullName;
    private readonly ReadmeDocument _readme = ReadmeDocument.Load();

    [Fact]
    public async Task Readme_FollowedAsWritten_HubStartsAndQuickStartWorks()
    {
        var port = ShellHub.FreePort();

        var firstCommand = _readme.Commands("Two commands")[0];
        Assert.Equal("dotnet run --project src/CallCenter.Api", firstCommand);
        string adminPassword;
        await using (var hub = ShellHub.Start(firstCommand, _data, port))
        {
            await ReadyOrFailAsync(hub);
            var printed = Regex.Match(string.Join('\n', hub.Output), "First start: created user 'admin' with password: (?<password>\\S+)");
            Assert.True(printed.Success, "The first start did not name the admin account.");
            adminPassword = printed.Groups["password"].Value;
            await ReadmeUrlsAnswerAsync(hub);
        }

        // The quick start restarts the same hub on the same data folder, now with demo data.
        var quickStart = _readme.Commands("Quick start with demo data");
        Assert.Matches(@"^CALLCENTER_ADMIN_PASSWORD=\S+ CALLCENTER_DEMO_PASSWORD=\S+ dotnet run --project src/CallCenter.Api -- --seed-demo$", quickStart[0]);
        await using (var hub = ShellHub.Start(quickStart[0], _data, port))
        {
            await ReadyOrFailAsync(hub);
            await QuickStartCommandsWorkAsync(hub, quickStart.Skip(1).ToList());
            await SimulatedCallHearsTheGreetingAsync(hub);
            await TextedHelpIsAnsweredAsync(hub);
            await OutboundWorksAsync(hub, adminPassword);
            await WallboardWorksAsync(hub);
        }

        // What the hub keeps went to the throw-away folder the documented settings named.
        Assert.True(File.Exists(Path.Combine(_data, "callcenter.db")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_data, "keys")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_data, "logs")));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be closing; a temp folder left behind is harmless.
        }
    }

    private async Task ReadyOrFailAsync(ShellHub hub)
    {
        var clock = Stopwatch.StartNew();
        await hub.WaitUntilReadyAsync();
        output.WriteLine($"{hub.BaseAddress} ready after {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Every <c>http://localhost:5080/...</c> the README names answers 200, and so does every page the docs index links.</summary>
    private async Task ReadmeUrlsAnswerAsync(ShellHub hub)
    {
        using var browser = new HttpClient { BaseAddress = hub.BaseAddress };
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var paths = _readme.HubUrls(ReadmePort);
        Assert.Contains("/", paths);
        Assert.Contains("/health/ready", paths);
        var docsIndex = await browser.GetStringAsync(new Uri("/docs", UriKind.Relative));
        var docPages = Regex.Matches(docsIndex, "href=\"(/docs/[^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("/docs/README.md", docPages);
        foreach (var path in paths.Concat(docPages))
        {
            using var response = await browser.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        }

        output.WriteLine($"answered 200: {string.Join(", ", paths.Concat(docPages))}");

        // The front door is a page for people; the API still refuses anyone without a token.
        using var front = await browser.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal("text/html", front.Content.Headers.ContentType?.MediaType);
        using var api = await browser.GetAsync(new Uri("/api/patients", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    /// <summary>
    /// Runs the quick start's example commands in one shell, as pasted, on this hub's port. Each command's output is
    /// followed by a marker line so the answers can be told apart.
    /// </summary>
    private async Task QuickStartCommandsWorkAsync(ShellHub hub, IReadOnlyList<string> commands)
    {
        const string Marker = "@@@readme-command-done";
        var script = "set -euo pipefail\n" + string.Join('\n', commands.Select(c =>
            c.Replace(ReadmePort, $"localhost:{hub.BaseAddress.Port}", StringComparison.Ordinal) + $"\necho; echo {Marker}"));
        script += "\necho \"token length ${#TOKEN}\"";
        var (exitCode, stdout, stderr) = await Shell.RunAsync(script);
        Assert.True(exitCode == 0, $"The quick start's commands failed ({exitCode}):\n{stderr}\n{stdout}");
        var answers = stdout.Split(Marker).Select(a => a.Trim()).ToList();
        output.WriteLine(string.Join("\n---\n", answers.Select(a => a.Length > 300 ? a[..300] + "..." : a)));

        Assert.Contains(commands, c => c.StartsWith("TOKEN=", StringComparison.Ordinal));
        Assert.Matches(@"token length (\d{2,})", answers[^1]);
        var patients = Answer(answers, commands, "/api/patients?name=%E7%8E%8B");
        Assert.NotEmpty(patients.GetProperty("items").EnumerateArray());
        Assert.All(patients.GetProperty("items").EnumerateArray(), p => Assert.Contains("王", p.GetProperty("fullName").GetString(), StringComparison.Ordinal));
        var slots = Answer(answers, commands, "/api/slots?onlyFree=true");
        Assert.NotEmpty(slots.GetProperty("items").EnumerateArray());
    }

    /// <summary>
    /// Runs the Outbound section's commands in one shell, as pasted. The admin password is the one this hub printed on
    /// its first start (the README names both: the quick start's, or the printed one), put where the README has its
    /// example. Fails if the confirmation request never reaches the phone, the "1" does not confirm, or the jobs API
    /// does not answer as the README says.
    /// </summary>
    private async Task OutboundWorksAsync(ShellHub hub, string adminPassword)
    {
        const string Marker = "@@@readme-command-done";
        const string ExamplePassword = "\"password\":\"choose-a-long-one\"";
        var commands = _readme.Commands("Outbound");
        Assert.Contains(commands, c => c.Contains(ExamplePassword, StringComparison.Ordinal));
        // No pipefail, as in a newcomer's terminal: "curl | grep -q" may end curl early once grep has its match.
        var script = "set -eu\n" + string.Join('\n', commands.Select(c =>
            c.Replace(ReadmePort, $"localhost:{hub.BaseAddress.Port}", StringComparison.Ordinal)
             .Replace(ExamplePassword, $"\"password\":\"{adminPassword}\"", StringComparison.Ordinal) + $"\necho; echo {Marker}"));
        var (exitCode, stdout, stderr) = await Shell.RunAsync(script);
        Assert.True(exitCode == 0, $"The Outbound commands failed ({exitCode}):\n{stderr}\n{stdout}");
        var answers = stdout.Split(Marker).Select(a => a.Trim()).ToList();
        output.WriteLine(string.Join("\n---\n", answers.Select(a => a.Length > 600 ? a[..600] + "..." : a)));

        string AnswerTo(string prefix)
        {
            var index = commands.ToList().FindIndex(c => c.StartsWith(prefix, StringComparison.Ordinal));
            Assert.True(index >= 0, $"The Outbound section no longer has a command starting '{prefix}'; change this test with it.");
            return answers[index];
        }

        var thread = JsonDocument.Parse(AnswerTo("curl -s -G localhost:5080/simulator/sms")).RootElement;
        Assert.Contains(Messages(thread), body => body.Contains("回复1确认", StringComparison.Ordinal) || body.Contains("Reply 1 to confirm", StringComparison.Ordinal));
        var appointment = JsonDocument.Parse(AnswerTo("curl -s localhost:5080/api/appointments/")).RootElement;
        Assert.Equal("confirmed", appointment.GetProperty("status").GetString());
        var jobs = JsonDocument.Parse(AnswerTo("curl -s localhost:5080/api/jobs")).RootElement;
        Assert.Contains(jobs.EnumerateArray(), j => j.GetRawText().Contains("no-show-marking", StringComparison.Ordinal));
        Assert.Equal("202", AnswerTo("curl -s -o /dev/null -w"));
    }

    /// <summary>
    /// Runs the Wallboard section's commands as pasted: three simulated calls press 1 at the language menu and 0 at the
    /// next one (in or out of the hotline's hours, both keys are taken, each at its own menu). Then signs in as the
    /// README says, with the cookie the page uses, and the wallboard hub admits the supervisor.
    /// </summary>
    private async Task WallboardWorksAsync(ShellHub hub)
    {
        var commands = _readme.Commands("The wallboard: what supervisors watch");
        var script = "set -eu\n" + string.Join('\n', commands.Select(c => c.Replace(ReadmePort, $"localhost:{hub.BaseAddress.Port}", StringComparison.Ordinal)));
        var (exitCode, stdout, stderr) = await Shell.RunAsync(script);
        Assert.True(exitCode == 0, $"The Wallboard commands failed ({exitCode}):\n{stderr}\n{stdout}");
        output.WriteLine(stdout);
        var pressed = Regex.Matches(stdout, @"^(CA[0-9a-f]{32}) ([10]) 202$", RegexOptions.Multiline);
        Assert.Equal(6, pressed.Count);

        // Each call heard the language menu take 1 and a second menu take 0: the keys were not pressed into one menu.
        using var phone = new HttpClient { BaseAddress = hub.BaseAddress };
        foreach (var callSid in pressed.Select(m => m.Groups[1].Value).Distinct())
        {
            await EventuallyAsync(async () =>
            {
                using var call = JsonDocument.Parse(await phone.GetStringAsync(new Uri($"/simulator/calls/{callSid}", UriKind.Relative)));
                var gathered = call.RootElement.GetProperty("transcript").EnumerateArray()
                    .Where(t => t.GetProperty("kind").GetString() == "gathered")
                    .Select(t => t.GetProperty("text").GetString())
                    .ToList();
                return gathered.SequenceEqual(["1", "0"]) ? gathered : null;
            });
        }

        using var cookies = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = hub.BaseAddress };
        using var page = await cookies.GetAsync(new Uri("/wallboard?tv=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var signIn = await cookies.PostAsJsonAsync("/api/auth/login", new { userName = "supervisor1", password = "demo-password-1" });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        using var negotiate = await cookies.PostAsync(new Uri("/hubs/wallboard/negotiate?negotiateVersion=1", UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
    }

    private async Task SimulatedCallHearsTheGreetingAsync(ShellHub hub)
    {
        using var phone = new HttpClient { BaseAddress = hub.BaseAddress };
        var call = JsonDocument.Parse(_readme.JsonBodyAfter("POST /simulator/calls")).RootElement;
        using var placed = await phone.PostAsJsonAsync("/simulator/calls", call);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var callSid = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("callSid").GetString();

        var transcript = await EventuallyAsync(async () =>
        {
            var state = await phone.GetFromJsonAsync<JsonElement>($"/simulator/calls/{callSid}");
            var said = string.Join('\n', state.GetProperty("transcript").EnumerateArray()
                .Where(e => e.GetProperty("kind").GetString() == "say").Select(e => e.GetProperty("text").GetString()));
            return said.Contains("欢迎致电医院患者服务中心", StringComparison.Ordinal)
                || said.Contains("welcome to the hospital patient service centre", StringComparison.Ordinal) ? said : null;
        });
        output.WriteLine($"the call heard: {transcript}");
        await phone.PostAsync(new Uri($"/simulator/calls/{callSid}/hangup", UriKind.Relative), content: null);
    }

    private async Task TextedHelpIsAnsweredAsync(ShellHub hub)
    {
        using var phone = new HttpClient { BaseAddress = hub.BaseAddress };
        var call = JsonDocument.Parse(_readme.JsonBodyAfter("POST /simulator/calls")).RootElement;
        var from = call.GetProperty("from").GetString()!;
        var to = call.GetProperty("to").GetString()!;
        using var sent = await phone.PostAsJsonAsync("/simulator/sms", new { from, to, body = "HELP" });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);

        var reply = await EventuallyAsync(async () =>
        {
            var thread = await phone.GetFromJsonAsync<JsonElement>($"/simulator/sms?number={Uri.EscapeDataString(from)}");
            return Messages(thread).FirstOrDefault(body =>
                body.Contains("回复STOP退订", StringComparison.Ordinal) || body.Contains("STOP to unsubscribe", StringComparison.Ordinal));
        });
        output.WriteLine($"HELP was answered: {reply}");
    }

    private static IEnumerable<string> Messages(JsonElement thread) =>
        thread.EnumerateArray().Select(m => m.GetProperty("body").GetString() ?? string.Empty);

    private static JsonElement Answer(List<string> answers, IReadOnlyList<string> commands, string url)
    {
        var index = commands.ToList().FindIndex(c => c.Contains(url, StringComparison.Ordinal));
        Assert.True(index >= 0, $"The quick start no longer has a command for {url}; change this test with it.");
        return JsonDocument.Parse(answers[index]).RootElement;
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Not seen within {Patience.TotalSeconds} s.");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}
