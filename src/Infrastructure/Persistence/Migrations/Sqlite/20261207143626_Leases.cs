using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Leases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lease_bill",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    customer_org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    creator_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    store_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    device_type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    device_num = table.Column<int>(type: "INTEGER", nullable: false),
                    bandwidth = table.Column<decimal>(type: "TEXT", precision: 19, scale: 2, nullable: false),
                    stored = table.Column<decimal>(type: "TEXT", precision: 19, scale: 2, nullable: false),
                    ip_num = table.Column<int>(type: "INTEGER", nullable: false),
                    test_type = table.Column<int>(type: "INTEGER", nullable: false),
                    test_price = table.Column<decimal>(type: "TEXT", precision: 19, scale: 2, nullable: false),
                    test_day = table.Column<int>(type: "INTEGER", nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 2, nullable: false),
                    finance_bill_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lease_bill", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lease_bill_device",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    bill_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    device_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    recycle_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lease_bill_device", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lease_contract",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    bill_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    salesman = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    client = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    remark = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lease_contract", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lease_product",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    product_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    stock = table.Column<int>(type: "INTEGER", nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    price = table.Column<decimal>(type: "TEXT", precision: 19, scale: 2, nullable: false),
                    lease_start_time = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    lease_end_time = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lease_product", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lease_product_order",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    server_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false),
                    lease_start_time = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    lease_end_time = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    seller_org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    unit_price = table.Column<decimal>(type: "TEXT", precision: 19, scale: 2, nullable: false),
                    lock_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    expire_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    paid_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    released_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    release_reason = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    amount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 2, nullable: false),
                    finance_bill_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lease_product_order", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lease_product_server",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    provider_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    provider_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    product_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    stock = table.Column<int>(type: "INTEGER", nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    price = table.Column<decimal>(type: "TEXT", precision: 19, scale: 2, nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    other_data = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    store_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lease_product_server", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lease_server",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    store_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    store_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    device_type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    device_brand = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    resource_type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    card_type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    card_interface = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    cpu = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    memory = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    system_disk = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    data_disk = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    net_card1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    net_card2 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    other_data = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    price = table.Column<decimal>(type: "TEXT", precision: 19, scale: 2, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    bill_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lease_server", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lease_store",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    bandwidth_price = table.Column<decimal>(type: "TEXT", precision: 19, scale: 2, nullable: false),
                    stored_price = table.Column<decimal>(type: "TEXT", precision: 19, scale: 2, nullable: false),
                    ip_price = table.Column<decimal>(type: "TEXT", precision: 19, scale: 2, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lease_store", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lease_warning",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    bill_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    warn_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    days_left = table.Column<int>(type: "INTEGER", nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lease_warning", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lease_product_server_param",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    server_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    parameter = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    sort_no = table.Column<int>(type: "INTEGER", nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lease_product_server_param", x => x.id);
                    table.ForeignKey(
                        name: "FK_lease_product_server_param_lease_product_server_server_id",
                        column: x => x.server_id,
                        principalTable: "lease_product_server",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_lease_bill_org_id_create_at",
                table: "lease_bill",
                columns: new[] { "org_id", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_lease_bill_status_end_date",
                table: "lease_bill",
                columns: new[] { "status", "end_date" });

            migrationBuilder.CreateIndex(
                name: "IX_lease_bill_user_id_create_at",
                table: "lease_bill",
                columns: new[] { "user_id", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_lease_bill_device_bill_id_device_id",
                table: "lease_bill_device",
                columns: new[] { "bill_id", "device_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_lease_bill_device_device_id_start_date_end_date",
                table: "lease_bill_device",
                columns: new[] { "device_id", "start_date", "end_date" });

            migrationBuilder.CreateIndex(
                name: "IX_lease_contract_bill_id",
                table: "lease_contract",
                column: "bill_id",
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_lease_contract_user_id_create_at",
                table: "lease_contract",
                columns: new[] { "user_id", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_lease_product_org_id_create_at",
                table: "lease_product",
                columns: new[] { "org_id", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_lease_product_order_order_id",
                table: "lease_product_order",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "IX_lease_product_order_server_id_status",
                table: "lease_product_order",
                columns: new[] { "server_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_lease_product_order_status_expire_at",
                table: "lease_product_order",
                columns: new[] { "status", "expire_at" });

            migrationBuilder.CreateIndex(
                name: "IX_lease_product_order_status_lease_end_time",
                table: "lease_product_order",
                columns: new[] { "status", "lease_end_time" });

            migrationBuilder.CreateIndex(
                name: "IX_lease_product_server_product_id",
                table: "lease_product_server",
                column: "product_id",
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_lease_product_server_provider_id",
                table: "lease_product_server",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "IX_lease_product_server_param_server_id",
                table: "lease_product_server_param",
                column: "server_id");

            migrationBuilder.CreateIndex(
                name: "IX_lease_server_bill_id",
                table: "lease_server",
                column: "bill_id");

            migrationBuilder.CreateIndex(
                name: "IX_lease_server_org_id_store_name",
                table: "lease_server",
                columns: new[] { "org_id", "store_name" });

            migrationBuilder.CreateIndex(
                name: "IX_lease_server_product_id_status",
                table: "lease_server",
                columns: new[] { "product_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_lease_store_org_id_name",
                table: "lease_store",
                columns: new[] { "org_id", "name" },
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_lease_warning_bill_id_user_id",
                table: "lease_warning",
                columns: new[] { "bill_id", "user_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lease_bill");

            migrationBuilder.DropTable(
                name: "lease_bill_device");

            migrationBuilder.DropTable(
                name: "lease_contract");

            migrationBuilder.DropTable(
                name: "lease_product");

            migrationBuilder.DropTable(
                name: "lease_product_order");

            migrationBuilder.DropTable(
                name: "lease_product_server_param");

            migrationBuilder.DropTable(
                name: "lease_server");

            migrationBuilder.DropTable(
                name: "lease_store");

            migrationBuilder.DropTable(
                name: "lease_warning");

            migrationBuilder.DropTable(
                name: "lease_product_server");
        }
    }
}
