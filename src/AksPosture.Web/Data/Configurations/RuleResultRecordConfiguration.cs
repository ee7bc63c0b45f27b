using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Fleet;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AksPosture.Web.Data.Configurations;

internal sealed class RuleResultRecordConfiguration : IEntityTypeConfiguration<RuleResultRecord>
{
    public void Configure(EntityTypeBuilder<RuleResultRecord> builder)
    {
        builder.ToTable("rule_results");
        builder.HasKey(r => new { r.RunId, r.ClusterId, r.RuleId, r.ObjectKey });
        builder.Property(r => r.RuleId).HasMaxLength(64);
        builder.Property(r => r.ObjectKey).HasMaxLength(512);
        builder.Property(r => r.CheckId).HasMaxLength(64);
        builder.Property(r => r.Evidence).HasColumnType("jsonb");

        builder.HasOne<AssessmentRun>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Cluster>().WithMany().HasForeignKey(r => r.ClusterId).OnDelete(DeleteBehavior.Cascade);
    }
}
