namespace AksPosture.Web.Features.Assessments;

/// <summary>
/// A fault-injection point for crash tests: called after a batch's rows are written and before its transaction
/// commits. Throwing here is what a worker killed mid-batch looks like to the database: nothing of the batch stays.
/// </summary>
public sealed class RunJobHooks
{
    public Func<Guid, int, Task>? BeforeBatchCommit { get; set; }
}
