using AksPosture.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AksPosture.Web.Data.Configurations;

internal sealed class AssessmentRunConfiguration : IEntityTypeConfiguration<AssessmentRun>
{
    public void Configure(EntityTypeBuilder<AssessmentRun> builder)
    {
        builder.ToTable("assessment_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Trigger).HasMaxLength(64);
        builder.Property(r => r.RuleSetVersion).HasMaxLength(32);
        builder.Property(r => r.ScoringVersion).HasMaxLength(32);
        builder.HasIndex(r => r.StartedAt);
    }
}
