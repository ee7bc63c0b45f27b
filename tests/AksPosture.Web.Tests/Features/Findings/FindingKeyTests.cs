using AksPosture.Web.Features.Findings;

namespace AksPosture.Web.Tests.Features.Findings;

public sealed class FindingKeyTests
{
    [Theory]
    [InlineData("")]
    [InlineData("payments/Deployment/api")]
    [InlineData("Namespace/kube-system")]
    [InlineData("naïve/ünïcode/name with spaces")]
    public void ToString_ThenTryParse_ReturnsTheSameKeyWithoutCharactersThatNeedEscaping(string objectKey)
    {
        var key = new FindingKey(Guid.NewGuid(), "AKS-SEC-01", objectKey);

        var text = key.ToString();

        Assert.True(FindingKey.TryParse(text, out var parsed));
        Assert.Equal(key, parsed);
        Assert.Equal(text, Uri.EscapeDataString(text));
    }

    [Fact]
    public void ToString_ClusterLevelFinding_HasNoTrailingSegment()
    {
        var key = new FindingKey(Guid.Parse("0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9"), "AKS-REL-02", "");

        Assert.Equal("0b1c2d3e4f5046178293a4b5c6d7e8f9.AKS-REL-02", key.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0b1c2d3e4f5046178293a4b5c6d7e8f9")]
    [InlineData("0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9.AKS-REL-02")]
    [InlineData("0b1c2d3e4f5046178293a4b5c6d7e8f9..")]
    [InlineData("0b1c2d3e4f5046178293a4b5c6d7e8f9.AKS-REL-02.")]
    [InlineData("0b1c2d3e4f5046178293a4b5c6d7e8f9.AKS-REL-02.not base64!")]
    [InlineData("0b1c2d3e4f5046178293a4b5c6d7e8f9.A.B.C")]
    public void TryParse_Malformed_ReturnsFalse(string text) => Assert.False(FindingKey.TryParse(text, out _));

    [Fact]
    public void AuditId_JoinsTheCompositeKeyWithSlashes()
    {
        var id = Guid.NewGuid();

        Assert.Equal($"{id}/AKS-SEC-01/payments/Deployment/api", new FindingKey(id, "AKS-SEC-01", "payments/Deployment/api").AuditId);
    }
}
