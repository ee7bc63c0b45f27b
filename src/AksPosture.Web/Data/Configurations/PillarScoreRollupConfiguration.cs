using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Fleet;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AksPosture.Web.Data.Configurations;

internal sealed class PillarScoreRollupConfiguration : IEntityTypeConfiguration<PillarScoreRollup>
{
    public void Configure(EntityTypeBuilder<PillarScoreRollup> builder)
    {
        builder.ToTable("pillar_score_rollups");
        builder.HasKey(r => new { r.RunId, r.ClusterId, r.Pillar });
        builder.Property(r => r.Pillar).HasMaxLength(32);

        // Trends read one cluster across runs.
        builder.HasIndex(r => new { r.ClusterId, r.RunId });

        builder.HasOne<AssessmentRun>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Cluster>().WithMany().HasForeignKey(r => r.ClusterId).OnDelete(DeleteBehavior.Cascade);
    }
}
