namespace AksPosture.Web.Features.Governance;

public enum ProblemKind
{
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>Why a request about an exception or attestation was refused, in words that say what to do instead.</summary>
public sealed record GovernanceProblem(ProblemKind Kind, string Title, string Detail, Dictionary<string, string[]>? Errors = null)
{
    public static GovernanceProblem Invalid(string title, Dictionary<string, string[]> errors) =>
        new(ProblemKind.Invalid, title, string.Join(" ", errors.Values.SelectMany(v => v)), errors);

    public static GovernanceProblem NotFound(string detail) => new(ProblemKind.NotFound, "Not found", detail);

    public static GovernanceProblem Forbidden(string detail) => new(ProblemKind.Forbidden, "Not allowed", detail);

    public static GovernanceProblem Conflict(string detail) => new(ProblemKind.Conflict, "Not possible in its current state", detail);
}

/// <summary>The changed or created thing, or the problem; pages show the problem, the API maps it to a status code.</summary>
public sealed record GovernanceResult<T>
    where T : class
{
    public T? Value { get; private init; }

    public GovernanceProblem? Problem { get; private init; }

    public static implicit operator GovernanceResult<T>(T value) => new() { Value = value };

    public static implicit operator GovernanceResult<T>(GovernanceProblem problem) => new() { Problem = problem };
}

/// <summary>Body of approve, reject and revoke: an optional comment (the reason) kept with the change.</summary>
public sealed record CommentRequest(string? Comment = null);
