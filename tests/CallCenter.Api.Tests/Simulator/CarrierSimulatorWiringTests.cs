using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Telephony;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Notifications.Channels;

namespace CallCenter.Api.Tests.Simulator;

public sealed class CarrierSimulatorWiringTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task TestPhone_InSimulatorMode_IsServedAnonymously(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        Assert.True(hub.Services.GetRequiredService<CarrierMode>().IsSimulator);

        using var client = hub.CreateClient();
        using var response = await client.GetAsync("/simulator/phone");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SimulatedRest_WithoutBasicAuth_Answers401WithTwilioError(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        using var client = hub.CreateClient();

        using var response = await client.PostAsync(
            "/simulator/2010-04-01/Accounts/AC5eed000000000000000000000000cafe/Messages.json",
            new FormUrlEncodedContent([new("To", "+8613800138000"), new("From", "+861012345678"), new("Body", "hi")]));
        var error = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(20003, error.GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData(null, null, null, null, true)]
    [InlineData(null, "AC5eed000000000000000000000000cafe", "token", null, false)]
    [InlineData(null, null, null, "http://127.0.0.1:5090/simulator", false)]
    [InlineData("simulator", "AC5eed000000000000000000000000cafe", "token", "http://127.0.0.1:5090/simulator", true)]
    [InlineData("twilio", null, null, null, false)]
    public void Decide_ConfiguredApiBaseUrl_MeansAnOutsideCarrier(string? mode, string? accountSid, string? token, string? apiBaseUrl, bool builtIn)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telephony:Mode"] = mode,
            ["Twilio:AccountSid"] = accountSid,
            ["Twilio:AuthToken"] = token,
            ["Twilio:ApiBaseUrl"] = apiBaseUrl,
        }).Build();

        Assert.Equal(builtIn, CarrierMode.Decide(configuration, Environments.Development).IsSimulator);
    }

    [Theory]
    [InlineData("simulator", null, null, "+861012345678")]
    [InlineData("simulator", "+861099990000", null, "+861099990000")]
    [InlineData("simulator", null, "MG0123456789abcdef0123456789abcdef", null)]
    [InlineData("twilio", null, null, null)]
    public void SmsSender_InSimulatorModeWithoutOne_IsTheSimulatorNumber(string mode, string? from, string? service, string? expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telephony:Mode"] = mode,
            ["Twilio:AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["Twilio:AuthToken"] = "token",
            ["Notifications:Sms:From"] = from,
            ["Notifications:Sms:MessagingServiceSid"] = service,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production }).AddLogging().AddCarrier();
        services.AddOptions<SmsChannelOptions>().BindConfiguration(SmsChannelOptions.SectionName);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(expected, provider.GetRequiredService<IOptions<SmsChannelOptions>>().Value.From);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Hub_InSimulatorMode_HasAnSmsSenderOutOfTheBox(string engine)
    {
        var hub = await fixture.GetAsync(engine);

        Assert.Equal("+861012345678", hub.Services.GetRequiredService<IOptions<SmsChannelOptions>>().Value.From);
    }
}
