using AksPosture.Engine.Rules.Catalog.Workloads;

namespace AksPosture.Engine.Tests.Rules.Catalog.Workloads;

public class ImageReferenceTests
{
    [Theory]
    [InlineData("nginx", "docker.io/library/nginx:latest")]
    [InlineData("redis:7.2.4", "docker.io/library/redis:7.2.4")]
    [InlineData("bitnami/redis:7", "docker.io/bitnami/redis:7")]
    [InlineData("docker.io/library/redis:7.2.4", "docker.io/library/redis:7.2.4")]
    [InlineData("contosoprod.azurecr.io/shop/storefront:2.14.1", "contosoprod.azurecr.io/shop/storefront:2.14.1")]
    [InlineData("MCR.Microsoft.com/azurelinux/base/core:3.0", "mcr.microsoft.com/azurelinux/base/core:3.0")]
    [InlineData("localhost:5000/app", "localhost:5000/app:latest")]
    [InlineData("redis@sha256:e4da3b7f", "docker.io/library/redis@sha256:e4da3b7f")]
    [InlineData("contoso.azurecr.io/app:1.0@sha256:abc", "contoso.azurecr.io/app:1.0@sha256:abc")]
    public void Normalise_AnySpelling_MatchesTheRuntimeSpelling(string image, string expected)
    {
        Assert.Equal(expected, ImageReference.Normalise(image));
    }
}
