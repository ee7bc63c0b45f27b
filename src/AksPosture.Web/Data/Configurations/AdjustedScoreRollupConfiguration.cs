using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Governance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AksPosture.Web.Data.Configurations;

internal sealed class AdjustedScoreRollupConfiguration : IEntityTypeConfiguration<AdjustedScoreRollup>
{
    public void Configure(EntityTypeBuilder<AdjustedScoreRollup> builder)
    {
        builder.ToTable("adjusted_score_rollups");
        builder.HasKey(r => new { r.ClusterId, r.Pillar });
        builder.Property(r => r.Pillar).HasMaxLength(32);

        // The expiry job finds rows whose applied exceptions or attestations have expired.
        builder.HasIndex(r => r.ValidUntil);

        builder.HasOne<Cluster>().WithMany().HasForeignKey(r => r.ClusterId).OnDelete(DeleteBehavior.Cascade);
    }
}
