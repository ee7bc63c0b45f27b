using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Remediation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AksPosture.Web.Data.Configurations;

/// <summary>No foreign key to the run: retention may delete old runs, and the burn-down keeps its history.</summary>
internal sealed class FindingCountChangeConfiguration : IEntityTypeConfiguration<FindingCountChange>
{
    public void Configure(EntityTypeBuilder<FindingCountChange> builder)
    {
        builder.ToTable("finding_count_changes");
        builder.HasKey(c => new { c.RunId, c.ClusterId, c.Pillar });
        builder.Property(c => c.Pillar).HasMaxLength(32);

        // A team's burn-down reads the changes of its clusters.
        builder.HasIndex(c => new { c.ClusterId, c.At });

        builder.HasOne<Cluster>().WithMany().HasForeignKey(c => c.ClusterId).OnDelete(DeleteBehavior.Cascade);
    }
}
