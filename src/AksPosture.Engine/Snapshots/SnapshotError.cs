namespace AksPosture.Engine.Snapshots;

/// <summary>Why (part of) an input could not be read: the file and where in it.</summary>
public sealed record SnapshotError(string File, string Message);

public sealed record SnapshotReadResult(IReadOnlyList<ClusterSnapshot> Snapshots, IReadOnlyList<SnapshotError> Errors);
