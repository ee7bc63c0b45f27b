using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Fleet;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AksPosture.Web.Data.Configurations;

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> builder)
    {
        builder.ToTable("findings");
        builder.HasKey(f => new { f.ClusterId, f.RuleId, f.ObjectKey });
        builder.Property(f => f.RuleId).HasMaxLength(64);
        builder.Property(f => f.ObjectKey).HasMaxLength(512);
        builder.HasIndex(f => new { f.State, f.RuleId });

        builder.HasOne<Cluster>().WithMany().HasForeignKey(f => f.ClusterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AssessmentRun>().WithMany().HasForeignKey(f => f.LastRunId).OnDelete(DeleteBehavior.Restrict);
    }
}
