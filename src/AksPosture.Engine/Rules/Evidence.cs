namespace AksPosture.Engine.Rules;

/// <summary>
/// One value a rule read: the property path in the normalised ARM shape and the value found there
/// as compact JSON, or <c>null</c> when the property was absent.
/// </summary>
public sealed record Evidence(string Path, string? Value);
