using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MessagesDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "document",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    kind = table.Column<int>(type: "INTEGER", nullable: true),
                    file_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    content = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    file_path = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    storage_key = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    original_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    content_type = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: true),
                    file_size = table.Column<long>(type: "INTEGER", nullable: true),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "message",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    sender_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    receiver_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    receiver_org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    msg_title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    msg_text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    msg_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    msg_status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    send_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_message", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "msg_config",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    msg_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    msg_text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    is_send = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_msg_config", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_document_org_id",
                table: "document",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "IX_document_status_update_time",
                table: "document",
                columns: new[] { "status", "update_time" });

            migrationBuilder.CreateIndex(
                name: "IX_message_receiver_id_msg_status_send_time",
                table: "message",
                columns: new[] { "receiver_id", "msg_status", "send_time" });

            migrationBuilder.CreateIndex(
                name: "IX_message_receiver_org_id",
                table: "message",
                column: "receiver_org_id");

            migrationBuilder.CreateIndex(
                name: "IX_msg_config_org_id_msg_type",
                table: "msg_config",
                columns: new[] { "org_id", "msg_type" },
                unique: true,
                filter: "del_flg = '0'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document");

            migrationBuilder.DropTable(
                name: "message");

            migrationBuilder.DropTable(
                name: "msg_config");
        }
    }
}
