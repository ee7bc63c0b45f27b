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
        builder.Property(r => r.Scope).HasMaxLength(1024);
        builder.Property(r => r.RuleSetVersion).HasMaxLength(32);
        builder.Property(r => r.ScoringVersion).HasMaxLength(32);
        builder.Ignore(r => r.IsFinished);
        builder.HasIndex(r => r.StartedAt);
        builder.HasIndex(r => r.QueuedAt);

        // At most one queued or running run per scope: the database, not a check in code, keeps runs of one scope apart.
        builder.HasIndex(r => r.Scope)
            .IsUnique()
            .HasFilter("scope IS NOT NULL AND status IN ('queued', 'running')")
            .HasDatabaseName("ux_assessment_runs_active_scope");
    }
}
