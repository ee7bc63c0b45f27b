using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Remediation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AksPosture.Web.Data.Configurations;

internal sealed class FindingRemediationConfiguration : IEntityTypeConfiguration<FindingRemediation>
{
    public void Configure(EntityTypeBuilder<FindingRemediation> builder)
    {
        builder.ToTable("finding_remediations");
        builder.HasKey(r => new { r.ClusterId, r.RuleId, r.ObjectKey });
        builder.Property(r => r.RuleId).HasMaxLength(64);
        builder.Property(r => r.ObjectKey).HasMaxLength(512);
        builder.Property(r => r.Owner).HasMaxLength(FindingRemediation.OwnerMaxLength);
        builder.Property(r => r.TicketUrl).HasMaxLength(FindingRemediation.TicketUrlMaxLength);
        builder.Property(r => r.UpdatedBy).HasMaxLength(256);
        builder.Property(r => r.WorkflowStatus)
            .HasConversion(s => s.Key(), text => WorkflowStatusNames.FromKey(text)!.Value)
            .HasMaxLength(32);

        // Overdue lists and owner filters.
        builder.HasIndex(r => r.DueAt);
        builder.HasIndex(r => r.Owner);

        builder.HasOne<Finding>().WithOne()
            .HasForeignKey<FindingRemediation>(r => new { r.ClusterId, r.RuleId, r.ObjectKey })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
