namespace AksPosture.Cli.Tests.Commands;

public class CommandRouterTests
{
    [Fact]
    public void Run_NoArguments_PrintsUsage()
    {
        var run = CliRun.Of();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("aksposture assess", run.Stdout);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("assess", "--colour", "red", "x.json")]
    [InlineData("assess", "x.json", "--format", "xml")]
    [InlineData("assess", "x.json", "--format")]
    [InlineData("assess")]
    [InlineData("rules")]
    public void Run_WrongArguments_ExitsOneWithMessage(params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("aksposture: ", run.Stderr);
        Assert.Contains("--help", run.Stderr);
    }

    [Fact]
    public void Run_Version_PrintsRuleSetVersion()
    {
        var run = CliRun.Of("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(Engine.Rules.RuleCatalog.Version, run.Stdout);
    }
}
