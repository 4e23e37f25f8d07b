using CallCenter.Core.Ivr.Ports;
using CallCenter.Testing;
using Ivr.Flows.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Ivr.Ports;

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
        Assert.IsType<PatientDirectory>(flow.Patients);
        Assert.IsType<AppointmentBook>(flow.Appointments);
        Assert.IsType<QueueLine>(flow.Queues);
        Assert.IsType<FollowUpTasks>(flow.FollowUps);
        Assert.IsType<FlowMessenger>(flow.Messenger);
        Assert.IsType<SmsInbox>(flow.SmsInbox);
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
