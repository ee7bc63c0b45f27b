using System.Text.Json.Nodes;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Rules.Catalog.AzureData;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

public class AzureDataHelpersTests
{
    [Theory]
    [InlineData("250m", 0.25)]
    [InlineData("1.5", 1.5)]
    [InlineData("2", 2)]
    [InlineData("512Mi", 536870912)]
    [InlineData("1Gi", 1073741824)]
    [InlineData("1G", 1e9)]
    [InlineData("128974848", 128974848)]
    [InlineData("1e3", 1000)]
    public void KubernetesQuantity_CommonForms_ReadAsNumbers(string quantity, double expected)
    {
        Assert.Equal(expected, KubernetesQuantity.Read(JsonValue.Create(quantity), "q"));
    }

    [Fact]
    public void KubernetesQuantity_Garbage_Unreadable()
    {
        Assert.Throws<UnreadableValueException>(() => KubernetesQuantity.Read(JsonValue.Create("lots"), "q"));
    }

    [Fact]
    public void P95_TwentyValues_IsTheNineteenth()
    {
        Assert.Equal(43, MonitorMetrics.P95([.. Enumerable.Range(25, 20).Select(v => (double)v).Reverse()]));
    }

    [Fact]
    public void P95_OneValue_IsThatValue()
    {
        Assert.Equal(7, MonitorMetrics.P95([7]));
    }

    [Theory]
    [InlineData("/subscriptions/s/resourceGroups/rg/providers/X/y/z", "/subscriptions/S/resourcegroups/RG", true)]
    [InlineData("subscriptions/s/resourceGroups/rg", "/subscriptions/s/resourceGroups/rg/", true)]
    [InlineData("/subscriptions/s/resourceGroups/rg-2", "/subscriptions/s/resourceGroups/rg", false)]
    public void IsWithin_Scopes_ComparesSegmentsIgnoringCase(string id, string scope, bool expected)
    {
        Assert.Equal(expected, AzureJson.IsWithin(id, scope));
    }
}
