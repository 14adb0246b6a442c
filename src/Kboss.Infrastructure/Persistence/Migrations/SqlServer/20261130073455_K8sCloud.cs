using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.SqlServer
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
                    id = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    customer_goods_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    cpcid = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    cluster_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    cpu_model = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    gpu_model = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    namespace_name = table.Column<string>(type: "varchar(63)", unicode: false, maxLength: 63, nullable: false),
                    podname = table.Column<string>(type: "varchar(63)", unicode: false, maxLength: 63, nullable: false),
                    pvcname = table.Column<string>(type: "varchar(63)", unicode: false, maxLength: 63, nullable: false),
                    image = table.Column<string>(type: "varchar(300)", unicode: false, maxLength: 300, nullable: false),
                    cpu = table.Column<int>(type: "int", nullable: false),
                    memory = table.Column<int>(type: "int", nullable: false),
                    gpu = table.Column<int>(type: "int", nullable: false),
                    gpumem = table.Column<int>(type: "int", nullable: true),
                    storage = table.Column<int>(type: "int", nullable: false),
                    status = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
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
