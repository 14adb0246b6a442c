using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Finance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bill",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    order_goods_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    business_op = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    provider_amt = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    quantity = table.Column<int>(type: "INTEGER", nullable: true),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    cost_amt = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    refunded_amt = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    bill_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    bill_timestamp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    bill_state = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    provider_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    provider_bill_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    resource_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    origin_bill_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    settle_state = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    provider_settle_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bill", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customer_balance",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    customer_org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    balance = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer_balance", x => x.id);
                    table.CheckConstraint("ck_customer_balance_not_negative", "balance >= 0");
                });

            migrationBuilder.CreateTable(
                name: "customer_product_config",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    provider_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    kv = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    saleman_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    apv_state = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    apv_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer_product_config", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_entry",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    customer_org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    balance_after = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_entry", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "org_profile",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    contactor = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    contactor_phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    province_id = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    city_id = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    distinct_id = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    emailaddress = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    main_business = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    orgcode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    license_img = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    id_img = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    accountid = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_profile", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "product_sale_config",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    protocol_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    discount = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: true),
                    price = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_product_sale_config", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "provider_account",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    provider_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    appid = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    providerkey_protected = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    settle_mode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    settle_flowid = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    settle_datep = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_provider_account", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "unified_price_config",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    bid_orgid = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    provider_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    product_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    discount = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: true),
                    price = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unified_price_config", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bill_bill_date_business_op_bill_state",
                table: "bill",
                columns: new[] { "bill_date", "business_op", "bill_state" });

            migrationBuilder.CreateIndex(
                name: "IX_bill_customer_id_bill_date",
                table: "bill",
                columns: new[] { "customer_id", "bill_date" });

            migrationBuilder.CreateIndex(
                name: "IX_bill_origin_bill_id",
                table: "bill",
                column: "origin_bill_id");

            migrationBuilder.CreateIndex(
                name: "IX_bill_provider_id_settle_state_bill_date",
                table: "bill",
                columns: new[] { "provider_id", "settle_state", "bill_date" });

            migrationBuilder.CreateIndex(
                name: "IX_bill_provider_settle_id",
                table: "bill",
                column: "provider_settle_id");

            migrationBuilder.CreateIndex(
                name: "IX_customer_balance_customer_org_id",
                table: "customer_balance",
                column: "customer_org_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_customer_product_config_apv_id",
                table: "customer_product_config",
                column: "apv_id");

            migrationBuilder.CreateIndex(
                name: "IX_customer_product_config_customer_id_product_id_kv_apv_state",
                table: "customer_product_config",
                columns: new[] { "customer_id", "product_id", "kv", "apv_state" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entry_customer_org_id_create_at",
                table: "ledger_entry",
                columns: new[] { "customer_org_id", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entry_idempotency_key",
                table: "ledger_entry",
                column: "idempotency_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entry_reference",
                table: "ledger_entry",
                column: "reference");

            migrationBuilder.CreateIndex(
                name: "IX_org_profile_org_id",
                table: "org_profile",
                column: "org_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_org_profile_orgcode",
                table: "org_profile",
                column: "orgcode");

            migrationBuilder.CreateIndex(
                name: "IX_product_sale_config_product_id",
                table: "product_sale_config",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "IX_product_sale_config_protocol_id_product_id",
                table: "product_sale_config",
                columns: new[] { "protocol_id", "product_id" },
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_provider_account_provider_id",
                table: "provider_account",
                column: "provider_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_unified_price_config_bid_orgid_product_id",
                table: "unified_price_config",
                columns: new[] { "bid_orgid", "product_id" },
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_unified_price_config_bid_orgid_provider_id",
                table: "unified_price_config",
                columns: new[] { "bid_orgid", "provider_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bill");

            migrationBuilder.DropTable(
                name: "customer_balance");

            migrationBuilder.DropTable(
                name: "customer_product_config");

            migrationBuilder.DropTable(
                name: "ledger_entry");

            migrationBuilder.DropTable(
                name: "org_profile");

            migrationBuilder.DropTable(
                name: "product_sale_config");

            migrationBuilder.DropTable(
                name: "provider_account");

            migrationBuilder.DropTable(
                name: "unified_price_config");
        }
    }
}
