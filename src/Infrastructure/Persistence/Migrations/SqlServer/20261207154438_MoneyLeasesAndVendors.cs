using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MoneyLeasesAndVendors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "rebate_rate",
                table: "product_sale_config",
                type: "decimal(5,4)",
                precision: 5,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "saleman_id",
                table: "organization",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "cds_resource",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    operator_org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    resource_type = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    vendor_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    parent_vendor_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    region_code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    zone_code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    task_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false),
                    state = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false, defaultValue: "live"),
                    operation = table.Column<string>(type: "varchar(10)", unicode: false, maxLength: 10, nullable: false, defaultValue: ""),
                    resume_state = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false, defaultValue: ""),
                    failure_reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false, defaultValue: ""),
                    state_changed_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cds_resource", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cpcc_provider_link",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    cpcid = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    provider_org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    provider_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    protocol_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpcc_provider_link", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cpcc_purchase",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    customer_org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    product_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    provider_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    cluster_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    instance_config_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    bill_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    refund_bill_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    list_amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    duration = table.Column<int>(type: "int", nullable: false),
                    duration_unit = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    idempotency_key = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    request_hash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    state = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpcc_purchase", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customer_invoice_info",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    client_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    contract_number = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    invoice_type = table.Column<int>(type: "int", nullable: false),
                    invoice_title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    tax_no = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    bank_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    bank_account = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    phone = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    receiver_name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    address = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    post_code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    title_type = table.Column<int>(type: "int", nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer_invoice_info", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "invoice_application",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    maker = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    client_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    record_count = table.Column<int>(type: "int", nullable: false),
                    info_snapshot = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    apv_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    state = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    failure_reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoice_application", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "invoice_application_item",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    application_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    recharge_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    live = table.Column<bool>(type: "bit", nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoice_application_item", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lease_bill",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    customer_org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    creator_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    store_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    device_type = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    device_num = table.Column<int>(type: "int", nullable: false),
                    bandwidth = table.Column<decimal>(type: "decimal(19,2)", precision: 19, scale: 2, nullable: false),
                    stored = table.Column<decimal>(type: "decimal(19,2)", precision: 19, scale: 2, nullable: false),
                    ip_num = table.Column<int>(type: "int", nullable: false),
                    test_type = table.Column<int>(type: "int", nullable: false),
                    test_price = table.Column<decimal>(type: "decimal(19,2)", precision: 19, scale: 2, nullable: false),
                    test_day = table.Column<int>(type: "int", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<int>(type: "int", nullable: false),
                    amount = table.Column<decimal>(type: "decimal(19,2)", precision: 19, scale: 2, nullable: false),
                    finance_bill_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lease_bill", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lease_bill_device",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    bill_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    product_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    device_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<int>(type: "int", nullable: false),
                    recycle_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lease_bill_device", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lease_contract",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    bill_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    salesman = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    client = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    remark = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lease_contract", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lease_product",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    product_name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    stock = table.Column<int>(type: "int", nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    price = table.Column<decimal>(type: "decimal(19,2)", precision: 19, scale: 2, nullable: false),
                    lease_start_time = table.Column<DateOnly>(type: "date", nullable: false),
                    lease_end_time = table.Column<DateOnly>(type: "date", nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lease_product", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lease_product_order",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    server_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    product_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    count = table.Column<int>(type: "int", nullable: false),
                    lease_start_time = table.Column<DateOnly>(type: "date", nullable: false),
                    lease_end_time = table.Column<DateOnly>(type: "date", nullable: false),
                    order_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    status = table.Column<int>(type: "int", nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    seller_org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    unit_price = table.Column<decimal>(type: "decimal(19,2)", precision: 19, scale: 2, nullable: false),
                    lock_time = table.Column<DateTime>(type: "datetime2", nullable: false),
                    expire_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    paid_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    released_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    release_reason = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    amount = table.Column<decimal>(type: "decimal(19,2)", precision: 19, scale: 2, nullable: false),
                    finance_bill_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lease_product_order", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lease_product_server",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    provider_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    provider_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    product_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    product_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    stock = table.Column<int>(type: "int", nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    price = table.Column<decimal>(type: "decimal(19,2)", precision: 19, scale: 2, nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    other_data = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    store_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    status = table.Column<int>(type: "int", nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lease_product_server", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lease_server",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    product_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    store_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    store_name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    device_type = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    device_brand = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    resource_type = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    card_type = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    card_interface = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    cpu = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    memory = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    system_disk = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    data_disk = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    net_card1 = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    net_card2 = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    other_data = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    price = table.Column<decimal>(type: "decimal(19,2)", precision: 19, scale: 2, nullable: false),
                    status = table.Column<int>(type: "int", nullable: false),
                    bill_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lease_server", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lease_store",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    location = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    address = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    bandwidth_price = table.Column<decimal>(type: "decimal(19,2)", precision: 19, scale: 2, nullable: false),
                    stored_price = table.Column<decimal>(type: "decimal(19,2)", precision: 19, scale: 2, nullable: false),
                    ip_price = table.Column<decimal>(type: "decimal(19,2)", precision: 19, scale: 2, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lease_store", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lease_warning",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    bill_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    warn_date = table.Column<DateOnly>(type: "date", nullable: false),
                    days_left = table.Column<int>(type: "int", nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lease_warning", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "provider_settlement",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    provider_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    bill_count = table.Column<int>(type: "int", nullable: false),
                    total_provider_amt = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    total_amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    settle_amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    state = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    apv_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    source = table.Column<string>(type: "varchar(10)", unicode: false, maxLength: 10, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    phone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    settled_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    version = table.Column<int>(type: "int", nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_provider_settlement", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "provider_settlement_bill",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    settle_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    bill_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    settle_amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_provider_settlement_bill", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reseller",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    domain_name = table.Column<string>(type: "nvarchar(253)", maxLength: 253, nullable: true),
                    logo = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    license_number = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    license = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reseller", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "vendor_credential",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    vendor = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    access_key_id = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    secret_protected = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    endpoint = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    updated_by = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendor_credential", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lease_product_server_param",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    server_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    parameter = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    number = table.Column<int>(type: "int", nullable: false),
                    sort_no = table.Column<int>(type: "int", nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                name: "ix_organization_kpi_owner",
                table: "organization",
                columns: new[] { "owner_org_id", "kind", "create_at", "del_flg", "saleman_id" });

            migrationBuilder.CreateIndex(
                name: "ix_organization_kpi_saleman",
                table: "organization",
                columns: new[] { "saleman_id", "kind", "create_at", "del_flg" });

            migrationBuilder.CreateIndex(
                name: "ix_bill_kpi_customer_newest",
                table: "bill",
                columns: new[] { "customer_id", "bill_timestamp", "id", "bill_date", "del_flg", "amount" });

            migrationBuilder.CreateIndex(
                name: "ix_bill_kpi_money",
                table: "bill",
                columns: new[] { "business_op", "bill_state", "bill_date", "customer_id", "del_flg", "amount", "cost_amt", "provider_amt" });

            migrationBuilder.CreateIndex(
                name: "ix_bill_kpi_newest",
                table: "bill",
                columns: new[] { "bill_timestamp", "id", "customer_id", "bill_date", "del_flg" });

            migrationBuilder.CreateIndex(
                name: "IX_cds_resource_org_id_resource_type",
                table: "cds_resource",
                columns: new[] { "org_id", "resource_type" });

            migrationBuilder.CreateIndex(
                name: "IX_cds_resource_resource_type_vendor_id",
                table: "cds_resource",
                columns: new[] { "resource_type", "vendor_id" },
                unique: true,
                filter: "vendor_id IS NOT NULL AND del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_cds_resource_state_state_changed_at",
                table: "cds_resource",
                columns: new[] { "state", "state_changed_at" });

            migrationBuilder.CreateIndex(
                name: "IX_cpcc_provider_link_cpcid",
                table: "cpcc_provider_link",
                column: "cpcid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cpcc_provider_link_org_id",
                table: "cpcc_provider_link",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "IX_cpcc_provider_link_provider_id",
                table: "cpcc_provider_link",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "IX_cpcc_purchase_customer_org_id_create_at",
                table: "cpcc_purchase",
                columns: new[] { "customer_org_id", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_cpcc_purchase_customer_org_id_idempotency_key",
                table: "cpcc_purchase",
                columns: new[] { "customer_org_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_cpcc_purchase_instance_config_id",
                table: "cpcc_purchase",
                column: "instance_config_id");

            migrationBuilder.CreateIndex(
                name: "IX_customer_invoice_info_client_id",
                table: "customer_invoice_info",
                column: "client_id",
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_customer_invoice_info_org_id",
                table: "customer_invoice_info",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "IX_invoice_application_apv_id",
                table: "invoice_application",
                column: "apv_id");

            migrationBuilder.CreateIndex(
                name: "IX_invoice_application_client_id_state",
                table: "invoice_application",
                columns: new[] { "client_id", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_invoice_application_user_id_create_at",
                table: "invoice_application",
                columns: new[] { "user_id", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_invoice_application_item_application_id",
                table: "invoice_application_item",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "IX_invoice_application_item_recharge_id",
                table: "invoice_application_item",
                column: "recharge_id",
                unique: true,
                filter: "live = 1");

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

            migrationBuilder.CreateIndex(
                name: "IX_provider_settlement_apv_id",
                table: "provider_settlement",
                column: "apv_id");

            migrationBuilder.CreateIndex(
                name: "IX_provider_settlement_org_id_provider_id_start_date_end_date",
                table: "provider_settlement",
                columns: new[] { "org_id", "provider_id", "start_date", "end_date" },
                unique: true,
                filter: "state <> '3'");

            migrationBuilder.CreateIndex(
                name: "IX_provider_settlement_org_id_state",
                table: "provider_settlement",
                columns: new[] { "org_id", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_provider_settlement_bill_bill_id",
                table: "provider_settlement_bill",
                column: "bill_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_provider_settlement_bill_settle_id",
                table: "provider_settlement_bill",
                column: "settle_id");

            migrationBuilder.CreateIndex(
                name: "IX_reseller_domain_name",
                table: "reseller",
                column: "domain_name",
                unique: true,
                filter: "del_flg = '0' AND domain_name IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_reseller_org_id",
                table: "reseller",
                column: "org_id",
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_vendor_credential_org_id_vendor",
                table: "vendor_credential",
                columns: new[] { "org_id", "vendor" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cds_resource");

            migrationBuilder.DropTable(
                name: "cpcc_provider_link");

            migrationBuilder.DropTable(
                name: "cpcc_purchase");

            migrationBuilder.DropTable(
                name: "customer_invoice_info");

            migrationBuilder.DropTable(
                name: "invoice_application");

            migrationBuilder.DropTable(
                name: "invoice_application_item");

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
                name: "provider_settlement");

            migrationBuilder.DropTable(
                name: "provider_settlement_bill");

            migrationBuilder.DropTable(
                name: "reseller");

            migrationBuilder.DropTable(
                name: "vendor_credential");

            migrationBuilder.DropTable(
                name: "lease_product_server");

            migrationBuilder.DropIndex(
                name: "ix_organization_kpi_owner",
                table: "organization");

            migrationBuilder.DropIndex(
                name: "ix_organization_kpi_saleman",
                table: "organization");

            migrationBuilder.DropIndex(
                name: "ix_bill_kpi_customer_newest",
                table: "bill");

            migrationBuilder.DropIndex(
                name: "ix_bill_kpi_money",
                table: "bill");

            migrationBuilder.DropIndex(
                name: "ix_bill_kpi_newest",
                table: "bill");

            migrationBuilder.DropColumn(
                name: "rebate_rate",
                table: "product_sale_config");

            migrationBuilder.DropColumn(
                name: "saleman_id",
                table: "organization");
        }
    }
}
