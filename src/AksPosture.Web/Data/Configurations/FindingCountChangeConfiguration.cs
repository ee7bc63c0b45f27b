using AksPosture.Web.Features.Remediation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AksPosture.Web.Data.Configurations;

/// <summary>One covering index and no separate key: a team's burn-down reads its clusters' changes from the index alone.</summary>
internal sealed class FindingCountChangeConfiguration : IEntityTypeConfiguration<FindingCountChange>
{
    public void Configure(EntityTypeBuilder<FindingCountChange> builder)
    {
        builder.ToTable("finding_count_changes");
        builder.HasNoKey();
        builder.Property(c => c.Pillar).HasMaxLength(32);
        builder.HasIndex(c => new { c.ClusterId, c.Day, c.Pillar }).IsUnique().IncludeProperties(c => c.Delta);

        // No foreign key to clusters: a fleet's first run writes a count per cluster and pillar in its finishing
        // transaction, and checking the key row by row doubled the time of that write. Counts are only written for
        // clusters a run assessed, and clusters are never deleted.
    }
}
