using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;
using OpenQA.Selenium;

namespace CallCenter.Api.Tests.Browser;

/// <summary>
/// TV mode (<c>/wallboard?tv=1</c>) for the read-only wallboard account: large type, no controls, and the tiles
/// rotating from the whole centre through each queue by itself.
/// </summary>
public sealed class WallboardTvTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task TvMode_NoControlsAndRotatesThroughQueues(string engine)
    {
        await using var hub = await LiveHub.StartAsync(engine);
        var wallboard = await hub.CreateUserAsync(Roles.Wallboard);
        using var tv = await WallboardBrowser.OpenAsync(hub.BaseAddress, "?tv=1&lang=en&rotate=3");
        await tv.SignInAsync(wallboard.UserName, WallboardHubData.Password);

        Assert.Contains("tv", tv.Driver.FindElement(By.TagName("body")).GetAttribute("class") ?? string.Empty, StringComparison.Ordinal);
        Assert.False(tv.Driver.FindElement(By.Id("lang-toggle")).Displayed);
        Assert.False(tv.Driver.FindElement(By.Id("queues")).Displayed);
        var shown = new HashSet<string>(StringComparer.Ordinal);
        await WallboardBrowser.UntilAsync(
            () =>
            {
                shown.Add(tv.Text("showing"));
                return shown.Contains("· All queues") && shown.Count >= 3;
            },
            "the centre and two queues in turn");
    }
}
