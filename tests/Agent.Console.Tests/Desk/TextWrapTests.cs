using AgentConsole.Desk;

namespace Agent.Console.Tests.Desk;

public sealed class TextWrapTests
{
    [Fact]
    public void Lines_LongLine_BreaksAtSpacesAndIndentsTheRest()
    {
        var lines = TextWrap.Lines(["Patient: Wang Fang | MRN MRN-0042 | 46y F"], 20);

        Assert.Equal(["Patient: Wang Fang |", "  MRN MRN-0042 | 46y", "  F"], lines);
    }

    [Fact]
    public void Lines_WordLongerThanWidth_IsCut()
    {
        Assert.Equal(["abcdefghij", "  klmnopqr", "  st"], TextWrap.Lines(["abcdefghijklmnopqrst"], 10));
    }

    [Fact]
    public void Lines_ShortLines_StayAsTheyAre()
    {
        Assert.Equal(["one", "", "two"], TextWrap.Lines(["one", "", "two"], 40));
    }
}
