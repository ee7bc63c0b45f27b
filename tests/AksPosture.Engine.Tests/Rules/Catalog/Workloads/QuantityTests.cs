using System.Text.Json.Nodes;
using AksPosture.Engine.Rules.Catalog.Workloads;

namespace AksPosture.Engine.Tests.Rules.Catalog.Workloads;

public class QuantityTests
{
    [Theory]
    [InlineData("250m", "0.25")]
    [InlineData("1", "1")]
    [InlineData("1.5", "1.5")]
    [InlineData("128Mi", "134217728")]
    [InlineData("2Gi", "2147483648")]
    [InlineData("262144k", "262144000")]
    [InlineData("500M", "500000000")]
    [InlineData("1e3", "1000")]
    [InlineData("1E", "1000000000000000000")]
    [InlineData("100n", "0.0000001")]
    public void Parse_KubernetesSpellings_ReadAsNumbers(string text, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Quantity.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12Qi")]
    [InlineData("1e99")]
    public void Parse_NotAQuantity_IsNull(string text)
    {
        Assert.Null(Quantity.Parse(text));
    }

    [Fact]
    public void Parse_JsonNumber_IsRead()
    {
        Assert.Equal(2m, Quantity.Parse(JsonNode.Parse("2")));
        Assert.Null(Quantity.Parse(JsonNode.Parse("true")));
        Assert.Null(Quantity.Parse((JsonNode?)null));
    }
}
