using AksPosture.Web.Features.Findings;
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

        // No index beside the key: a second index costs a fleet's first run about half a second per 360,000 new
        // findings in its finishing transaction, while a filter by rule reads the whole table in tens of milliseconds.
        // No foreign keys: the first run of a fleet inserts hundreds of thousands of findings in its finishing
        // transaction, and checking two keys per row would take most of it. Findings are only ever written from a
        // run's results for clusters it assessed, and clusters and runs are never deleted.
    }
}
