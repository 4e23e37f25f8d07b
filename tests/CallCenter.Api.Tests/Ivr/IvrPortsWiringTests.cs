using CallCenter.Api.Ivr.Ports;
using CallCenter.Testing;
using Ivr.Flows.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Api.Tests.Ivr;

public sealed class IvrPortsWiringTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider _time = new(IvrPortServices.Now);

    [Fact]
    public async Task AddIvrPorts_FlowServices_HoldsTheHubPortsAndClock()
    {
        var settings = new Dictionary<string, string?> { ["Ivr:HttpEndpoints:his:Url"] = "https://his.example/api" };
        await using var services = IvrPortServices.Create(await fixture.GetAsync(TestEngines.Sqlite), _time, settings);

        var flow = services.GetRequiredService<FlowServices>();

        Assert.Same(_time, flow.Time);
        Assert.IsType<HubPatientDirectory>(flow.Patients);
        Assert.IsType<HubAppointmentDesk>(flow.Appointments);
        Assert.IsType<HubQueueDesk>(flow.Queues);
        Assert.IsType<HubFollowUpDesk>(flow.FollowUps);
        Assert.IsType<HubFlowMessenger>(flow.Messenger);
        Assert.IsType<HubSmsInbox>(flow.SmsInbox);
        Assert.Equal(new HashSet<string> { "his" }, flow.Http.EndpointNames);
        var options = services.GetRequiredService<IOptions<IvrPortOptions>>().Value;
        Assert.Equal(("POST", 72, 180), (options.HttpEndpoints["his"].Method, options.ReplyWindowHours, options.Queues.DefaultHandleSeconds));
    }

    [Theory]
    [InlineData("Ivr:HttpEndpoints:his:Url", "not a url", "Ivr:HttpEndpoints:his:Url")]
    [InlineData("Ivr:HttpEndpoints:his:Method", "DELETE", "Ivr:HttpEndpoints:his:Method")]
    [InlineData("Ivr:ReplyWindowHours", "0", "Ivr:ReplyWindowHours")]
    [InlineData("Ivr:Queues:DefaultHandleSeconds", "-5", "Ivr:Queues:DefaultHandleSeconds")]
    public async Task Options_BadSetting_FailNamingIt(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { ["Ivr:HttpEndpoints:his:Url"] = "https://his.example/api", [key] = value };
        await using var services = IvrPortServices.Create(await fixture.GetAsync(TestEngines.Sqlite), _time, settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<IvrPortOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
