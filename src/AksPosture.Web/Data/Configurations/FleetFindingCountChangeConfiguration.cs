using AksPosture.Web.Features.Remediation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AksPosture.Web.Data.Configurations;

internal sealed class FleetFindingCountChangeConfiguration : IEntityTypeConfiguration<FleetFindingCountChange>
{
    public void Configure(EntityTypeBuilder<FleetFindingCountChange> builder)
    {
        builder.ToTable("fleet_finding_count_changes");
        builder.HasKey(c => new { c.Day, c.Pillar });
        builder.Property(c => c.Pillar).HasMaxLength(32);
    }
}
