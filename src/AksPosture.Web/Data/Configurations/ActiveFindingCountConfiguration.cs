using AksPosture.Web.Features.Fleet;
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
        builder.HasOne<Cluster>().WithMany().HasForeignKey(c => c.ClusterId).OnDelete(DeleteBehavior.Cascade);
    }
}
