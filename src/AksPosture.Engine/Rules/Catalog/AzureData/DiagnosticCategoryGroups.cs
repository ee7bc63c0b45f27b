using System.Text.Json.Nodes;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>
/// Which log categories each category group holds, from the <c>diagnosticCategories</c> data set (spec §3.3:
/// <c>value[].name</c>, <c>properties.categoryType</c>, <c>properties.categoryGroups</c>). A diagnostic setting that
/// enables a group (<c>allLogs</c>, <c>audit</c>) collects exactly these categories; AKS does not document the members,
/// so they are taken from Azure's answer rather than assumed.
/// </summary>
internal sealed class DiagnosticCategoryGroups
{
    private static readonly string[] None = [];
    private readonly Dictionary<string, List<string>> _members = new(StringComparer.OrdinalIgnoreCase);

    private DiagnosticCategoryGroups()
    {
    }

    public static DiagnosticCategoryGroups Read(JsonNode? data)
    {
        var groups = new DiagnosticCategoryGroups();
        foreach (var category in AzureJson.Items(data))
        {
            // Metric categories are not enabled through logs[], so their groups (if any) do not apply.
            if (AzureJson.Text(category, "properties.categoryType") is { } type && !string.Equals(type, "Logs", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = AzureJson.Text(category, "name");
            if (name is not { Length: > 0 })
            {
                continue;
            }

            foreach (var group in AzureJson.TextList(category, "properties.categoryGroups"))
            {
                if (group.Length == 0)
                {
                    continue;
                }

                if (!groups._members.TryGetValue(group, out var members))
                {
                    groups._members[group] = members = [];
                }

                members.Add(name);
            }
        }

        return groups;
    }

    /// <summary>The log categories of a group; none when Azure lists no category in it.</summary>
    public IReadOnlyList<string> Members(string group) => _members.TryGetValue(group, out var members) ? members : None;
}
