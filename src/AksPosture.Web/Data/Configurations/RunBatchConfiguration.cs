using AksPosture.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AksPosture.Web.Data.Configurations;

internal sealed class RunBatchConfiguration : IEntityTypeConfiguration<RunBatch>
{
    public void Configure(EntityTypeBuilder<RunBatch> builder)
    {
        builder.ToTable("assessment_run_batches");
        builder.HasKey(b => new { b.RunId, b.BatchNo });
        builder.HasOne<AssessmentRun>().WithMany().HasForeignKey(b => b.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
