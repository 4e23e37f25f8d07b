using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Accounts;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Browser;

/// <summary>
/// A queue's threshold colours the wallboard: with the general queue's critical waiting count set to one through the
/// queue settings API, the first call that waits turns the waiting tile and the queue's row red within 2 s; the
/// service-level tile, with no threshold reached, stays as it was.
/// </summary>
public sealed class WallboardThresholdTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task WaitingReachesCriticalThreshold_TileTurnsRed(string engine)
    {
        await using var hub = await LiveHub.StartAsync(engine);
        var data = await HotlineData.SignInAsync(hub.Factory);
        var number = UniqueData.ChinaMobile();
        await data.AddPatientAsync("Grace Lee", number, "en-US", UniqueData.Mrn());
        var admin = await hub.Factory.SignInAsAsync(Roles.Admin);
        var set = await admin.Client.PutAsJsonAsync("/api/queues/general", new { thresholds = new { waitingCritical = 1 } });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var supervisor = await hub.CreateUserAsync(Roles.Supervisor);
        using var board = await WallboardBrowser.OpenAsync(hub.BaseAddress);
        await board.SignInAsync(supervisor.UserName, WallboardHubData.Password);
        await WallboardBrowser.UntilAsync(() => board.Text("value-waiting") == "0", "an empty board");
        Assert.DoesNotContain("level-", board.Classes("tile-waiting"), StringComparison.Ordinal);

        using var carrier = hub.CreateHttpClient();
        var phone = await SimulatedPhone.CallAsync(carrier, number);
        await phone.PressAsync("0");
        await hub.QueueEventAsync(phone.CallSid, "entered");

        await WallboardBrowser.ShowsWithinAsync(() => board.Classes("tile-waiting").Contains("level-critical", StringComparison.Ordinal), "the waiting tile red");
        Assert.DoesNotContain("level-", board.Classes("tile-service-level"), StringComparison.Ordinal);
        var row = board.Driver.FindElement(OpenQA.Selenium.By.CssSelector("#queues tr[data-queue='general'] td:nth-child(2)"));
        Assert.Contains("level-critical", row.GetAttribute("class") ?? string.Empty, StringComparison.Ordinal);
    }
}
