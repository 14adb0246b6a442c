using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class WeChatPay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "recharge_logdict",
                columns: table => new
                {
                    id = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    created_by = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    total_fen = table.Column<int>(type: "int", nullable: false),
                    amount = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: false),
                    body = table.Column<string>(type: "nvarchar(127)", maxLength: 127, nullable: false),
                    channel = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    trade_type = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    out_trade_no = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    payer_open_id = table.Column<string>(type: "varchar(128)", unicode: false, maxLength: 128, nullable: true),
                    expires_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    state = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    trade_state = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    code_url = table.Column<string>(type: "varchar(500)", unicode: false, maxLength: 500, nullable: true),
                    prepay_id = table.Column<string>(type: "varchar(128)", unicode: false, maxLength: 128, nullable: true),
                    transaction_id = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    paid_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    failure_reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    state_changed_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recharge_logdict", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wechat_binding",
                columns: table => new
                {
                    id = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    app_id = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    open_id = table.Column<string>(type: "varchar(128)", unicode: false, maxLength: 128, nullable: false),
                    union_id = table.Column<string>(type: "varchar(128)", unicode: false, maxLength: 128, nullable: true),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wechat_binding", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wechat_login_state",
                columns: table => new
                {
                    id = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    state = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    code = table.Column<string>(type: "varchar(256)", unicode: false, maxLength: 256, nullable: true),
                    browser_hash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    expires_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    consumed = table.Column<bool>(type: "bit", nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wechat_login_state", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recharge_logdict_org_id",
                table: "recharge_logdict",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "IX_recharge_logdict_out_trade_no",
                table: "recharge_logdict",
                column: "out_trade_no",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recharge_logdict_state_state_changed_at",
                table: "recharge_logdict",
                columns: new[] { "state", "state_changed_at" });

            migrationBuilder.CreateIndex(
                name: "IX_wechat_binding_app_id_open_id",
                table: "wechat_binding",
                columns: new[] { "app_id", "open_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wechat_binding_union_id",
                table: "wechat_binding",
                column: "union_id");

            migrationBuilder.CreateIndex(
                name: "IX_wechat_binding_user_id",
                table: "wechat_binding",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_wechat_login_state_expires_at",
                table: "wechat_login_state",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "IX_wechat_login_state_state",
                table: "wechat_login_state",
                column: "state",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recharge_logdict");

            migrationBuilder.DropTable(
                name: "wechat_binding");

            migrationBuilder.DropTable(
                name: "wechat_login_state");
        }
    }
}
