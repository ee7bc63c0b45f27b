using AksPosture.Web.Features.Remediation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AksPosture.Web.Data.Configurations;

internal sealed class ActiveFindingCountConfiguration : IEntityTypeConfiguration<ActiveFindingCount>
{
    public void Configure(EntityTypeBuilder<ActiveFindingCount> builder)
    {
        builder.ToTable("active_finding_counts");
        builder.HasKey(c => new { c.ClusterId, c.Pillar });
        builder.Property(c => c.Pillar).HasMaxLength(32);

        // No foreign key to clusters: a fleet's first run writes a count per cluster and pillar in its finishing
        // transaction, and checking the key row by row doubled the time of that write. Counts are only written for
        // clusters a run assessed, and clusters are never deleted.
    }
}
