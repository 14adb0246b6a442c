using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContainerCloud : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cpccluster_cpcid",
                table: "cpccluster");

            migrationBuilder.AddColumn<string>(
                name: "cluster_join_protected",
                table: "cpccluster",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "cluster_type",
                table: "cpccluster",
                type: "TEXT",
                unicode: false,
                maxLength: 1,
                nullable: false,
                defaultValue: "0");

            migrationBuilder.AddColumn<string>(
                name: "controller_id",
                table: "cpccluster",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "enable_date",
                table: "cpccluster",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "export_date",
                table: "cpccluster",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kubeconfig_protected",
                table: "cpccluster",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ready",
                table: "cpccluster",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1); // clusters registered before this migration are in use: installed

            migrationBuilder.CreateTable(
                name: "cpclabel",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    label_type = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    label_key = table.Column<string>(type: "TEXT", unicode: false, maxLength: 317, nullable: false),
                    label_value = table.Column<string>(type: "TEXT", unicode: false, maxLength: 63, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpclabel", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cpcnode",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    cpcid = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    cluster_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    node_status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    role = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false),
                    ip = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    device_type = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    ssh_port = table.Column<int>(type: "INTEGER", nullable: false),
                    admin_user = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    admin_pwd_protected = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    enable_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    export_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    external_ip = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    cpu_model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    cpu_stock = table.Column<long>(type: "INTEGER", nullable: false),
                    memory_model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    memory_stock = table.Column<long>(type: "INTEGER", nullable: false),
                    sysdisk_stock = table.Column<long>(type: "INTEGER", nullable: false),
                    datadisk_stock = table.Column<long>(type: "INTEGER", nullable: false),
                    gpu_model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    gpu_stock = table.Column<long>(type: "INTEGER", nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpcnode", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cpcpodyaml",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    cpcid = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    cluster_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    namespace_name = table.Column<string>(type: "TEXT", unicode: false, maxLength: 63, nullable: false),
                    serviceaccount_name = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    podcd_name = table.Column<string>(type: "TEXT", unicode: false, maxLength: 63, nullable: false),
                    service_name = table.Column<string>(type: "TEXT", unicode: false, maxLength: 63, nullable: false),
                    source_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    source_authuser = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    source_authpasswd_protected = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    source_podengine = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    source_replicasetnum = table.Column<int>(type: "INTEGER", nullable: false),
                    instance_type = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    pod_imagepath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 300, nullable: false),
                    source_memrate = table.Column<string>(type: "TEXT", unicode: false, maxLength: 30, nullable: false),
                    source_cpurate = table.Column<string>(type: "TEXT", unicode: false, maxLength: 30, nullable: false),
                    source_selflabel = table.Column<string>(type: "TEXT", unicode: false, maxLength: 400, nullable: false),
                    source_gpu = table.Column<int>(type: "INTEGER", nullable: false),
                    source_portmode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    source_restartpolicy = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    source_apiport = table.Column<int>(type: "INTEGER", nullable: false),
                    source_insideport = table.Column<int>(type: "INTEGER", nullable: false),
                    source_outsideport = table.Column<int>(type: "INTEGER", nullable: false),
                    source_mountpath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    source_storagelimits = table.Column<string>(type: "TEXT", unicode: false, maxLength: 30, nullable: false),
                    source_nodeselector = table.Column<string>(type: "TEXT", unicode: false, maxLength: 400, nullable: false),
                    cpu_model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    gpu_model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    disk_sys_limit = table.Column<string>(type: "TEXT", unicode: false, maxLength: 30, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpcpodyaml", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cpccluster_controller_id",
                table: "cpccluster",
                column: "controller_id");

            migrationBuilder.CreateIndex(
                name: "IX_cpccluster_cpcid_id",
                table: "cpccluster",
                columns: new[] { "cpcid", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_cpclabel_org_id_id",
                table: "cpclabel",
                columns: new[] { "org_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_cpclabel_org_id_label_type_label_key_label_value",
                table: "cpclabel",
                columns: new[] { "org_id", "label_type", "label_key", "label_value" },
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_cpcnode_cluster_id",
                table: "cpcnode",
                column: "cluster_id");

            migrationBuilder.CreateIndex(
                name: "IX_cpcnode_cpcid_id",
                table: "cpcnode",
                columns: new[] { "cpcid", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_cpcnode_cpcid_ip",
                table: "cpcnode",
                columns: new[] { "cpcid", "ip" },
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_cpcnode_cpcid_node_status",
                table: "cpcnode",
                columns: new[] { "cpcid", "node_status" });

            migrationBuilder.CreateIndex(
                name: "IX_cpcpodyaml_cluster_id_id",
                table: "cpcpodyaml",
                columns: new[] { "cluster_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_cpcpodyaml_cluster_id_source_outsideport",
                table: "cpcpodyaml",
                columns: new[] { "cluster_id", "source_outsideport" },
                unique: true,
                filter: "del_flg = '0' AND source_portmode = 'NodePort'");

            migrationBuilder.CreateIndex(
                name: "IX_cpcpodyaml_cpcid",
                table: "cpcpodyaml",
                column: "cpcid");

            migrationBuilder.CreateIndex(
                name: "IX_cpcpodyaml_org_id_cluster_id",
                table: "cpcpodyaml",
                columns: new[] { "org_id", "cluster_id" });

            migrationBuilder.CreateIndex(
                name: "IX_cpcpodyaml_source_nodeselector",
                table: "cpcpodyaml",
                column: "source_nodeselector");

            migrationBuilder.CreateIndex(
                name: "IX_cpcpodyaml_source_selflabel",
                table: "cpcpodyaml",
                column: "source_selflabel");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cpclabel");

            migrationBuilder.DropTable(
                name: "cpcnode");

            migrationBuilder.DropTable(
                name: "cpcpodyaml");

            migrationBuilder.DropIndex(
                name: "IX_cpccluster_controller_id",
                table: "cpccluster");

            migrationBuilder.DropIndex(
                name: "IX_cpccluster_cpcid_id",
                table: "cpccluster");

            migrationBuilder.DropColumn(
                name: "cluster_join_protected",
                table: "cpccluster");

            migrationBuilder.DropColumn(
                name: "cluster_type",
                table: "cpccluster");

            migrationBuilder.DropColumn(
                name: "controller_id",
                table: "cpccluster");

            migrationBuilder.DropColumn(
                name: "enable_date",
                table: "cpccluster");

            migrationBuilder.DropColumn(
                name: "export_date",
                table: "cpccluster");

            migrationBuilder.DropColumn(
                name: "kubeconfig_protected",
                table: "cpccluster");

            migrationBuilder.DropColumn(
                name: "ready",
                table: "cpccluster");

            migrationBuilder.CreateIndex(
                name: "IX_cpccluster_cpcid",
                table: "cpccluster",
                column: "cpcid");
        }
    }
}
