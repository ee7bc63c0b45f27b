using AksPosture.Engine.Rules.Catalog.AzureData;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

public class MonitorMetricsTests
{
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
}
