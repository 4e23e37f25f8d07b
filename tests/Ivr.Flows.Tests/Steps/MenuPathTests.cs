using Ivr.Flows.Execution;
using Ivr.Flows.Steps;
using Ivr.Flows.Tests.Support;

namespace Ivr.Flows.Tests.Steps;

public sealed class MenuPathTests
{
    private const string Loop = """
        {
          "id": "t", "languages": ["en-US"], "start": "menu",
          "steps": [
            { "id": "menu", "type": "menu", "prompt": { "en-US": "Press 1 or 2" }, "options": { "1": "menu", "2": "menu" } }
          ]
        }
        """;

    [Fact]
    public async Task CallerCirclingAMenu_KeepsOnlyTheLatestKeys()
    {
        var run = await FlowRun.Of(Loop).StartAsync();
        for (var press = 0; press < MenuStep.MaxPathKeys + 8; press++)
        {
            await run.PressAsync(press % 2 == 0 ? "1" : "2");
        }

        var path = run.Variable(FlowVariables.MenuPath).AsList();
        Assert.Equal(MenuStep.MaxPathKeys, path.Length);
        Assert.Equal("2", path[^1]);
        Assert.True(run.Session.Trace.Count <= FlowEngine.MaxTraceEntries);
    }
}
