using CallCenter.Api.Tests.Infrastructure;
using OpenQA.Selenium;

namespace CallCenter.Api.Tests.Browser;

/// <summary>
/// The front door in a real browser, as a newcomer finds it after <c>dotnet run</c>: a page (not a 401) whose links
/// lead to the docs, a doc's links lead to other docs, and the test phone is one click away.
/// </summary>
public sealed class FrontDoorPageTests
{
    [Fact]
    public async Task FrontDoor_LinksLeadToDocsAndTheTestPhone()
    {
        await using var hub = await LiveHub.StartAsync();
        using var browser = HeadlessChromium.Start();

        await browser.Navigate().GoToUrlAsync(hub.BaseAddress);
        Assert.Equal("Patient contact hub", browser.FindElement(By.TagName("h1")).Text);
        var links = browser.FindElements(By.CssSelector("a")).Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(new Uri(hub.BaseAddress, "/openapi/v1.json").ToString(), links);
        Assert.Contains(new Uri(hub.BaseAddress, "/health/ready").ToString(), links);

        browser.FindElement(By.LinkText("Docs")).Click();
        browser.FindElement(By.LinkText("README.md")).Click();
        Assert.Equal("Patient contact hub", browser.FindElement(By.TagName("h1")).Text);
        // A link from the README into docs/ is a link between the hub's pages.
        browser.FindElement(By.CssSelector("a[href='/docs/desk.md']")).Click();
        Assert.EndsWith("/docs/desk.md", browser.Url, StringComparison.Ordinal);
        Assert.NotEmpty(browser.FindElement(By.TagName("h1")).Text);

        await browser.Navigate().GoToUrlAsync(hub.BaseAddress);
        browser.FindElement(By.LinkText("Test phone")).Click();
        Assert.NotNull(browser.FindElement(By.Id("call")));
    }
}
