using AksPosture.Web.Features.Collection;
using AksPosture.Web.Features.Fleet;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AksPosture.Web.Data.Configurations;

internal sealed class ClusterCollectionConfiguration : IEntityTypeConfiguration<ClusterCollection>
{
    public void Configure(EntityTypeBuilder<ClusterCollection> builder)
    {
        builder.ToTable("cluster_collections");
        builder.HasKey(k => k.ClusterId);
        builder.HasOne<Cluster>().WithOne().HasForeignKey<ClusterCollection>(k => k.ClusterId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(k => k.RetainedDataSets).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
    }
}
