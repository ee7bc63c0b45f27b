using AksPosture.Web.Features.Assessments;
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

        // Trends read one cluster across runs, and pages probe each selected cluster's rollups of a run: the scores are
        // included so a probe reads the index alone, not a heap page per cluster and run (a year of runs is far larger than memory).
        builder.HasIndex(r => new { r.ClusterId, r.RunId }).IncludeProperties(r => new { r.Pillar, r.Score, r.Earned, r.Possible });

        // No foreign keys: a fleet run COPYs 70,000 of these, and checking two keys a row takes several times as long as writing it. They are
        // written only for clusters the run assessed, and clusters and runs are never deleted.
    }
}
