using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AksPosture.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScheduledRunsAndHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_rule_results_assessment_runs_run_id",
                table: "rule_results");

            migrationBuilder.DropForeignKey(
                name: "fk_rule_results_clusters_cluster_id",
                table: "rule_results");

            migrationBuilder.DropIndex(
                name: "ix_rule_results_cluster_id",
                table: "rule_results");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "gone_at",
                table: "clusters",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "started_at",
                table: "assessment_runs",
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone");

            migrationBuilder.AddColumn<int>(
                name: "batches_done",
                table: "assessment_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "batches_total",
                table: "assessment_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "error",
                table: "assessment_runs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "heartbeat_at",
                table: "assessment_runs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "queued_at",
                table: "assessment_runs",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "results_removed_at",
                table: "assessment_runs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "schedule_id",
                table: "assessment_runs",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "scope",
                table: "assessment_runs",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: true);

            // Runs from before this migration were queued when they started.
            migrationBuilder.Sql("UPDATE assessment_runs SET queued_at = started_at, heartbeat_at = COALESCE(finished_at, started_at);");

            migrationBuilder.CreateTable(
                name: "assessment_run_batches",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_no = table.Column<int>(type: "integer", nullable: false),
                    cluster_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    done = table.Column<bool>(type: "boolean", nullable: false),
                    clusters_assessed = table.Column<int>(type: "integer", nullable: false),
                    clusters_failed = table.Column<int>(type: "integer", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_run_batches", x => new { x.run_id, x.batch_no });
                    table.ForeignKey(
                        name: "fk_assessment_run_batches_assessment_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "assessment_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_schedules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    cron = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    scope = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    paused = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_triggered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_run_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_schedules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "scope_score_rollups",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scope = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    pillar = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: true),
                    earned = table.Column<double>(type: "double precision", nullable: false),
                    possible = table.Column<double>(type: "double precision", nullable: false),
                    clusters = table.Column<int>(type: "integer", nullable: false),
                    as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scope_score_rollups", x => new { x.run_id, x.scope, x.pillar });
                    table.ForeignKey(
                        name: "fk_scope_score_rollups_assessment_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "assessment_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "assessment_schedules",
                columns: new[] { "id", "created_at", "cron", "last_run_id", "last_triggered_at", "name", "paused", "scope", "time_zone", "updated_at" },
                values: new object[] { new Guid("0b6c8a52-7d0e-4a5e-9f1c-2f4d6e8a0b01"), new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "0 2 * * *", null, null, "Daily fleet assessment", false, "fleet", "UTC", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)) });

            migrationBuilder.CreateIndex(
                name: "ix_assessment_runs_queued_at",
                table: "assessment_runs",
                column: "queued_at");

            migrationBuilder.CreateIndex(
                name: "ux_assessment_runs_active_scope",
                table: "assessment_runs",
                column: "scope",
                unique: true,
                filter: "scope IS NOT NULL AND status IN ('queued', 'running')");

            migrationBuilder.CreateIndex(
                name: "ix_scope_score_rollups_scope_as_of_sequence",
                table: "scope_score_rollups",
                columns: new[] { "scope", "as_of", "sequence" });
            // Raw results become a table partitioned by run (EF has no notation for it): a run stages its rows in a
            // table of its own, its finishing transaction attaches it, and retention drops it whole. Existing rows
            // move into one partition per run.
            migrationBuilder.Sql("""
                ALTER TABLE rule_results RENAME TO rule_results_unpartitioned;
                ALTER TABLE rule_results_unpartitioned RENAME CONSTRAINT pk_rule_results TO pk_rule_results_unpartitioned;
                CREATE TABLE rule_results (LIKE rule_results_unpartitioned INCLUDING DEFAULTS) PARTITION BY LIST (run_id);
                ALTER TABLE rule_results ADD CONSTRAINT pk_rule_results PRIMARY KEY (run_id, cluster_id, rule_id, object_key);
                DO $$
                DECLARE run uuid;
                BEGIN
                    FOR run IN SELECT DISTINCT run_id FROM rule_results_unpartitioned LOOP
                        EXECUTE format('CREATE TABLE %I PARTITION OF rule_results FOR VALUES IN (%L)', 'rule_results_' || replace(run::text, '-', ''), run);
                    END LOOP;
                END $$;
                INSERT INTO rule_results SELECT * FROM rule_results_unpartitioned;
                DROP TABLE rule_results_unpartitioned;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to one plain table: results staged by unfinished runs (tables not attached) are dropped with them.
            migrationBuilder.Sql("""
                CREATE TABLE rule_results_plain (LIKE rule_results INCLUDING DEFAULTS);
                INSERT INTO rule_results_plain SELECT * FROM rule_results;
                DO $$
                DECLARE t text;
                BEGIN
                    FOR t IN SELECT relname FROM pg_class WHERE relname ~ '^rule_results_[0-9a-f]{32}$' AND relkind = 'r' LOOP
                        EXECUTE format('DROP TABLE %I', t);
                    END LOOP;
                END $$;
                DROP TABLE rule_results;
                ALTER TABLE rule_results_plain RENAME TO rule_results;
                ALTER TABLE rule_results ADD CONSTRAINT pk_rule_results PRIMARY KEY (run_id, cluster_id, rule_id, object_key);
                """);

            migrationBuilder.DropTable(
                name: "assessment_run_batches");

            migrationBuilder.DropTable(
                name: "assessment_schedules");

            migrationBuilder.DropTable(
                name: "scope_score_rollups");

            migrationBuilder.DropIndex(
                name: "ix_assessment_runs_queued_at",
                table: "assessment_runs");

            migrationBuilder.DropIndex(
                name: "ux_assessment_runs_active_scope",
                table: "assessment_runs");

            migrationBuilder.DropColumn(
                name: "gone_at",
                table: "clusters");

            migrationBuilder.DropColumn(
                name: "batches_done",
                table: "assessment_runs");

            migrationBuilder.DropColumn(
                name: "batches_total",
                table: "assessment_runs");

            migrationBuilder.DropColumn(
                name: "error",
                table: "assessment_runs");

            migrationBuilder.DropColumn(
                name: "heartbeat_at",
                table: "assessment_runs");

            migrationBuilder.DropColumn(
                name: "queued_at",
                table: "assessment_runs");

            migrationBuilder.DropColumn(
                name: "results_removed_at",
                table: "assessment_runs");

            migrationBuilder.DropColumn(
                name: "schedule_id",
                table: "assessment_runs");

            migrationBuilder.DropColumn(
                name: "scope",
                table: "assessment_runs");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "started_at",
                table: "assessment_runs",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_rule_results_cluster_id",
                table: "rule_results",
                column: "cluster_id");

            migrationBuilder.AddForeignKey(
                name: "fk_rule_results_assessment_runs_run_id",
                table: "rule_results",
                column: "run_id",
                principalTable: "assessment_runs",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_rule_results_clusters_cluster_id",
                table: "rule_results",
                column: "cluster_id",
                principalTable: "clusters",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
