using System.Text.Json;
using AksPosture.Web.Features.Fleet;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AksPosture.Web.Data.Configurations;

internal sealed class ClusterConfiguration : IEntityTypeConfiguration<Cluster>
{
    private static readonly ValueComparer<Dictionary<string, string>> TagsComparer = new(
        (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
        tags => tags.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
        tags => new Dictionary<string, string>(tags, tags.Comparer));

    public void Configure(EntityTypeBuilder<Cluster> builder)
    {
        builder.ToTable("clusters");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ArmId).HasMaxLength(1024);
        builder.Property(c => c.ArmIdKey).HasMaxLength(1024);
        builder.HasIndex(c => c.ArmIdKey).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(256);
        builder.Property(c => c.ResourceGroup).HasMaxLength(256);
        builder.Property(c => c.Location).HasMaxLength(64);
        builder.Property(c => c.Environment).HasMaxLength(64);
        builder.Property(c => c.LatestSnapshot).HasColumnType("jsonb");
        builder.Property(c => c.Tags)
            .HasColumnType("jsonb")
            .HasConversion(
                tags => JsonSerializer.Serialize(tags, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonSerializerOptions.Default) ?? new())
            .Metadata.SetValueComparer(TagsComparer);

        builder.HasOne(c => c.Subscription)
            .WithMany(s => s.Clusters)
            .HasForeignKey(c => c.SubscriptionId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.LatestRun)
            .WithMany()
            .HasForeignKey(c => c.LatestRunId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
