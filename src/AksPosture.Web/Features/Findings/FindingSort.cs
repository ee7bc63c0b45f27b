namespace AksPosture.Web.Features.Findings;

public enum FindingSortField
{
    LastSeenAt,
    FirstSeenAt,
    Severity,
    Pillar,
    RuleId,
    ClusterName,
    Status,
    Owner,
    DueAt,
    WorkflowStatus,
}

/// <summary>
/// The order of a finding list: <c>sort=severity</c> ascending, <c>sort=-severity</c> descending. Field names are the
/// JSON names of a finding. Severity, status and workflow status sort by rank, not alphabetically.
/// </summary>
public sealed record FindingSort(FindingSortField Field, bool Descending)
{
    /// <summary>Most recently seen first.</summary>
    public static FindingSort Default { get; } = new(FindingSortField.LastSeenAt, Descending: true);

    public static string Allowed { get; } = string.Join(", ", Enum.GetValues<FindingSortField>().Select(Name));

    public static string Name(FindingSortField field) => char.ToLowerInvariant(field.ToString()[0]) + field.ToString()[1..];

    public static bool TryParse(string? text, out FindingSort sort)
    {
        sort = Default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var descending = text.StartsWith('-');
        var name = text.TrimStart('-', '+').Trim();
        if (int.TryParse(name, out _) || !Enum.TryParse<FindingSortField>(name, ignoreCase: true, out var field))
        {
            return false;
        }

        sort = new FindingSort(field, descending);
        return true;
    }

    /// <summary>Whether ordering needs the remediation columns.</summary>
    public bool NeedsRemediation => Field is FindingSortField.Owner or FindingSortField.DueAt or FindingSortField.WorkflowStatus;

    public override string ToString() => (Descending ? "-" : "") + Name(Field);
}
