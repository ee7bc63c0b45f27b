using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AksPosture.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RollupsWithoutKeyChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_pillar_score_rollups_assessment_runs_run_id",
                table: "pillar_score_rollups");

            migrationBuilder.DropForeignKey(
                name: "fk_pillar_score_rollups_clusters_cluster_id",
                table: "pillar_score_rollups");

            migrationBuilder.DropForeignKey(
                name: "fk_run_cluster_digests_assessment_runs_run_id",
                table: "run_cluster_digests");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.AddForeignKey(
                name: "fk_run_cluster_digests_assessment_runs_run_id",
                table: "run_cluster_digests",
                column: "run_id",
                principalTable: "assessment_runs",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
