using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PlatformServicesAndMoney : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "disabled",
                table: "users",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "token_version",
                table: "users",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "tokens_revoked_at_utc",
                table: "users",
                type: "datetime2",
                nullable: true);

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

            migrationBuilder.CreateTable(
                name: "bill",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    customer_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    order_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    order_goods_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    business_op = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    provider_amt = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    quantity = table.Column<int>(type: "int", nullable: true),
                    amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    cost_amt = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    refunded_amt = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    bill_date = table.Column<DateOnly>(type: "date", nullable: false),
                    bill_timestamp = table.Column<DateTime>(type: "datetime2", nullable: false),
                    bill_state = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    product_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    provider_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    provider_bill_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    resource_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    origin_bill_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    settle_state = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    provider_settle_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bill", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customer_balance",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    customer_org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    balance = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    customer_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    provider_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    product_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    kv = table.Column<string>(type: "varchar(10)", unicode: false, maxLength: 10, nullable: false),
                    value = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    saleman_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    apv_state = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    apv_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer_product_config", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "document",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    kind = table.Column<int>(type: "int", nullable: true),
                    file_type = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    content = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: true),
                    file_path = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    status = table.Column<int>(type: "int", nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    storage_key = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    original_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    content_type = table.Column<string>(type: "varchar(100)", unicode: false, maxLength: 100, nullable: true),
                    file_size = table.Column<long>(type: "bigint", nullable: true),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "floating_apply",
                columns: table => new
                {
                    id = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    customer = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    phone = table.Column<string>(type: "varchar(11)", unicode: false, maxLength: 11, nullable: false),
                    unit = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    product = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    resources = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    status = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    client_address = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_floating_apply", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "floating_picture",
                columns: table => new
                {
                    id = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    card_type = table.Column<string>(type: "varchar(10)", unicode: false, maxLength: 10, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    picture = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_floating_picture", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kyy_supply",
                columns: table => new
                {
                    id = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    basic_info = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    excel_info = table.Column<string>(type: "nvarchar(max)", maxLength: 65536, nullable: true),
                    file_path = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    remark = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kyy_supply", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_entry",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    customer_org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    kind = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    balance_after = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    reference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    idempotency_key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_entry", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "message",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    sender_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    receiver_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    receiver_org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    msg_title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    msg_text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    msg_type = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    msg_status = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    send_time = table.Column<DateTime>(type: "datetime2", nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_message", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "msg_config",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    msg_type = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    msg_text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    is_send = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_msg_config", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "org_profile",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    contactor = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    contactor_phone = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    province_id = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    city_id = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    distinct_id = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    emailaddress = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    address = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    main_business = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    orgcode = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    license_img = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    id_img = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    accountid = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_profile", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "product_sale_config",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    protocol_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    product_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    discount = table.Column<decimal>(type: "decimal(5,4)", precision: 5, scale: 4, nullable: true),
                    price = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_product_sale_config", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "provider_account",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    provider_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    appid = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    providerkey_protected = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    settle_mode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    settle_flowid = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    settle_datep = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_provider_account", x => x.id);
                });

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
                name: "sms_code",
                columns: table => new
                {
                    id = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    mobile = table.Column<string>(type: "varchar(11)", unicode: false, maxLength: 11, nullable: false),
                    purpose = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    salt = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    code_hash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    client_address = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    sent_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    expire_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    attempts = table.Column<int>(type: "int", nullable: false),
                    state = table.Column<int>(type: "int", nullable: false),
                    failure_reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sms_code", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sms_send_guard",
                columns: table => new
                {
                    mobile = table.Column<string>(type: "varchar(11)", unicode: false, maxLength: 11, nullable: false),
                    last_sent_at = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sms_send_guard", x => x.mobile);
                });

            migrationBuilder.CreateTable(
                name: "unified_price_config",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    bid_orgid = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    provider_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    product_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    product_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    discount = table.Column<decimal>(type: "decimal(5,4)", precision: 5, scale: 4, nullable: true),
                    price = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unified_price_config", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "user_demand",
                columns: table => new
                {
                    id = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    userid = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    remark = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    companyid = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    demandtitle = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    demanddesc = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    brandname = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    modelname = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    demandtype = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    provincename = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    cityname = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    budgetprice = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    demandbegin = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    demandend = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    endtime = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    contactuser = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    contactusermobile = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ordernum = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    recommendstatus = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    priceunit = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: true),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_demand", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "user_supply",
                columns: table => new
                {
                    id = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    createby = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    userid = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    remark = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    companyid = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    supplytitle = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    supplydesc = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    supplytype = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    provincename = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    cityname = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    framepowerway = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    framepower = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    frameheight = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    frameprice = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    supplynum = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    supplybegin = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    supplyend = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    endtime = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    bwoperator = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    bwroutetype = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    bwbandwidthprice = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    bwbandwidthnum = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    bwipprice = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    bwippriceunit = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    bwipnum = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    gpuabilitytype = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    gpuapplypflops = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    gpuresource = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    gputype = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    gpunet = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    gpunum = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    gpuoccasion = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    gpuprice = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    supplynodeid = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    nodedataid = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ordernum = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    recommendstatus = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    priceunit = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    brandname = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    modelname = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    infopicurl = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    goodstype = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    goodsnumber = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    goodsprice = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    goodsaddress = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    contactuser = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    contactusermobile = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    companyname = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    batchnum = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    expiretime = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    arrivetime = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: true),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_supply", x => x.id);
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
                name: "IX_users_tokens_revoked_at_utc",
                table: "users",
                column: "tokens_revoked_at_utc");

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
                name: "IX_document_org_id",
                table: "document",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "IX_document_status_update_time",
                table: "document",
                columns: new[] { "status", "update_time" });

            migrationBuilder.CreateIndex(
                name: "IX_floating_apply_org_id_create_at",
                table: "floating_apply",
                columns: new[] { "org_id", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_floating_picture_card_type_org_id_user_id",
                table: "floating_picture",
                columns: new[] { "card_type", "org_id", "user_id" },
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_kyy_supply_org_id_create_at",
                table: "kyy_supply",
                columns: new[] { "org_id", "create_at" });

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
                name: "IX_sms_code_client_address_sent_at",
                table: "sms_code",
                columns: new[] { "client_address", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "IX_sms_code_mobile_sent_at",
                table: "sms_code",
                columns: new[] { "mobile", "sent_at" });

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

            migrationBuilder.CreateIndex(
                name: "IX_user_demand_del_flg_recommendstatus",
                table: "user_demand",
                columns: new[] { "del_flg", "recommendstatus" });

            migrationBuilder.CreateIndex(
                name: "IX_user_supply_del_flg_recommendstatus",
                table: "user_supply",
                columns: new[] { "del_flg", "recommendstatus" });

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

            migrationBuilder.DropTable(
                name: "bill");

            migrationBuilder.DropTable(
                name: "customer_balance");

            migrationBuilder.DropTable(
                name: "customer_product_config");

            migrationBuilder.DropTable(
                name: "document");

            migrationBuilder.DropTable(
                name: "floating_apply");

            migrationBuilder.DropTable(
                name: "floating_picture");

            migrationBuilder.DropTable(
                name: "kyy_supply");

            migrationBuilder.DropTable(
                name: "ledger_entry");

            migrationBuilder.DropTable(
                name: "message");

            migrationBuilder.DropTable(
                name: "msg_config");

            migrationBuilder.DropTable(
                name: "org_profile");

            migrationBuilder.DropTable(
                name: "product_sale_config");

            migrationBuilder.DropTable(
                name: "provider_account");

            migrationBuilder.DropTable(
                name: "recharge_logdict");

            migrationBuilder.DropTable(
                name: "sms_code");

            migrationBuilder.DropTable(
                name: "sms_send_guard");

            migrationBuilder.DropTable(
                name: "unified_price_config");

            migrationBuilder.DropTable(
                name: "user_demand");

            migrationBuilder.DropTable(
                name: "user_supply");

            migrationBuilder.DropTable(
                name: "wechat_binding");

            migrationBuilder.DropTable(
                name: "wechat_login_state");

            migrationBuilder.DropIndex(
                name: "IX_users_tokens_revoked_at_utc",
                table: "users");

            migrationBuilder.DropColumn(
                name: "disabled",
                table: "users");

            migrationBuilder.DropColumn(
                name: "token_version",
                table: "users");

            migrationBuilder.DropColumn(
                name: "tokens_revoked_at_utc",
                table: "users");
        }
    }
}
