namespace AksPosture.Engine.Rules.Catalog.PodSecurity;

/// <summary>One thing wrong with one object, how bad it is, and the value that shows it.</summary>
internal sealed record Issue(RuleStatus Status, string Text, Evidence Evidence);

internal static class ObjectIssues
{
    /// <summary>One finding per object: the worst of its issues, every issue in the message, each value as evidence.</summary>
    public static ObjectFinding Finding(string objectKey, IReadOnlyList<Issue> issues)
    {
        var texts = new string[issues.Count];
        var statuses = new RuleStatus[issues.Count];
        var evidence = new List<Evidence>(issues.Count);
        for (var i = 0; i < issues.Count; i++)
        {
            texts[i] = issues[i].Text;
            statuses[i] = issues[i].Status;
            if (!evidence.Contains(issues[i].Evidence))
            {
                evidence.Add(issues[i].Evidence);
            }
        }

        return new(objectKey, Worst(statuses), RuleText.Sentence(texts), evidence);
    }

    /// <summary>FAIL before WARN before MANUAL: the order in which a person should act on them.</summary>
    public static RuleStatus Worst(IReadOnlyCollection<RuleStatus> statuses) =>
        statuses.Contains(RuleStatus.Fail) ? RuleStatus.Fail
            : statuses.Contains(RuleStatus.Warn) ? RuleStatus.Warn
            : statuses.Contains(RuleStatus.Manual) ? RuleStatus.Manual
            : RuleStatus.Pass;

    public static int CountOf(this IEnumerable<ObjectFinding> findings, RuleStatus status) => findings.Count(f => f.Status == status);

    /// <summary>Names up to five objects for a message, then says how many more there are.</summary>
    public static string Names(IEnumerable<ObjectFinding> findings)
    {
        var keys = findings.Select(f => f.ObjectKey).ToList();
        var shown = RuleText.List(keys.Take(5));
        return keys.Count > 5 ? $"{shown} and {keys.Count - 5} more" : shown;
    }
}
