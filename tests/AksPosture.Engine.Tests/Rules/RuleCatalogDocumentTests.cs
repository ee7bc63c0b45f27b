using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Tests.Rules;

public class RuleCatalogDocumentTests
{
    [Fact]
    public void DocsRulesMd_MatchesTheCatalog()
    {
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "rules.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

        // On failure, regenerate with RuleCatalogDocument.RegenerateCommand and commit the result.
        Assert.True(committed == RuleCatalogDocument.Render(), $"docs/rules.md is out of date; run: {RuleCatalogDocument.RegenerateCommand}");
    }

    [Fact]
    public void Render_ListsEveryRuleWithItsMetadata()
    {
        var document = RuleCatalogDocument.Render();

        Assert.All(RuleCatalog.All, rule =>
        {
            Assert.Contains($"### {rule.Definition.Id}", document);
            Assert.Contains(rule.Definition.Rationale, document);
        });
        Assert.Contains($"| **All** | **{RuleCatalog.All.Count}** |", document);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "AksPosture.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("AksPosture.sln was not found above " + AppContext.BaseDirectory);
    }
}
