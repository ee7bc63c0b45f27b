using System.Text.Json.Nodes;
using AksPosture.Engine.Rules.Catalog;

namespace AksPosture.Engine.Tests.Rules.Catalog;

public class JsonTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"True\"", true)]
    [InlineData("\"FALSE\"", false)]
    [InlineData("\"yes\"", null)]
    [InlineData("1", null)]
    [InlineData("{}", null)]
    public void Flag_BooleansAndTheirSpellings_ReadOrNull(string json, bool? expected)
    {
        Assert.Equal(expected, Json.Flag(JsonNode.Parse(json)));
    }

    [Fact]
    public void Text_WrongKind_ReadsAsAbsent()
    {
        Assert.Equal("a", Json.Text(JsonValue.Create("a")));
        Assert.Null(Json.Text(JsonNode.Parse("1")));
        Assert.Null(Json.Text(new JsonObject()));
    }

    [Fact]
    public void Objects_NotAnArray_ReadsAsEmpty()
    {
        Assert.Empty(Json.Objects(JsonValue.Create("x")));
        Assert.Single(Json.Objects(JsonNode.Parse("""[{"a": 1}, "b", 2]""")));
    }
}
