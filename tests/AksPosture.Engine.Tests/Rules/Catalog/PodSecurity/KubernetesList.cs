using System.Text.Json.Nodes;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Tests.Fixtures;

namespace AksPosture.Engine.Tests.Rules.Catalog.PodSecurity;

/// <summary>
/// Kubernetes <c>List</c> fixtures cut down or changed for one case. Items are named by their finding key,
/// <c>namespace/Kind/name</c> (<c>Kind/name</c> for cluster-scoped objects).
/// </summary>
internal static class KubernetesList
{
    public static JsonObject Read(string fileName) => Assert.IsType<JsonObject>(JsonNode.Parse(ClusterFixture.Text(fileName)));

    /// <summary>The fixture with only the listed objects.</summary>
    public static JsonObject Only(string fileName, params string[] keys) => Filter(fileName, item => keys.Contains(Key(item)), keys);

    /// <summary>The fixture without the listed objects.</summary>
    public static JsonObject Without(string fileName, params string[] keys) => Filter(fileName, item => !keys.Contains(Key(item)), keys);

    /// <summary>One object of a loaded list, to change in place.</summary>
    public static JsonObject Item(JsonObject list, string key) =>
        Items(list).SingleOrDefault(i => Key(i) == key) ?? throw new ArgumentException($"No object '{key}' in the list.", nameof(key));

    public static IEnumerable<JsonObject> Items(JsonObject list) => Assert.IsType<JsonArray>(list["items"]).OfType<JsonObject>();

    public static string Key(JsonObject item)
    {
        var ns = (string?)item["metadata"]?["namespace"];
        return ns is null ? $"{item["kind"]}/{item["metadata"]?["name"]}" : $"{ns}/{item["kind"]}/{item["metadata"]?["name"]}";
    }

    /// <summary>The object keys of a result's findings, in the order the rule reported them.</summary>
    public static IReadOnlyList<string> ObjectKeys(RuleResult result) => result.ObjectResults.Select(o => o.ObjectKey).ToList();

    public static RuleResult Finding(RuleResult result, string key) => Assert.Single(result.ObjectResults, o => o.ObjectKey == key);

    private static JsonObject Filter(string fileName, Func<JsonObject, bool> keep, string[] keys)
    {
        var list = Read(fileName);
        var items = Items(list).ToList();
        Assert.All(keys, k => Assert.Contains(items, i => Key(i) == k));
        list["items"] = new JsonArray(items.Where(keep).Select(i => i.DeepClone()).ToArray());
        return list;
    }
}
