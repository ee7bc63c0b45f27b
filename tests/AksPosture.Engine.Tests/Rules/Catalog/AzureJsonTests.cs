using AksPosture.Engine.Rules.Catalog;

namespace AksPosture.Engine.Tests.Rules.Catalog;

public class AzureJsonTests
{
    [Theory]
    [InlineData("/subscriptions/s/resourceGroups/rg/providers/X/y/z", "/subscriptions/S/resourcegroups/RG", true)]
    [InlineData("subscriptions/s/resourceGroups/rg", "/subscriptions/s/resourceGroups/rg/", true)]
    [InlineData("/subscriptions/s/resourceGroups/rg-2", "/subscriptions/s/resourceGroups/rg", false)]
    public void IsWithin_Scopes_ComparesSegmentsIgnoringCase(string id, string scope, bool expected)
    {
        Assert.Equal(expected, AzureJson.IsWithin(id, scope));
    }
}
