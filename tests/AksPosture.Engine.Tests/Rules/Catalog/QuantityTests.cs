using System.Text.Json.Nodes;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Rules.Catalog;

namespace AksPosture.Engine.Tests.Rules.Catalog;

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

    [Theory]
    [InlineData("99999999999999999999E")]
    [InlineData("1e99999999999")]
    public void Parse_BeyondDecimalRange_IsNull(string text)
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

    [Theory]
    [InlineData("250m", 0.25)]
    [InlineData("1.5", 1.5)]
    [InlineData("2", 2)]
    [InlineData("512Mi", 536870912)]
    [InlineData("1Gi", 1073741824)]
    [InlineData("1G", 1e9)]
    [InlineData("128974848", 128974848)]
    [InlineData("1e3", 1000)]
    public void Read_CommonForms_ReadAsNumbers(string quantity, double expected)
    {
        Assert.Equal(expected, Quantity.Read(JsonValue.Create(quantity), "q"));
    }

    [Fact]
    public void Read_Garbage_Unreadable()
    {
        Assert.Throws<UnreadableValueException>(() => Quantity.Read(JsonValue.Create("lots"), "q"));
    }
}
