using AksPosture.Engine.Rules.Catalog.AzureData;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

public class VmSizesTests
{
    [Theory]
    [InlineData("Standard_D4ds_v5", 4)]
    [InlineData("Standard_E16as_v5", 16)]
    [InlineData("Standard_NC6s_v3", 6)]
    [InlineData("Standard_E4-2ds_v5", 2)]
    [InlineData("Standard_DS11_v2", 2)]
    [InlineData("Standard_D13_v2", 8)]
    [InlineData("standard_f8s_v2", 8)]
    public void VCpusFromName_KnownSizes_ReadsTheCount(string size, double expected)
    {
        Assert.Equal(expected, VmSizes.VCpusFromName(size));
    }

    [Fact]
    public void VCpusFromName_NotAnAzureSize_Null()
    {
        Assert.Null(VmSizes.VCpusFromName("custom-size"));
    }

    [Theory]
    [InlineData("Standard_B2s", true)]
    [InlineData("Standard_B16pls_v2", true)]
    [InlineData("Standard_D4ds_v5", false)]
    [InlineData("Standard_DC2s_v3", false)]
    public void IsBurstable_Names_DetectsBSeries(string size, bool expected)
    {
        Assert.Equal(expected, VmSizes.IsBurstable(size));
    }
}
