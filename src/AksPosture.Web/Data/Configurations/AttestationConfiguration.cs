using AksPosture.Web.Features.Attestations;
using AksPosture.Web.Features.Fleet;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AksPosture.Web.Data.Configurations;

internal sealed class AttestationConfiguration : IEntityTypeConfiguration<Attestation>
{
    public void Configure(EntityTypeBuilder<Attestation> builder)
    {
        builder.ToTable("attestations");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.RuleId).HasMaxLength(64);
        builder.Property(a => a.Status).HasConversion<CamelCaseEnumConverter<AttestationStatus>>().HasMaxLength(16);
        builder.Property(a => a.Evidence).HasMaxLength(4000);
        builder.Property(a => a.Owner).HasMaxLength(256);
        builder.Property(a => a.RecordedById).HasMaxLength(256);
        builder.Property(a => a.RecordedByName).HasMaxLength(256);
        builder.Property(a => a.RevokedById).HasMaxLength(256);
        builder.Property(a => a.RevokedByName).HasMaxLength(256);
        builder.Property(a => a.RevokeReason).HasMaxLength(2000);

        builder.HasIndex(a => new { a.ClusterId, a.RuleId });
        builder.HasIndex(a => new { a.Status, a.ExpiresAt });

        builder.HasOne<Cluster>().WithMany().HasForeignKey(a => a.ClusterId).OnDelete(DeleteBehavior.Cascade);
    }
}
