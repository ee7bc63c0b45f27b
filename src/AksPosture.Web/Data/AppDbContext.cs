using AksPosture.Engine.Rules;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Attestations;
using AksPosture.Web.Features.Audit;
using AksPosture.Web.Features.Collection;
using AksPosture.Web.Features.Exceptions;
using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Governance;
using AksPosture.Web.Features.Remediation;
using AksPosture.Web.Features.Schedules;
using AksPosture.Web.Features.Scores;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<Subscription> Subscriptions => Set<Subscription>();

    public DbSet<Cluster> Clusters => Set<Cluster>();

    public DbSet<AssessmentRun> AssessmentRuns => Set<AssessmentRun>();

    public DbSet<RuleResultRecord> RuleResults => Set<RuleResultRecord>();

    public DbSet<PillarScoreRollup> PillarScoreRollups => Set<PillarScoreRollup>();

    public DbSet<Finding> Findings => Set<Finding>();

    public DbSet<RunBatch> RunBatches => Set<RunBatch>();

    public DbSet<RunClusterDigest> RunClusterDigests => Set<RunClusterDigest>();

    public DbSet<ScopeScoreRollup> ScopeScoreRollups => Set<ScopeScoreRollup>();

    public DbSet<AssessmentSchedule> Schedules => Set<AssessmentSchedule>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<ClusterCollection> ClusterCollections => Set<ClusterCollection>();

    public DbSet<RuleException> RuleExceptions => Set<RuleException>();

    public DbSet<Attestation> Attestations => Set<Attestation>();

    public DbSet<AdjustedScoreRollup> AdjustedScoreRollups => Set<AdjustedScoreRollup>();

    public DbSet<FindingRemediation> FindingRemediations => Set<FindingRemediation>();

    public DbSet<FindingComment> FindingComments => Set<FindingComment>();

    public DbSet<FindingCountChange> FindingCountChanges => Set<FindingCountChange>();

    public DbSet<FleetFindingCountChange> FleetFindingCountChanges => Set<FleetFindingCountChange>();

    public DbSet<ActiveFindingCount> ActiveFindingCounts => Set<ActiveFindingCount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        modelBuilder.UseSnakeCaseNames();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as the words people read in reports and SQL, not as numbers.
        configurationBuilder.Properties<Pillar>().HaveConversion<PillarConverter>().HaveMaxLength(32);
        configurationBuilder.Properties<RuleStatus>().HaveConversion<RuleStatusConverter>().HaveMaxLength(8);
        configurationBuilder.Properties<Severity>().HaveConversion<LowerCaseEnumConverter<Severity>>().HaveMaxLength(16);
        configurationBuilder.Properties<RunStatus>().HaveConversion<LowerCaseEnumConverter<RunStatus>>().HaveMaxLength(16);
        configurationBuilder.Properties<FindingState>().HaveConversion<LowerCaseEnumConverter<FindingState>>().HaveMaxLength(16);
    }
}
