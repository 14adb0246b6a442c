using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Approval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "apv_business",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    business_name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    callback_url = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    callback_secret = table.Column<string>(type: "varchar(1000)", unicode: false, maxLength: 1000, nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_apv_business", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "apv_delivery",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    record_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    event_id = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    target = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    business_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    payload = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    state = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "int", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    last_error = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    sent_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_apv_delivery", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "apv_flow",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    business_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    level_data = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_apv_flow", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "apv_key",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    send_dd_user_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    app_key = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    app_secret = table.Column<string>(type: "varchar(1000)", unicode: false, maxLength: 1000, nullable: false),
                    http_aes_key = table.Column<string>(type: "varchar(1000)", unicode: false, maxLength: 1000, nullable: false),
                    http_token = table.Column<string>(type: "varchar(1000)", unicode: false, maxLength: 1000, nullable: false),
                    process_code = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    process_name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_apv_key", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "apv_record",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    apv_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    business_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    business_name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    reference_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    phone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    result_org = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    detail = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    form_component = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    process_code = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    originator_dd_user_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    approvers = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    status = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    failure_reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    finish_time = table.Column<DateTime>(type: "datetime2", nullable: true),
                    status_changed_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    callback_status = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_apv_record", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "apv_send_key",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    business_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    send_phone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    send_dd_user_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    process_code = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    process_name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_apv_send_key", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "apv_template",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    business_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    title_template = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    detail_template = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_apv_template", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_apv_business_business_name",
                table: "apv_business",
                column: "business_name",
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_apv_delivery_event_id_target",
                table: "apv_delivery",
                columns: new[] { "event_id", "target" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_apv_delivery_record_id",
                table: "apv_delivery",
                column: "record_id");

            migrationBuilder.CreateIndex(
                name: "IX_apv_delivery_state_next_attempt_at",
                table: "apv_delivery",
                columns: new[] { "state", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "IX_apv_flow_business_id",
                table: "apv_flow",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "IX_apv_flow_org_id_business_id",
                table: "apv_flow",
                columns: new[] { "org_id", "business_id" },
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_apv_key_org_id",
                table: "apv_key",
                column: "org_id",
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_apv_record_apv_id",
                table: "apv_record",
                column: "apv_id",
                unique: true,
                filter: "apv_id <> ''");

            migrationBuilder.CreateIndex(
                name: "IX_apv_record_org_id_user_id",
                table: "apv_record",
                columns: new[] { "org_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "IX_apv_record_status_status_changed_at",
                table: "apv_record",
                columns: new[] { "status", "status_changed_at" });

            migrationBuilder.CreateIndex(
                name: "IX_apv_send_key_business_id",
                table: "apv_send_key",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "IX_apv_send_key_org_id_business_id",
                table: "apv_send_key",
                columns: new[] { "org_id", "business_id" },
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_apv_template_business_id",
                table: "apv_template",
                column: "business_id",
                unique: true,
                filter: "del_flg = '0'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "apv_business");

            migrationBuilder.DropTable(
                name: "apv_delivery");

            migrationBuilder.DropTable(
                name: "apv_flow");

            migrationBuilder.DropTable(
                name: "apv_key");

            migrationBuilder.DropTable(
                name: "apv_record");

            migrationBuilder.DropTable(
                name: "apv_send_key");

            migrationBuilder.DropTable(
                name: "apv_template");
        }
    }
}
