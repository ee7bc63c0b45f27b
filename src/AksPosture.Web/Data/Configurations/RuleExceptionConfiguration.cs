using AksPosture.Web.Features.Exceptions;
using AksPosture.Web.Features.Fleet;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AksPosture.Web.Data.Configurations;

internal sealed class RuleExceptionConfiguration : IEntityTypeConfiguration<RuleException>
{
    public void Configure(EntityTypeBuilder<RuleException> builder)
    {
        builder.ToTable("rule_exceptions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.RuleId).HasMaxLength(64);
        builder.Property(e => e.Scope).HasConversion<CamelCaseEnumConverter<ExceptionScope>>().HasMaxLength(16);
        builder.Property(e => e.Category).HasConversion<CamelCaseEnumConverter<ExceptionCategory>>().HasMaxLength(16);
        builder.Property(e => e.Status).HasConversion<CamelCaseEnumConverter<ExceptionStatus>>().HasMaxLength(16);
        builder.Property(e => e.Namespace).HasMaxLength(253);
        builder.Property(e => e.ObjectKey).HasMaxLength(512);
        builder.Property(e => e.TagKey).HasMaxLength(512);
        builder.Property(e => e.TagValue).HasMaxLength(256);
        builder.Property(e => e.Justification).HasMaxLength(4000);
        builder.Property(e => e.RequestedById).HasMaxLength(256);
        builder.Property(e => e.RequestedByName).HasMaxLength(256);
        builder.Property(e => e.DecidedById).HasMaxLength(256);
        builder.Property(e => e.DecidedByName).HasMaxLength(256);
        builder.Property(e => e.DecisionComment).HasMaxLength(2000);
        builder.Property(e => e.RevokedById).HasMaxLength(256);
        builder.Property(e => e.RevokedByName).HasMaxLength(256);
        builder.Property(e => e.RevokeReason).HasMaxLength(2000);

        // The expiry job and the active list read by status and expiry; cluster pages by cluster.
        builder.HasIndex(e => new { e.Status, e.ExpiresAt });
        builder.HasIndex(e => e.ClusterId);
        builder.HasIndex(e => e.RuleId);

        builder.HasOne<Cluster>().WithMany().HasForeignKey(e => e.ClusterId).OnDelete(DeleteBehavior.Cascade);
    }
}
