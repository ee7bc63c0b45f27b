using AksPosture.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AksPosture.Web.Data.Configurations;

/// <summary>
/// Raw results live in a table partitioned by run (see the ScheduledRunsAndHistory migration): a run writes into its
/// own table, which joins <c>rule_results</c> in the run's finishing transaction and is dropped whole when retention
/// ends. Partitions carry no foreign keys, so attaching one never re-checks a million rows.
/// </summary>
internal sealed class RuleResultRecordConfiguration : IEntityTypeConfiguration<RuleResultRecord>
{
    public void Configure(EntityTypeBuilder<RuleResultRecord> builder)
    {
        builder.ToTable("rule_results");
        // The run comes last: every query names one run, which partition pruning already picks, and each partition holds
        // a single run. Leading with the cluster lets the key built when a run finishes sort on a column that differs
        // from row to row, about twice as fast as sorting a million rows that all start with the same run id.
        builder.HasKey(r => new { r.ClusterId, r.RuleId, r.ObjectKey, r.RunId });
        builder.Property(r => r.RuleId).HasMaxLength(64);
        builder.Property(r => r.ObjectKey).HasMaxLength(512);
        builder.Property(r => r.CheckId).HasMaxLength(64);
        builder.Property(r => r.Evidence).HasColumnType("jsonb");
    }
}
