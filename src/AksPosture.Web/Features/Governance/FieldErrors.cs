namespace AksPosture.Web.Features.Governance;

/// <summary>The messages a form shows under a field, from a service's field → messages map.</summary>
public static class FieldErrors
{
    public static string? Of(IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
