using System.Text;
using System.Text.Json;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Web.Features.Fleet;

/// <summary>
/// A snapshot as the snapshot bundle the engine reads (<c>kind: AksPostureSnapshot</c>): the ARM resource with its
/// Kubernetes objects, Azure data sets and collection problems, so a run re-assessing stored snapshots judges
/// exactly what the first assessment saw.
/// </summary>
public static class SnapshotDocument
{
    public static string ToJson(ClusterSnapshot snapshot)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", "AksPostureSnapshot");
            writer.WritePropertyName("cluster");
            snapshot.Resource.WriteTo(writer);
            WriteKubernetes(writer, snapshot.Kubernetes);
            WriteAzure(writer, snapshot.Azure);
            WriteProblems(writer, snapshot);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads a stored snapshot back; null with the reason when it cannot be read.</summary>
    public static (ClusterSnapshot? Snapshot, string? Error) Read(string json, string source)
    {
        var result = SnapshotReader.Read(json, source);
        return result.Snapshots.Count == 1
            ? (result.Snapshots[0], null)
            : (null, $"The stored snapshot cannot be read: {string.Join("; ", result.Errors.Select(e => e.Message))}");
    }

    private static void WriteKubernetes(Utf8JsonWriter writer, KubernetesInventory? kubernetes)
    {
        if (kubernetes is null)
        {
            return;
        }

        writer.WriteStartObject("kubernetes");
        writer.WriteString("kind", "List");
        writer.WriteStartArray("items");
        foreach (var kind in kubernetes.Kinds)
        {
            foreach (var item in kubernetes.OfKind(kind))
            {
                item.Json.WriteTo(writer);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteAzure(Utf8JsonWriter writer, AzureData azure)
    {
        if (azure.Names.Count == 0)
        {
            return;
        }

        writer.WriteStartObject("azure");
        foreach (var name in azure.Names)
        {
            writer.WritePropertyName(name);
            if (azure.TryGet(name, out var data) && data is not null)
            {
                data.WriteTo(writer);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteProblems(Utf8JsonWriter writer, ClusterSnapshot snapshot)
    {
        var problems = snapshot.Azure.Problems.ToList();
        if (snapshot.KubernetesProblem is { } kubernetes)
        {
            problems.Add(kubernetes);
        }

        if (problems.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("collectionProblems");
        foreach (var problem in problems)
        {
            writer.WriteStartObject();
            writer.WriteString("dataSet", problem.DataSet);
            writer.WriteString("message", problem.Message);
            if (problem.MissingPermission is { } permission)
            {
                writer.WriteString("missingPermission", permission);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
