using AksPosture.Web.Features.Findings;
using AksPosture.Web.Tests.Infrastructure;

namespace AksPosture.Web.Tests.Features.Findings;

public sealed class FindingExportTests
{
    [Fact]
    public void Header_HasEveryFieldOfTheListInItsOrder()
    {
        var fields = typeof(FindingView).GetConstructors().Single().GetParameters().Select(p => char.ToLowerInvariant(p.Name![0]) + p.Name[1..]);

        Assert.Equal(fields, FindingExport.Header.Split(','));
    }

    [Fact]
    public void CsvLine_CommasQuotesAndFormulas_AreQuotedAndDefused()
    {
        var finding = Finding(owner: "=HYPERLINK(\"http://evil\")", objectKey: "ns/Deployment/a,b");

        var cells = RemediationClient.ParseCsv(FindingExport.Header + "\r\n" + FindingExport.CsvLine(finding))[1];
        var byName = FindingExport.Header.Split(',').Zip(cells).ToDictionary(p => p.First, p => p.Second);

        Assert.Equal("'=HYPERLINK(\"http://evil\")", byName["owner"]);
        Assert.Equal("ns/Deployment/a,b", byName["objectKey"]);
        Assert.Equal("2026-11-02T09:00:00Z", byName["firstSeenAt"]);
        Assert.Equal("2026-12-31", byName["dueAt"]);
        Assert.Equal("", byName["resolvedAt"]);
        Assert.Equal("true", byName["overdue"]);
    }

    private static FindingView Finding(string owner, string objectKey)
    {
        var seen = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        return new FindingView(
            Guid.NewGuid(), "aks-1", "/subscriptions/x/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-1", "x",
            "AKS-SEC-01", objectKey, "security", "high", "FAIL", "open", seen, seen, null, null, 0, false, "k", "Title", "production",
            owner, new DateOnly(2026, 12, 31), "todo", null, 0, true);
    }
}
