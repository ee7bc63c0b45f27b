using AksPosture.Web.Features.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AksPosture.Web.Data.Configurations;

internal sealed class AssessmentScheduleConfiguration : IEntityTypeConfiguration<AssessmentSchedule>
{
    public void Configure(EntityTypeBuilder<AssessmentSchedule> builder)
    {
        builder.ToTable("assessment_schedules");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(128);
        builder.Property(s => s.Cron).HasMaxLength(128);
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.Property(s => s.Scope).HasMaxLength(1024);
        builder.Ignore(s => s.RecurringJobId);

        // A new installation assesses its whole fleet once a day, at 02:00 UTC.
        var installed = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
        builder.HasData(new AssessmentSchedule
        {
            Id = AssessmentSchedule.DefaultId, Name = "Daily fleet assessment", Cron = "0 2 * * *", TimeZone = "UTC",
            Scope = "fleet", CreatedAt = installed, UpdatedAt = installed,
        });
    }
}
