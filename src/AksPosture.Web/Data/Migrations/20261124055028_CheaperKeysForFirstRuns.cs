using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AksPosture.Web.Data.Migrations
{
    /// <summary>
    /// Makes a run's finishing transaction cheaper: the raw results' key leads with the cluster instead of the run
    /// (each partition holds one run), and findings lose their (state, rule) index. On an existing installation the
    /// key of every stored run is rebuilt once, about half a second per million results.
    /// </summary>
    public partial class CheaperKeysForFirstRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_rule_results",
                table: "rule_results");

            migrationBuilder.DropIndex(
                name: "ix_findings_state_rule_id",
                table: "findings");

            migrationBuilder.AddPrimaryKey(
                name: "pk_rule_results",
                table: "rule_results",
                columns: new[] { "cluster_id", "rule_id", "object_key", "run_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_rule_results",
                table: "rule_results");

            migrationBuilder.AddPrimaryKey(
                name: "pk_rule_results",
                table: "rule_results",
                columns: new[] { "run_id", "cluster_id", "rule_id", "object_key" });

            migrationBuilder.CreateIndex(
                name: "ix_findings_state_rule_id",
                table: "findings",
                columns: new[] { "state", "rule_id" });
        }
    }
}
