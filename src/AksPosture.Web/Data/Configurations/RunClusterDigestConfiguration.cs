using AksPosture.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AksPosture.Web.Data.Configurations;

internal sealed class RunClusterDigestConfiguration : IEntityTypeConfiguration<RunClusterDigest>
{
    public void Configure(EntityTypeBuilder<RunClusterDigest> builder)
    {
        builder.ToTable("run_cluster_digests");
        builder.HasKey(d => new { d.RunId, d.ClusterId });
    }
}
