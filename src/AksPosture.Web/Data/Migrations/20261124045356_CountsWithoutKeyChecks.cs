using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AksPosture.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CountsWithoutKeyChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_active_finding_counts_clusters_cluster_id",
                table: "active_finding_counts");

            migrationBuilder.DropForeignKey(
                name: "fk_finding_count_changes_clusters_cluster_id",
                table: "finding_count_changes");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "fk_active_finding_counts_clusters_cluster_id",
                table: "active_finding_counts",
                column: "cluster_id",
                principalTable: "clusters",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_finding_count_changes_clusters_cluster_id",
                table: "finding_count_changes",
                column: "cluster_id",
                principalTable: "clusters",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
