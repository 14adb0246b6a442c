using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CatalogAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enterprise_audit_info",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    account_type = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    company_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    license_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    license_original_img = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    license_copy_img = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    office_address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    registered_address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    contact_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    telephone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    mobile_phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    audit_status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false),
                    reject_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enterprise_audit_info", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sale_protocol",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    offer_salemanid = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    offer_orgid = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    bid_orgid = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    salemode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: true),
                    settlemode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    settle_dp = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    protocolfile = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sale_protocol", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "smart_product",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    product_model = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    scale = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    leadtime = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    update_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    brand = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    resource_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    card_type = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    card_interface = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    cpu = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    memory = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    system_disk = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    data_disk = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    data_network = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    card_network = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    outer_bandwidth = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    shared_storage = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    test_claim = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    yearly_rant = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    quarterly_rent = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    monthly_rent = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    remark = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_smart_product", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_enterprise_audit_info_org_id_audit_status_update_time",
                table: "enterprise_audit_info",
                columns: new[] { "org_id", "audit_status", "update_time" });

            migrationBuilder.CreateIndex(
                name: "IX_enterprise_audit_info_user_id",
                table: "enterprise_audit_info",
                column: "user_id",
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_sale_protocol_bid_orgid",
                table: "sale_protocol",
                column: "bid_orgid");

            migrationBuilder.CreateIndex(
                name: "IX_sale_protocol_offer_orgid_bid_orgid",
                table: "sale_protocol",
                columns: new[] { "offer_orgid", "bid_orgid" });

            migrationBuilder.CreateIndex(
                name: "IX_smart_product_update_date_create_at",
                table: "smart_product",
                columns: new[] { "update_date", "create_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enterprise_audit_info");

            migrationBuilder.DropTable(
                name: "sale_protocol");

            migrationBuilder.DropTable(
                name: "smart_product");
        }
    }
}
