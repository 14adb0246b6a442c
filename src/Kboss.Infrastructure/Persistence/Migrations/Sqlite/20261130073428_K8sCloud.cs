using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class K8sCloud : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "k8s_instance",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    customer_goods_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    cpcid = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    cluster_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    cpu_model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    gpu_model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    namespace_name = table.Column<string>(type: "TEXT", unicode: false, maxLength: 63, nullable: false),
                    podname = table.Column<string>(type: "TEXT", unicode: false, maxLength: 63, nullable: false),
                    pvcname = table.Column<string>(type: "TEXT", unicode: false, maxLength: 63, nullable: false),
                    image = table.Column<string>(type: "TEXT", unicode: false, maxLength: 300, nullable: false),
                    cpu = table.Column<int>(type: "INTEGER", nullable: false),
                    memory = table.Column<int>(type: "INTEGER", nullable: false),
                    gpu = table.Column<int>(type: "INTEGER", nullable: false),
                    gpumem = table.Column<int>(type: "INTEGER", nullable: true),
                    storage = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_k8s_instance", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_k8s_instance_cluster_id",
                table: "k8s_instance",
                column: "cluster_id");

            migrationBuilder.CreateIndex(
                name: "IX_k8s_instance_org_id_customer_goods_id",
                table: "k8s_instance",
                columns: new[] { "org_id", "customer_goods_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "k8s_instance");
        }
    }
}
