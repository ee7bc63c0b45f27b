using AksPosture.Engine.Rules.Catalog;

namespace AksPosture.Engine.Tests.Rules.Catalog;

public class VmSizesTests
{
    [Theory]
    [InlineData("Standard_D4ps_v5", true)]
    [InlineData("Standard_D4pds_v5", true)]
    [InlineData("Standard_E4ps_v5", true)]
    [InlineData("Standard_D8plds_v6", true)]
    [InlineData("Standard_E4-2ps_v5", true)]
    [InlineData("standard_d4ps_v5", true)]
    [InlineData("Standard_D4ds_v5", false)]
    [InlineData("Standard_B2s", false)]
    [InlineData("Standard_NC4as_T4_v3", false)]
    [InlineData("Standard_NP10s", false)]
    public void IsArm64_FeatureLetterP_MarksArm(string size, bool arm64)
    {
        Assert.Equal(arm64, VmSizes.IsArm64(size));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Custom_Arm")]
    [InlineData("D4ps_v5")]
    public void IsArm64_UnparseableName_IsUnknown(string? size)
    {
        Assert.Null(VmSizes.IsArm64(size));
    }

    [Theory]
    [InlineData("Standard_NC6s_v3", true)]
    [InlineData("Standard_ND96asr_v4", true)]
    [InlineData("Standard_NV36ads_A10_v5", true)]
    [InlineData("Standard_NC24ads_A100_v4", true)]
    [InlineData("Standard_D4s_v5", false)]
    [InlineData("Standard_L8s_v3", false)]
    [InlineData(null, false)]
    public void IsAccelerated_NSeries_IsAccelerated(string? size, bool accelerated)
    {
        Assert.Equal(accelerated, VmSizes.IsAccelerated(size));
    }

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
