using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AksPosture.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FindingsRemediation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "active_finding_counts",
                columns: table => new
                {
                    cluster_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pillar = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    active = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_active_finding_counts", x => new { x.cluster_id, x.pillar });
                    table.ForeignKey(
                        name: "fk_active_finding_counts_clusters_cluster_id",
                        column: x => x.cluster_id,
                        principalTable: "clusters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "finding_comments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    cluster_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    object_key = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    author_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    author_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_finding_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_finding_comments_findings_cluster_id_rule_id_object_key",
                        columns: x => new { x.cluster_id, x.rule_id, x.object_key },
                        principalTable: "findings",
                        principalColumns: new[] { "cluster_id", "rule_id", "object_key" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "finding_count_changes",
                columns: table => new
                {
                    cluster_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    pillar = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    delta = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.ForeignKey(
                        name: "fk_finding_count_changes_clusters_cluster_id",
                        column: x => x.cluster_id,
                        principalTable: "clusters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "finding_remediations",
                columns: table => new
                {
                    cluster_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    object_key = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    owner = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    due_at = table.Column<DateOnly>(type: "date", nullable: true),
                    workflow_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ticket_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    comment_count = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_finding_remediations", x => new { x.cluster_id, x.rule_id, x.object_key });
                    table.ForeignKey(
                        name: "fk_finding_remediations_findings_cluster_id_rule_id_object_key",
                        columns: x => new { x.cluster_id, x.rule_id, x.object_key },
                        principalTable: "findings",
                        principalColumns: new[] { "cluster_id", "rule_id", "object_key" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fleet_finding_count_changes",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    pillar = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    delta = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fleet_finding_count_changes", x => new { x.day, x.pillar });
                });

            migrationBuilder.CreateIndex(
                name: "ix_finding_comments_cluster_id_rule_id_object_key_at",
                table: "finding_comments",
                columns: new[] { "cluster_id", "rule_id", "object_key", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_finding_count_changes_cluster_id_day_pillar",
                table: "finding_count_changes",
                columns: new[] { "cluster_id", "day", "pillar" },
                unique: true)
                .Annotation("Npgsql:IndexInclude", new[] { "delta" });

            migrationBuilder.CreateIndex(
                name: "ix_finding_remediations_due_at",
                table: "finding_remediations",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_finding_remediations_owner",
                table: "finding_remediations",
                column: "owner");

            // Burn-down baseline for findings stored before this migration: each present cluster's active findings as of
            // its latest run, so the next run records what it changes rather than the whole backlog at once.
            migrationBuilder.Sql("""
                INSERT INTO active_finding_counts (cluster_id, pillar, active)
                SELECT f.cluster_id, f.pillar, count(*)
                FROM findings f JOIN clusters c ON c.id = f.cluster_id
                WHERE c.gone_at IS NULL AND c.latest_run_id IS NOT NULL AND f.state <> 'resolved'
                GROUP BY f.cluster_id, f.pillar;
                INSERT INTO finding_count_changes (cluster_id, day, pillar, delta)
                SELECT a.cluster_id, (coalesce(c.last_seen_at, now()) AT TIME ZONE 'UTC')::date, a.pillar, a.active
                FROM active_finding_counts a JOIN clusters c ON c.id = a.cluster_id;
                INSERT INTO fleet_finding_count_changes (day, pillar, delta)
                SELECT day, pillar, sum(delta) FROM finding_count_changes GROUP BY day, pillar;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "active_finding_counts");

            migrationBuilder.DropTable(
                name: "finding_comments");

            migrationBuilder.DropTable(
                name: "finding_count_changes");

            migrationBuilder.DropTable(
                name: "finding_remediations");

            migrationBuilder.DropTable(
                name: "fleet_finding_count_changes");
        }
    }
}
