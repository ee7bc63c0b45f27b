using AksPosture.Web.Components.Shared;
using MudBlazor;

namespace AksPosture.Web.Tests.Components.Shared;

public sealed class ScoreFormatTests
{
    [Theory]
    [InlineData(null, "—")]
    [InlineData(0.0, "0.0")]
    [InlineData(72.45, "72.5")]
    [InlineData(100.0, "100.0")]
    public void Text_Score_OneDecimalOrDash(double? score, string expected)
    {
        Assert.Equal(expected, ScoreFormat.Text(score));
    }

    [Theory]
    [InlineData(null, Color.Default)]
    [InlineData(80.0, Color.Success)]
    [InlineData(79.9, Color.Warning)]
    [InlineData(50.0, Color.Warning)]
    [InlineData(49.9, Color.Error)]
    public void Colour_Score_FollowsTheBands(double? score, Color expected)
    {
        Assert.Equal(expected, ScoreFormat.Colour(score));
    }
}
