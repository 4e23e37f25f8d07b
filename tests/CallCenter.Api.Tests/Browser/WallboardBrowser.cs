using System.Diagnostics;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace CallCenter.Api.Tests.Browser;

/// <summary>
/// The wallboard page in a real Chromium against a live hub: signs in through the page's own form and reads what a
/// supervisor would see. <see cref="ShowsWithinAsync"/> polls the page for at most the time the issue allows after a
/// change committed; nothing else here is timed.
/// </summary>
internal sealed class WallboardBrowser : IDisposable
{
    /// <summary>How long a board may take to show a committed change (issue 14).</summary>
    public static readonly TimeSpan Promise = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private WallboardBrowser(ChromeDriver driver) => Driver = driver;

    public ChromeDriver Driver { get; }

    public static async Task<WallboardBrowser> OpenAsync(Uri hub, string query = "?lang=en")
    {
        var browser = new WallboardBrowser(Infrastructure.HeadlessChromium.Start());
        await browser.Driver.Navigate().GoToUrlAsync(new Uri(hub, "/wallboard" + query));
        return browser;
    }

    /// <summary>Signs in with the page's form; returns once the board or an error shows.</summary>
    public async Task SignInAsync(string userName, string password)
    {
        await UntilAsync(() => Driver.FindElement(By.Id("signin")).Displayed, "the sign-in form");
        Driver.FindElement(By.Id("username")).SendKeys(userName);
        Driver.FindElement(By.Id("password")).SendKeys(password);
        Driver.FindElement(By.Id("signin-button")).Click();
        await UntilAsync(() => Driver.FindElement(By.Id("board")).Displayed || Text("signin-error").Length > 0, "the board or a sign-in error");
    }

    public string Text(string id) => Driver.FindElement(By.Id(id)).Text;

    public string Classes(string id) => Driver.FindElement(By.Id(id)).GetAttribute("class") ?? string.Empty;

    /// <summary>The roster's state code for an agent (its row's data-state), or null when the agent is not listed.</summary>
    public string? AgentState(Guid agentId) =>
        Driver.FindElements(By.CssSelector($"#agents tr[data-agent='{agentId}']")).FirstOrDefault()?.GetAttribute("data-state");

    /// <summary>Polls the page until <paramref name="condition"/> holds, failing after <see cref="Promise"/>.</summary>
    public static async Task ShowsWithinAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!Safe(condition))
        {
            Assert.True(clock.Elapsed < Promise, $"the wallboard did not show {what} within {Promise.TotalSeconds:F0} s");
            await Task.Delay(50);
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds, for set-up steps that are not what the test measures.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!Safe(condition))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what} did not happen within {Patience}");
            await Task.Delay(100);
        }
    }

    public void Dispose() => Driver.Quit();

    // The page redraws its tables on every push: an element read a moment ago may be gone.
    private static bool Safe(Func<bool> condition)
    {
        try
        {
            return condition();
        }
        catch (StaleElementReferenceException)
        {
            return false;
        }
    }
}
