using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AksPosture.Web.Data.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.ToTable("teams");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(128);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.Property(t => t.Description).HasMaxLength(1024);
        builder.Property(t => t.TagKey).HasMaxLength(512);
        builder.Property(t => t.TagValue).HasMaxLength(256);
        builder.Property(t => t.SubscriptionIds).HasColumnType("text[]");
        builder.Property(t => t.EntraGroupIds).HasColumnType("text[]");
    }
}
