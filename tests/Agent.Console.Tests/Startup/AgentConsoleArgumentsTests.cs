using AgentConsole.Startup;

namespace Agent.Console.Tests.Startup;

public sealed class AgentConsoleArgumentsTests
{
    private static ParseResult Parse(string[] args, Dictionary<string, string>? environment = null) =>
        AgentConsoleArguments.Parse(args, name => environment?.GetValueOrDefault(name));

    [Fact]
    public void Parse_NothingGiven_UsesDefaultHubAndNoUser()
    {
        var result = Parse([]);

        Assert.True(result.IsValid);
        Assert.Equal(new Uri("http://localhost:5080"), result.Options!.HubUrl);
        Assert.Equal(SettingSource.Default, result.Options.HubUrlSource);
        Assert.Null(result.Options.UserName);
        Assert.False(result.Options.ShowHelp);
    }

    [Theory]
    [InlineData("--hub-url", "https://hub.example.org:8443/")]
    [InlineData("--hub-url=https://hub.example.org:8443/")]
    public void Parse_HubUrlArgument_IsUsed(params string[] args)
    {
        var result = Parse(args);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(new Uri("https://hub.example.org:8443/"), result.Options!.HubUrl);
        Assert.Equal(SettingSource.Argument, result.Options.HubUrlSource);
    }

    [Fact]
    public void Parse_EnvironmentOnly_IsUsed()
    {
        var result = Parse([], new() { [AgentConsoleArguments.HubUrlVariable] = "http://10.0.0.5:5080", [AgentConsoleArguments.UserVariable] = "agent.li" });

        Assert.True(result.IsValid);
        Assert.Equal(new Uri("http://10.0.0.5:5080"), result.Options!.HubUrl);
        Assert.Equal(SettingSource.Environment, result.Options.HubUrlSource);
        Assert.Equal("agent.li", result.Options.UserName);
        Assert.Equal(SettingSource.Environment, result.Options.UserNameSource);
    }

    [Fact]
    public void Parse_ArgumentAndEnvironment_ArgumentWins()
    {
        var result = Parse(
            ["--hub-url", "http://from-args:5080", "--user=from_args"],
            new() { [AgentConsoleArguments.HubUrlVariable] = "http://from-env:5080", [AgentConsoleArguments.UserVariable] = "from_env" });

        Assert.Equal(new Uri("http://from-args:5080"), result.Options!.HubUrl);
        Assert.Equal("from_args", result.Options.UserName);
        Assert.Equal(SettingSource.Argument, result.Options.UserNameSource);
    }

    [Fact]
    public void Parse_BlankEnvironmentVariable_IsIgnored()
    {
        var result = Parse([], new() { [AgentConsoleArguments.HubUrlVariable] = "  " });

        Assert.True(result.IsValid);
        Assert.Equal(AgentConsoleOptions.DefaultHubUrl, result.Options!.HubUrl);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("localhost:5080")]
    [InlineData("ftp://hub.example.org")]
    [InlineData("/relative/path")]
    [InlineData("http://hub.example.org/?x=1")]
    public void Parse_BadHubUrlArgument_ErrorNamesOptionAndValue(string url)
    {
        var result = Parse(["--hub-url", url]);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("--hub-url", error, StringComparison.Ordinal);
        Assert.Contains($"'{url}'", error, StringComparison.Ordinal);
        Assert.Contains("http or https", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadHubUrlInEnvironment_ErrorNamesVariable()
    {
        var result = Parse([], new() { [AgentConsoleArguments.HubUrlVariable] = "nonsense" });

        var error = Assert.Single(result.Errors);
        Assert.StartsWith(AgentConsoleArguments.HubUrlVariable, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("two words")]
    [InlineData("名字")]
    public void Parse_BadUserName_ErrorNamesOption(string user)
    {
        var result = Parse(["--user", user]);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("--user", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--hub-url")]
    [InlineData("--user")]
    public void Parse_OptionWithoutValue_SaysItNeedsOne(string option)
    {
        var result = Parse([option]);

        Assert.Equal($"{option} needs a value.", Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_OptionFollowedByAnotherOption_SaysItNeedsAValue()
    {
        var result = Parse(["--user", "--hub-url", "http://x:1"]);

        Assert.Contains("--user needs a value.", result.Errors);
    }

    [Fact]
    public void Parse_OptionTwice_IsAnError()
    {
        var result = Parse(["--user", "one_user", "--user", "two_user"]);

        Assert.Contains("--user is given more than once.", result.Errors);
    }

    [Fact]
    public void Parse_UnknownOption_IsNamed()
    {
        var result = Parse(["--colour", "blue"]);

        Assert.Contains(result.Errors, e => e.Contains("'--colour'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--password", "secret")]
    [InlineData("--password=secret")]
    public void Parse_Password_IsRefused(params string[] args)
    {
        var result = Parse(args);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Passwords are not taken on the command line", error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public void Parse_Help_ShowsHelpEvenWithOtherMistakes(string help)
    {
        var result = Parse(["--hub-url", "bad", help]);

        Assert.True(result.IsValid);
        Assert.True(result.Options!.ShowHelp);
    }

    [Fact]
    public void Parse_IdleLock_DefaultsTo15Minutes_ArgumentBeatsEnvironment()
    {
        var byDefault = Parse([]);
        var byEnvironment = Parse([], new() { [AgentConsoleArguments.IdleLockVariable] = "5" });
        var byArgument = Parse(["--idle-lock-minutes=30"], new() { [AgentConsoleArguments.IdleLockVariable] = "5" });

        Assert.Equal(TimeSpan.FromMinutes(15), byDefault.Options!.IdleLock);
        Assert.Equal(TimeSpan.FromMinutes(5), byEnvironment.Options!.IdleLock);
        Assert.Equal(TimeSpan.FromMinutes(30), byArgument.Options!.IdleLock);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1441")]
    [InlineData("ten")]
    public void Parse_IdleLockOutOfRange_NamesTheOption(string minutes)
    {
        var result = Parse(["--idle-lock-minutes", minutes]);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.StartsWith("--idle-lock-minutes", StringComparison.Ordinal) && e.Contains("1 to 1440", StringComparison.Ordinal));
    }
}
