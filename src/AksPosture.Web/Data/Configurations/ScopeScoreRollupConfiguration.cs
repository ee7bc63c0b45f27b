using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Scores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AksPosture.Web.Data.Configurations;

internal sealed class ScopeScoreRollupConfiguration : IEntityTypeConfiguration<ScopeScoreRollup>
{
    public void Configure(EntityTypeBuilder<ScopeScoreRollup> builder)
    {
        builder.ToTable("scope_score_rollups");
        builder.HasKey(r => new { r.RunId, r.Scope, r.Pillar });
        builder.Property(r => r.Scope).HasMaxLength(128);
        builder.Property(r => r.Pillar).HasMaxLength(32);

        // Trends and "current posture" read one scope by time.
        builder.Property(r => r.Sequence).UseIdentityByDefaultColumn();
        builder.HasIndex(r => new { r.Scope, r.AsOf, r.Sequence });

        builder.HasOne<AssessmentRun>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
