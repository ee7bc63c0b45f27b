using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Remediation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AksPosture.Web.Data.Configurations;

internal sealed class FindingCommentConfiguration : IEntityTypeConfiguration<FindingComment>
{
    public void Configure(EntityTypeBuilder<FindingComment> builder)
    {
        builder.ToTable("finding_comments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).UseIdentityAlwaysColumn();
        builder.Property(c => c.RuleId).HasMaxLength(64);
        builder.Property(c => c.ObjectKey).HasMaxLength(512);
        builder.Property(c => c.AuthorId).HasMaxLength(256);
        builder.Property(c => c.AuthorName).HasMaxLength(256);
        builder.Property(c => c.Text).HasMaxLength(FindingComment.TextMaxLength);
        builder.HasIndex(c => new { c.ClusterId, c.RuleId, c.ObjectKey, c.At });

        builder.HasOne<Finding>().WithMany()
            .HasForeignKey(c => new { c.ClusterId, c.RuleId, c.ObjectKey })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
