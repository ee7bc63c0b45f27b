using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AksPosture.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExceptionsAndAttestations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "adjusted_score_rollups",
                columns: table => new
                {
                    cluster_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pillar = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: true),
                    earned = table.Column<double>(type: "double precision", nullable: false),
                    possible = table.Column<double>(type: "double precision", nullable: false),
                    excepted = table.Column<int>(type: "integer", nullable: false),
                    attested = table.Column<int>(type: "integer", nullable: false),
                    valid_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_adjusted_score_rollups", x => new { x.cluster_id, x.pillar });
                    table.ForeignKey(
                        name: "fk_adjusted_score_rollups_clusters_cluster_id",
                        column: x => x.cluster_id,
                        principalTable: "clusters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "attestations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cluster_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    result = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    owner = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    recorded_by_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_by_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    revoked_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoke_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attestations", x => x.id);
                    table.ForeignKey(
                        name: "fk_attestations_clusters_cluster_id",
                        column: x => x.cluster_id,
                        principalTable: "clusters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rule_exceptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    scope = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    cluster_id = table.Column<Guid>(type: "uuid", nullable: true),
                    @namespace = table.Column<string>(name: "namespace", type: "character varying(253)", maxLength: 253, nullable: true),
                    object_key = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    tag_key = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    tag_value = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    category = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    justification = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    requested_by_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    requested_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    decided_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision_comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    revoked_by_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    revoked_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoke_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    lapsed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rule_exceptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_rule_exceptions_clusters_cluster_id",
                        column: x => x.cluster_id,
                        principalTable: "clusters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_adjusted_score_rollups_valid_until",
                table: "adjusted_score_rollups",
                column: "valid_until");

            migrationBuilder.CreateIndex(
                name: "ix_attestations_cluster_id_rule_id",
                table: "attestations",
                columns: new[] { "cluster_id", "rule_id" });

            migrationBuilder.CreateIndex(
                name: "ix_attestations_status_expires_at",
                table: "attestations",
                columns: new[] { "status", "expires_at" });

            migrationBuilder.CreateIndex(
                name: "ix_rule_exceptions_cluster_id",
                table: "rule_exceptions",
                column: "cluster_id");

            migrationBuilder.CreateIndex(
                name: "ix_rule_exceptions_rule_id",
                table: "rule_exceptions",
                column: "rule_id");

            migrationBuilder.CreateIndex(
                name: "ix_rule_exceptions_status_expires_at",
                table: "rule_exceptions",
                columns: new[] { "status", "expires_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "adjusted_score_rollups");

            migrationBuilder.DropTable(
                name: "attestations");

            migrationBuilder.DropTable(
                name: "rule_exceptions");
        }
    }
}
