using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CloudResellers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "baidu_order",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    origin_order_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    account_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    operator_org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    order_type = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    service_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    product_type = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    price = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    auto_renew_order = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_time = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    update_time_vendor = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    charged_amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    pay_bill_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    refund_bill_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_baidu_order", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "baidu_order_action",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    vendor_request_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_baidu_order_action", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "vendor_account",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    vendor = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    username = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    operator_org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    vendor_account_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    mobile = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: true),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendor_account", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_baidu_order_account_id",
                table: "baidu_order",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "IX_baidu_order_order_id",
                table: "baidu_order",
                column: "order_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_baidu_order_org_id_create_time",
                table: "baidu_order",
                columns: new[] { "org_id", "create_time" });

            migrationBuilder.CreateIndex(
                name: "IX_baidu_order_action_order_id_action",
                table: "baidu_order_action",
                columns: new[] { "order_id", "action" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vendor_account_vendor_org_id",
                table: "vendor_account",
                columns: new[] { "vendor", "org_id" });

            migrationBuilder.CreateIndex(
                name: "IX_vendor_account_vendor_user_id",
                table: "vendor_account",
                columns: new[] { "vendor", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vendor_account_vendor_vendor_account_id",
                table: "vendor_account",
                columns: new[] { "vendor", "vendor_account_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "baidu_order");

            migrationBuilder.DropTable(
                name: "baidu_order_action");

            migrationBuilder.DropTable(
                name: "vendor_account");
        }
    }
}
