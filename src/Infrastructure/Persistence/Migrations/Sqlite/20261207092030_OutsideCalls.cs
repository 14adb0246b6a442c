using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutsideCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cpcpodyaml_cluster_id_source_outsideport",
                table: "cpcpodyaml");

            migrationBuilder.AddColumn<string>(
                name: "failure_reason",
                table: "k8s_instance",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "operation",
                table: "k8s_instance",
                type: "TEXT",
                unicode: false,
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "resume_state",
                table: "k8s_instance",
                type: "TEXT",
                unicode: false,
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "state",
                table: "k8s_instance",
                type: "TEXT",
                unicode: false,
                maxLength: 20,
                nullable: false,
                defaultValue: "live");

            migrationBuilder.AddColumn<DateTime>(
                name: "state_changed_at",
                table: "k8s_instance",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "failure_reason",
                table: "cpcpodyaml",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "operation",
                table: "cpcpodyaml",
                type: "TEXT",
                unicode: false,
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "resume_state",
                table: "cpcpodyaml",
                type: "TEXT",
                unicode: false,
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "state",
                table: "cpcpodyaml",
                type: "TEXT",
                unicode: false,
                maxLength: 20,
                nullable: false,
                defaultValue: "live");

            migrationBuilder.AddColumn<DateTime>(
                name: "state_changed_at",
                table: "cpcpodyaml",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateIndex(
                name: "IX_k8s_instance_state_state_changed_at",
                table: "k8s_instance",
                columns: new[] { "state", "state_changed_at" });

            migrationBuilder.CreateIndex(
                name: "IX_cpcpodyaml_cluster_id_source_outsideport",
                table: "cpcpodyaml",
                columns: new[] { "cluster_id", "source_outsideport" },
                unique: true,
                filter: "del_flg = '0' AND source_portmode = 'NodePort' AND state <> 'failed'");

            migrationBuilder.CreateIndex(
                name: "IX_cpcpodyaml_state_state_changed_at",
                table: "cpcpodyaml",
                columns: new[] { "state", "state_changed_at" });
            migrationBuilder.Sql(OutsideCallsBackfill.Sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_k8s_instance_state_state_changed_at",
                table: "k8s_instance");

            migrationBuilder.DropIndex(
                name: "IX_cpcpodyaml_cluster_id_source_outsideport",
                table: "cpcpodyaml");

            migrationBuilder.DropIndex(
                name: "IX_cpcpodyaml_state_state_changed_at",
                table: "cpcpodyaml");

            migrationBuilder.DropColumn(
                name: "failure_reason",
                table: "k8s_instance");

            migrationBuilder.DropColumn(
                name: "operation",
                table: "k8s_instance");

            migrationBuilder.DropColumn(
                name: "resume_state",
                table: "k8s_instance");

            migrationBuilder.DropColumn(
                name: "state",
                table: "k8s_instance");

            migrationBuilder.DropColumn(
                name: "state_changed_at",
                table: "k8s_instance");

            migrationBuilder.DropColumn(
                name: "failure_reason",
                table: "cpcpodyaml");

            migrationBuilder.DropColumn(
                name: "operation",
                table: "cpcpodyaml");

            migrationBuilder.DropColumn(
                name: "resume_state",
                table: "cpcpodyaml");

            migrationBuilder.DropColumn(
                name: "state",
                table: "cpcpodyaml");

            migrationBuilder.DropColumn(
                name: "state_changed_at",
                table: "cpcpodyaml");

            migrationBuilder.CreateIndex(
                name: "IX_cpcpodyaml_cluster_id_source_outsideport",
                table: "cpcpodyaml",
                columns: new[] { "cluster_id", "source_outsideport" },
                unique: true,
                filter: "del_flg = '0' AND source_portmode = 'NodePort'");
        }
    }
}
