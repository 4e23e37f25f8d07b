using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;
using OpenQA.Selenium;

namespace CallCenter.Api.Tests.Browser;

/// <summary>
/// The test phone page in a real browser against a live hub in simulator mode: what hospital staff do to try
/// the hotline. A call placed from the page is answered by the hub; a text sent from it reaches the patient's
/// timeline.
/// </summary>
public sealed class TestPhonePageTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TestPhone_CallAndText_HubAnswersAndRecordsBoth()
    {
        await using var hub = await LiveHub.StartAsync();
        var agent = await hub.Factory.SignInAsAsync(Roles.Agent);
        var number = UniqueData.ChinaMobile();
        var created = await agent.Client.PostAsJsonAsync("/api/patients", new { fullName = "Grace Lee", preferredLanguage = "en-US", phones = new[] { new { number } } });
        var patientId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var browser = HeadlessChromium.Start();

        await browser.Navigate().GoToUrlAsync(new Uri(hub.BaseAddress, "/simulator/phone"));
        var me = browser.FindElement(By.Id("me"));
        me.Clear();
        me.SendKeys(number);
        browser.FindElement(By.Id("call")).Click();

        // The hotline knows her number and speaks her language, but says no name before she has proved who she is
        // (caller ID is easy to forge); the page's keypad answers its menu, and appointments ask for verification.
        await WaitUntilAsync(() => browser.FindElement(By.Id("transcript")).Text.Contains("Hello, welcome", StringComparison.Ordinal));
        Assert.DoesNotContain("Grace", browser.FindElement(By.Id("transcript")).Text, StringComparison.Ordinal);
        browser.FindElements(By.CssSelector("#pad button")).Single(b => b.Text == "1").Click();
        await WaitUntilAsync(() => browser.FindElement(By.Id("transcript")).Text.Contains("medical record number", StringComparison.Ordinal));
        browser.FindElement(By.Id("hangup")).Click();
        await WaitUntilAsync(() => browser.FindElement(By.Id("status")).Text.StartsWith("completed", StringComparison.Ordinal));

        browser.FindElement(By.Id("body")).SendKeys("我想改约 I would like to change my visit");
        browser.FindElement(By.Id("send")).Click();
        await WaitUntilAsync(() => browser.FindElement(By.Id("thread")).Text.Contains("I would like to change my visit", StringComparison.Ordinal));

        await WaitUntilAsync(async () =>
        {
            var timeline = await agent.Client.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/timeline");
            var kinds = timeline.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToList();
            return kinds.Contains("call") && kinds.Contains("sms");
        });
        Assert.Empty(browser.FindElement(By.Id("sms-error")).Text);
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    /// <summary>Polls the page: it refreshes itself every second, as a person would watch it.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"the page did not get there within {Patience}");
            await Task.Delay(200);
        }
    }
}
