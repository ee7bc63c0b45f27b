using System.Text.Json.Nodes;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Rules.Catalog.PodSecurity;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;
using static AksPosture.Engine.Tests.Rules.Catalog.PodSecurity.KubernetesList;
using static AksPosture.Engine.Tests.Rules.Catalog.PodSecurity.SnapshotBundleFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.PodSecurity;

/// <summary>AKS-SEC-05 and the image reference parsing it relies on.</summary>
public class SupplyChainRuleTests
{
    private static JsonNode Plan(string tier) => JsonNode.Parse($$"""
        { "id": "/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Security/pricings/Containers",
          "name": "Containers", "type": "Microsoft.Security/pricings", "properties": { "pricingTier": "{{tier}}" } }
        """)!;

    [Fact]
    public void Sec05_ImagesFromDockerHub_FailNamingEachContainer()
    {
        var result = Of(Load(MostlyCompliant)).WithKubernetes(Violations).Evaluate("AKS-SEC-05");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(["shop/Deployment/hub-image"], ObjectKeys(result));
        var finding = Finding(result, "shop/Deployment/hub-image");
        Assert.Equal("Container 'app' runs 'docker.io/library/nginx:1.27' from docker.io; container 'wait' runs 'busybox:1.36' from docker.io.", finding.Message);
        Assert.Contains(new Evidence("shop/Deployment/hub-image: containers[wait].image", "\"busybox:1.36\""), finding.Evidence);
    }

    [Fact]
    public void Sec05_AllowedRegistriesWithoutDefenderData_IsManual()
    {
        var result = Of(Load(MostlyCompliant)).WithKubernetes(Clean).Evaluate("AKS-SEC-05");

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("CI/CD", result.Message);
        Assert.Contains(new Evidence("kubernetes.images", "3 container image(s) in 3 user workload(s); 0 workload(s) use other registries"), result.Evidence);
        Assert.Contains(new Evidence("azure.defenderPlan", null), result.Evidence);
    }

    [Fact]
    public void Sec05_DefenderStandard_IsManualForPipelineScanning()
    {
        var result = Of(Load(MostlyCompliant)).WithKubernetes(Clean).WithDataSet("defenderPlan", Plan("Standard")).Evaluate("AKS-SEC-05");

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains(new Evidence("azure.defenderPlan.properties.pricingTier", "Standard"), result.Evidence);
    }

    [Fact]
    public void Sec05_DefenderFree_Warns()
    {
        var result = Of(Load(MostlyCompliant)).WithKubernetes(Clean).WithDataSet("defenderPlan", Plan("Free")).Evaluate("AKS-SEC-05");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("'Free'", result.Message);
    }

    [Fact]
    public void Sec05_RegistryAddedToAllowList_IsNoLongerAFinding()
    {
        var settings = AssessmentSettings.Default with { AllowedRegistries = ["*.azurecr.io", "mcr.microsoft.com", "docker.io"] };

        var result = Of(Load(MostlyCompliant)).WithKubernetes(Violations).Evaluate("AKS-SEC-05", settings);

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains(new Evidence("settings.allowedRegistries", "*.azurecr.io, mcr.microsoft.com, docker.io"), result.Evidence);
    }

    [Fact]
    public void Sec05_NoUserContainers_IsNotApplicable()
    {
        var result = Of(Load(MostlyCompliant)).WithKubernetes(Only(Clean, "kube-system/DaemonSet/azure-cns")).Evaluate("AKS-SEC-05");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
    }

    [Theory]
    [InlineData("nginx", "docker.io")]
    [InlineData("library/nginx:1.27", "docker.io")]
    [InlineData("bitnami/redis@sha256:0123", "docker.io")]
    [InlineData("index.docker.io/library/nginx", "docker.io")]
    [InlineData("contosoprod.azurecr.io/shop/web:2.3.1", "contosoprod.azurecr.io")]
    [InlineData("MCR.Microsoft.com/dotnet/aspnet:9.0", "mcr.microsoft.com")]
    [InlineData("localhost:5000/tools/debug", "localhost:5000")]
    [InlineData("ghcr.io/org/app:1", "ghcr.io")]
    public void RegistryHost_ImageReference_ResolvesLikeTheRuntime(string image, string host)
    {
        Assert.Equal(host, ContainerImages.RegistryHost(image));
    }

    [Theory]
    [InlineData("contosoprod.azurecr.io", "*.azurecr.io", true)]
    [InlineData("azurecr.io", "*.azurecr.io", false)]
    [InlineData("evilazurecr.io", "*.azurecr.io", false)]
    [InlineData("mcr.microsoft.com", "MCR.microsoft.com", true)]
    public void Matches_HostPattern_ComparesSuffixOrExactHost(string host, string pattern, bool expected)
    {
        Assert.Equal(expected, ContainerImages.Matches(host, pattern));
    }
}
