using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;

namespace AksPosture.Web.Features.Governance;

/// <summary>A cluster's adjusted scores, how many results were changed, and until when the adjustment holds.</summary>
public sealed record AdjustedCluster(PillarScores Scores, int Excepted, int Attested, DateTimeOffset? ValidUntil)
{
    /// <summary>Whether anything applied; when nothing did the adjusted score is the raw score and nothing is stored.</summary>
    public bool IsAdjusted => ValidUntil is not null;
}

/// <summary>
/// The adjusted score as a pure function of a cluster's results, its active exceptions and its active attestations
/// (docs/scoring.md): results are rewritten, then scored by the engine's own <see cref="ScoreCalculator"/>.
/// </summary>
public static class AdjustedScoring
{
    public static AdjustedCluster Score(
        Guid clusterId,
        IReadOnlyDictionary<string, string> tags,
        IReadOnlyList<RuleResult> results,
        IEnumerable<ActiveException> exceptions,
        IEnumerable<ActiveAttestation> attestations)
    {
        // An exception covers its rule's check: rules that share a check are one defect, as the engine counts it.
        var checkOf = results.Where(r => !r.IsObjectResult).GroupBy(r => r.RuleId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().CheckId, StringComparer.Ordinal);
        var applicable = exceptions.Where(e => e.AppliesTo(clusterId, tags))
            .ToLookup(e => checkOf.GetValueOrDefault(e.RuleId, e.RuleId), StringComparer.Ordinal);
        var attested = attestations.Where(a => a.ClusterId == clusterId)
            .GroupBy(a => a.RuleId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(a => a.ExpiresAt)!, StringComparer.Ordinal);
        var objects = results.Where(r => r.IsObjectResult).ToLookup(r => r.RuleId, StringComparer.Ordinal);

        var adjusted = new List<RuleResult>(results.Count);
        var excepted = 0;
        var attestedCount = 0;
        DateTimeOffset? validUntil = null;
        foreach (var result in results)
        {
            if (result.IsObjectResult)
            {
                adjusted.Add(result);
                continue;
            }

            var status = result.Status;
            if (status == RuleStatus.Manual && attested.TryGetValue(result.RuleId, out var attestation))
            {
                status = attestation.Result;
                attestedCount++;
                validUntil = Earliest(validUntil, attestation.ExpiresAt);
            }

            if (status is RuleStatus.Fail or RuleStatus.Warn && Excepted(applicable[result.CheckId], objects[result.RuleId]) is { } effect)
            {
                status = effect.Status;
                excepted++;
                validUntil = Earliest(validUntil, effect.ValidUntil);
            }

            adjusted.Add(status == result.Status ? result : result with { Status = status });
        }

        return new AdjustedCluster(ScoreCalculator.Score(adjusted), excepted, attestedCount, validUntil);
    }

    /// <summary>
    /// The status a defect takes under its exceptions: one covering the whole cluster decides; otherwise the rule's
    /// failing objects must each be covered. PASS when every covered defect is mitigated or a false positive, NA
    /// (out of the score) when some accepted risk remains; null when the defect is not (fully) covered.
    /// </summary>
    private static (RuleStatus Status, DateTimeOffset ValidUntil)? Excepted(IEnumerable<ActiveException> exceptions, IEnumerable<RuleResult> objects)
    {
        var candidates = exceptions.ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var whole = candidates.Where(e => e.CoversWholeCluster).ToList();
        if (whole.Count > 0)
        {
            return Effect([whole]);
        }

        var failing = objects.Where(o => o.Status is RuleStatus.Fail or RuleStatus.Warn).ToList();
        var covers = failing.Select(o => candidates.Where(e => e.CoversObject(o.ObjectKey)).ToList()).ToList();
        return failing.Count > 0 && covers.All(c => c.Count > 0) ? Effect(covers) : null;
    }

    // Each defect takes the most favourable of its exceptions; the result passes only if every defect does.
    private static (RuleStatus, DateTimeOffset) Effect(IReadOnlyList<List<ActiveException>> coversPerDefect)
    {
        var passes = coversPerDefect.All(c => c.Any(e => e.CountsAsPass));
        var validUntil = coversPerDefect.SelectMany(c => c).Min(e => e.ExpiresAt);
        return (passes ? RuleStatus.Pass : RuleStatus.NotApplicable, validUntil);
    }

    private static DateTimeOffset Earliest(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } value && value < candidate ? value : candidate;
}
