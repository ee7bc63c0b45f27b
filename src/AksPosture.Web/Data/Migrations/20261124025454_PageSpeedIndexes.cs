using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AksPosture.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PageSpeedIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_pillar_score_rollups_cluster_id_run_id",
                table: "pillar_score_rollups");

            migrationBuilder.CreateIndex(
                name: "ix_pillar_score_rollups_cluster_id_run_id",
                table: "pillar_score_rollups",
                columns: new[] { "cluster_id", "run_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "pillar", "score", "earned", "possible" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_pillar_score_rollups_cluster_id_run_id",
                table: "pillar_score_rollups");

            migrationBuilder.CreateIndex(
                name: "ix_pillar_score_rollups_cluster_id_run_id",
                table: "pillar_score_rollups",
                columns: new[] { "cluster_id", "run_id" });
        }
    }
}
