using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AksPosture.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LifecycleWritesOnlyChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A run now writes only what it changes (FindingLifecycle): no key checks on the bulk writes of a run (its
            // rollups, and the findings of a first run), a null last-seen time for "seen by the cluster's latest run"
            // (rows written before keep their time, which is still true), and per-cluster result digests that leave
            // clusters whose results did not change out of the merge.
            migrationBuilder.DropForeignKey(
                name: "fk_findings_assessment_runs_last_run_id",
                table: "findings");

            migrationBuilder.DropForeignKey(
                name: "fk_findings_clusters_cluster_id",
                table: "findings");

            migrationBuilder.DropForeignKey(
                name: "fk_pillar_score_rollups_assessment_runs_run_id",
                table: "pillar_score_rollups");

            migrationBuilder.DropForeignKey(
                name: "fk_pillar_score_rollups_clusters_cluster_id",
                table: "pillar_score_rollups");

            migrationBuilder.DropIndex(
                name: "ix_findings_last_run_id",
                table: "findings");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "last_seen_at",
                table: "findings",
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone");

            migrationBuilder.AddColumn<byte[]>(
                name: "results_digest",
                table: "clusters",
                type: "bytea",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "run_cluster_digests",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cluster_id = table.Column<Guid>(type: "uuid", nullable: false),
                    digest = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_cluster_digests", x => new { x.run_id, x.cluster_id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "run_cluster_digests");

            migrationBuilder.DropColumn(
                name: "results_digest",
                table: "clusters");

            // Write down what was derived: live findings were last seen by their cluster's latest run, and read as open
            // unless that run opened or reopened them.
            migrationBuilder.Sql("""
                UPDATE findings f
                SET last_seen_at = COALESCE(r.finished_at, f.first_seen_at),
                    state = CASE WHEN f.state IN ('new', 'reopened') AND f.last_run_id IS DISTINCT FROM c.latest_run_id THEN 'open' ELSE f.state END,
                    last_run_id = COALESCE(c.latest_run_id, f.last_run_id)
                FROM clusters c
                LEFT JOIN assessment_runs r ON r.id = c.latest_run_id
                WHERE f.cluster_id = c.id AND f.last_seen_at IS NULL;
                """);

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "last_seen_at",
                table: "findings",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_findings_last_run_id",
                table: "findings",
                column: "last_run_id");

            migrationBuilder.AddForeignKey(
                name: "fk_findings_assessment_runs_last_run_id",
                table: "findings",
                column: "last_run_id",
                principalTable: "assessment_runs",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_findings_clusters_cluster_id",
                table: "findings",
                column: "cluster_id",
                principalTable: "clusters",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_pillar_score_rollups_assessment_runs_run_id",
                table: "pillar_score_rollups",
                column: "run_id",
                principalTable: "assessment_runs",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_pillar_score_rollups_clusters_cluster_id",
                table: "pillar_score_rollups",
                column: "cluster_id",
                principalTable: "clusters",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
