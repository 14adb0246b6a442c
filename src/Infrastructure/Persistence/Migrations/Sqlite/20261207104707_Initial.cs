using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    entity_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    entity_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "company_category",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    url_link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_company_category", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cpc_operation",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    cpcid = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    cluster_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    device_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false),
                    progress = table.Column<int>(type: "INTEGER", nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    log = table.Column<string>(type: "TEXT", nullable: false),
                    force = table.Column<bool>(type: "INTEGER", nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpc_operation", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cpccluster",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    cpcid = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    cluster_type = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    controller_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    enable_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    export_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    cluster_join_protected = table.Column<string>(type: "TEXT", nullable: false),
                    kubeconfig_protected = table.Column<string>(type: "TEXT", nullable: false),
                    ready = table.Column<int>(type: "INTEGER", nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpccluster", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cpclabel",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    label_type = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    label_key = table.Column<string>(type: "TEXT", unicode: false, maxLength: 317, nullable: false),
                    label_value = table.Column<string>(type: "TEXT", unicode: false, maxLength: 63, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpclabel", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cpclist",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    pcapi_url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    api_user = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    api_pwd_protected = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    enable_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    expire_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    contact_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    contact_phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpclist", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cpcnode",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    cpcid = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    cluster_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    node_status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    role = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false),
                    ip = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    device_type = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    ssh_port = table.Column<int>(type: "INTEGER", nullable: false),
                    admin_user = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    admin_pwd_protected = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    enable_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    export_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    external_ip = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    cpu_model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    cpu_stock = table.Column<long>(type: "INTEGER", nullable: false),
                    memory_model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    memory_stock = table.Column<long>(type: "INTEGER", nullable: false),
                    sysdisk_stock = table.Column<long>(type: "INTEGER", nullable: false),
                    datadisk_stock = table.Column<long>(type: "INTEGER", nullable: false),
                    gpu_model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    gpu_stock = table.Column<long>(type: "INTEGER", nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpcnode", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cpcpodyaml",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    cpcid = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    cluster_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    namespace_name = table.Column<string>(type: "TEXT", unicode: false, maxLength: 63, nullable: false),
                    serviceaccount_name = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    podcd_name = table.Column<string>(type: "TEXT", unicode: false, maxLength: 63, nullable: false),
                    service_name = table.Column<string>(type: "TEXT", unicode: false, maxLength: 63, nullable: false),
                    source_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    source_authuser = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    source_authpasswd_protected = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    source_podengine = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    source_replicasetnum = table.Column<int>(type: "INTEGER", nullable: false),
                    instance_type = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    pod_imagepath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 300, nullable: false),
                    source_memrate = table.Column<string>(type: "TEXT", unicode: false, maxLength: 30, nullable: false),
                    source_cpurate = table.Column<string>(type: "TEXT", unicode: false, maxLength: 30, nullable: false),
                    source_selflabel = table.Column<string>(type: "TEXT", unicode: false, maxLength: 400, nullable: false),
                    source_gpu = table.Column<int>(type: "INTEGER", nullable: false),
                    source_portmode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    source_restartpolicy = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    source_apiport = table.Column<int>(type: "INTEGER", nullable: false),
                    source_insideport = table.Column<int>(type: "INTEGER", nullable: false),
                    source_outsideport = table.Column<int>(type: "INTEGER", nullable: false),
                    source_mountpath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    source_storagelimits = table.Column<string>(type: "TEXT", unicode: false, maxLength: 30, nullable: false),
                    source_nodeselector = table.Column<string>(type: "TEXT", unicode: false, maxLength: 400, nullable: false),
                    cpu_model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    gpu_model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    disk_sys_limit = table.Column<string>(type: "TEXT", unicode: false, maxLength: 30, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false, defaultValue: "live"),
                    operation = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false, defaultValue: ""),
                    resume_state = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false, defaultValue: ""),
                    failure_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false, defaultValue: ""),
                    state_changed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpcpodyaml", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cpcwidget",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    cpcid = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    unit_price = table.Column<decimal>(type: "TEXT", precision: 19, scale: 6, nullable: false),
                    resource_unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    charge_unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    account_unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpcwidget", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customer_resource",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    order_goods_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    provider_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    instance_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    expire_time = table.Column<DateTime>(type: "TEXT", nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer_resource", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    xml = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection_keys", x => x.id);
                });

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
                name: "homepage_category_tree",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    url_link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    parent_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    priority = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    icon = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    list_url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_homepage_category_tree", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "k8s_instance",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    customer_goods_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    cpcid = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    cluster_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    cpu_model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    gpu_model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    namespace_name = table.Column<string>(type: "TEXT", unicode: false, maxLength: 63, nullable: false),
                    podname = table.Column<string>(type: "TEXT", unicode: false, maxLength: 63, nullable: false),
                    pvcname = table.Column<string>(type: "TEXT", unicode: false, maxLength: 63, nullable: false),
                    image = table.Column<string>(type: "TEXT", unicode: false, maxLength: 300, nullable: false),
                    cpu = table.Column<int>(type: "INTEGER", nullable: false),
                    memory = table.Column<int>(type: "INTEGER", nullable: false),
                    gpu = table.Column<int>(type: "INTEGER", nullable: false),
                    gpumem = table.Column<int>(type: "INTEGER", nullable: true),
                    storage = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false, defaultValue: "live"),
                    operation = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false, defaultValue: ""),
                    resume_state = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false, defaultValue: ""),
                    failure_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false, defaultValue: ""),
                    state_changed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_k8s_instance", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organization",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    owner_org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organization", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "product_category",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    parent_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    url_link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    priority = table.Column<int>(type: "INTEGER", nullable: false),
                    permission = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    cart_flag = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_product_category", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "provider",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    prefix = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    sale_mode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: true),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_provider", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "publish_product",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    url_link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    publish_type = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    cart_flag = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: true),
                    img = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    product_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    product_category = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    company_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    company_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    contact_person = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    job_title = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    phone_number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    cpu = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    memeory = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    gpu = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    sys_disk = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    data_disk = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    net_card = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    price = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    discount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    discount_price = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    service_charge = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    short_term = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: true),
                    priority = table.Column<int>(type: "INTEGER", nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    first_page = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    requirement_summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    related_parameters = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    application_scenario = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    audit_status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false),
                    listing_status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: true),
                    reject_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_publish_product", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "revoked_token",
                columns: table => new
                {
                    jti = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    expires_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_revoked_token", x => x.jti);
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
                name: "shared_key",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shared_key", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_throttle",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    failures = table.Column<int>(type: "INTEGER", nullable: false),
                    pending = table.Column<int>(type: "INTEGER", nullable: false),
                    blocked_until_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_failure_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    pending_since_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sign_in_throttle", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "site",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    url_link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_site", x => x.id);
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
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_smart_product", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "specific_data",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    spec_data = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_specific_data", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "specification_template",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    pattern_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    spec_pattern = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_specification_template", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "user_browse_history",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    browse_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ip_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    user_agent = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    priority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    tag = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_browse_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "user_favorite",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    favorite_type = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    tag = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_favorite", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "user_inquiry",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    url_link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    publish_type = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: true),
                    relate_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    custom_type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    company = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    feedback = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_inquiry", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    username = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    normalized_username = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    roles = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wlwl_parameter",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    high_school = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    chaosuan_center = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    route_num = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    broadband = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    price = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    distance = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    sort = table.Column<int>(type: "INTEGER", nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wlwl_parameter", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cpcwidget_stock",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    widget_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    cluster_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    stock = table.Column<long>(type: "INTEGER", nullable: false),
                    consumed = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpcwidget_stock", x => x.id);
                    table.ForeignKey(
                        name: "FK_cpcwidget_stock_cpccluster_cluster_id",
                        column: x => x.cluster_id,
                        principalTable: "cpccluster",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_cpcwidget_stock_cpcwidget_widget_id",
                        column: x => x.widget_id,
                        principalTable: "cpcwidget",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "product",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    provider_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    provider_pid = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    product_group = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    p_type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    classify = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    effect_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    expire_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    sale_mode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    product_code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    spec_note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    product_area = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    specific_pattern = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: false),
                    reseller_org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_product", x => x.id);
                    table.ForeignKey(
                        name: "FK_product_provider_provider_id",
                        column: x => x.provider_id,
                        principalTable: "provider",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "publish_product_category",
                columns: table => new
                {
                    product_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    category_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_publish_product_category", x => new { x.product_id, x.category_id });
                    table.ForeignKey(
                        name: "FK_publish_product_category_publish_product_product_id",
                        column: x => x.product_id,
                        principalTable: "publish_product",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "wlwl_parameter",
                columns: new[] { "id", "broadband", "chaosuan_center", "create_at", "del_flg", "distance", "high_school", "org_id", "price", "route_num", "sort", "update_time" },
                values: new object[] { "wlwlSpecExample000001", "10G", "济南超算", new DateTime(2026, 11, 30, 0, 0, 0, 0, DateTimeKind.Utc), "0", "长距离", "上海交通大学", null, 350000m, "1", 1, new DateTime(2026, 11, 30, 0, 0, 0, 0, DateTimeKind.Utc) });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_create_at",
                table: "audit_log",
                column: "create_at");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_entity_type_entity_id",
                table: "audit_log",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "IX_company_category_org_id_url_link_name",
                table: "company_category",
                columns: new[] { "org_id", "url_link", "name" },
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_company_category_url_link_create_at",
                table: "company_category",
                columns: new[] { "url_link", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_cpc_operation_cluster_id_status",
                table: "cpc_operation",
                columns: new[] { "cluster_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_cpc_operation_cpcid_id",
                table: "cpc_operation",
                columns: new[] { "cpcid", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_cpc_operation_device_id_status",
                table: "cpc_operation",
                columns: new[] { "device_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_cpc_operation_status",
                table: "cpc_operation",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "IX_cpccluster_controller_id",
                table: "cpccluster",
                column: "controller_id");

            migrationBuilder.CreateIndex(
                name: "IX_cpccluster_cpcid_id",
                table: "cpccluster",
                columns: new[] { "cpcid", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_cpclabel_org_id_id",
                table: "cpclabel",
                columns: new[] { "org_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_cpclabel_org_id_label_type_label_key_label_value",
                table: "cpclabel",
                columns: new[] { "org_id", "label_type", "label_key", "label_value" },
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_cpclist_org_id_id",
                table: "cpclist",
                columns: new[] { "org_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_cpcnode_cluster_id",
                table: "cpcnode",
                column: "cluster_id");

            migrationBuilder.CreateIndex(
                name: "IX_cpcnode_cpcid_id",
                table: "cpcnode",
                columns: new[] { "cpcid", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_cpcnode_cpcid_ip",
                table: "cpcnode",
                columns: new[] { "cpcid", "ip" },
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_cpcnode_cpcid_node_status",
                table: "cpcnode",
                columns: new[] { "cpcid", "node_status" });

            migrationBuilder.CreateIndex(
                name: "IX_cpcpodyaml_cluster_id_id",
                table: "cpcpodyaml",
                columns: new[] { "cluster_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_cpcpodyaml_cluster_id_source_outsideport",
                table: "cpcpodyaml",
                columns: new[] { "cluster_id", "source_outsideport" },
                unique: true,
                filter: "del_flg = '0' AND source_portmode = 'NodePort' AND state <> 'failed'");

            migrationBuilder.CreateIndex(
                name: "IX_cpcpodyaml_cpcid",
                table: "cpcpodyaml",
                column: "cpcid");

            migrationBuilder.CreateIndex(
                name: "IX_cpcpodyaml_org_id_cluster_id",
                table: "cpcpodyaml",
                columns: new[] { "org_id", "cluster_id" });

            migrationBuilder.CreateIndex(
                name: "IX_cpcpodyaml_source_nodeselector",
                table: "cpcpodyaml",
                column: "source_nodeselector");

            migrationBuilder.CreateIndex(
                name: "IX_cpcpodyaml_source_selflabel",
                table: "cpcpodyaml",
                column: "source_selflabel");

            migrationBuilder.CreateIndex(
                name: "IX_cpcpodyaml_state_state_changed_at",
                table: "cpcpodyaml",
                columns: new[] { "state", "state_changed_at" });

            migrationBuilder.CreateIndex(
                name: "IX_cpcwidget_cpcid_type_model",
                table: "cpcwidget",
                columns: new[] { "cpcid", "type", "model" },
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_cpcwidget_type_update_time",
                table: "cpcwidget",
                columns: new[] { "type", "update_time" });

            migrationBuilder.CreateIndex(
                name: "IX_cpcwidget_stock_cluster_id",
                table: "cpcwidget_stock",
                column: "cluster_id");

            migrationBuilder.CreateIndex(
                name: "IX_cpcwidget_stock_widget_id_cluster_id",
                table: "cpcwidget_stock",
                columns: new[] { "widget_id", "cluster_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_customer_resource_customer_id_expire_time",
                table: "customer_resource",
                columns: new[] { "customer_id", "expire_time" });

            migrationBuilder.CreateIndex(
                name: "IX_customer_resource_order_id",
                table: "customer_resource",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "IX_customer_resource_user_id_expire_time",
                table: "customer_resource",
                columns: new[] { "user_id", "expire_time" });

            migrationBuilder.CreateIndex(
                name: "IX_customer_resource_user_id_product_id",
                table: "customer_resource",
                columns: new[] { "user_id", "product_id" });

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
                name: "IX_homepage_category_tree_org_id_name",
                table: "homepage_category_tree",
                columns: new[] { "org_id", "name" });

            migrationBuilder.CreateIndex(
                name: "IX_homepage_category_tree_parent_id",
                table: "homepage_category_tree",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "IX_homepage_category_tree_url_link_priority",
                table: "homepage_category_tree",
                columns: new[] { "url_link", "priority" });

            migrationBuilder.CreateIndex(
                name: "IX_k8s_instance_cluster_id",
                table: "k8s_instance",
                column: "cluster_id");

            migrationBuilder.CreateIndex(
                name: "IX_k8s_instance_org_id_customer_goods_id",
                table: "k8s_instance",
                columns: new[] { "org_id", "customer_goods_id" });

            migrationBuilder.CreateIndex(
                name: "IX_k8s_instance_state_state_changed_at",
                table: "k8s_instance",
                columns: new[] { "state", "state_changed_at" });

            migrationBuilder.CreateIndex(
                name: "IX_organization_name",
                table: "organization",
                column: "name",
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_organization_owner_org_id",
                table: "organization",
                column: "owner_org_id");

            migrationBuilder.CreateIndex(
                name: "IX_product_product_code",
                table: "product",
                column: "product_code");

            migrationBuilder.CreateIndex(
                name: "IX_product_provider_id_product_group_create_at",
                table: "product",
                columns: new[] { "provider_id", "product_group", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_product_reseller_org_id_product_group_create_at",
                table: "product",
                columns: new[] { "reseller_org_id", "product_group", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_product_category_org_id_url_link_parent_id_name",
                table: "product_category",
                columns: new[] { "org_id", "url_link", "parent_id", "name" });

            migrationBuilder.CreateIndex(
                name: "IX_product_category_parent_id",
                table: "product_category",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "IX_product_category_url_link",
                table: "product_category",
                column: "url_link");

            migrationBuilder.CreateIndex(
                name: "IX_provider_org_id",
                table: "provider",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "IX_provider_prefix",
                table: "provider",
                column: "prefix");

            migrationBuilder.CreateIndex(
                name: "IX_publish_product_audit_status_listing_status_publish_type_first_page_priority_create_at",
                table: "publish_product",
                columns: new[] { "audit_status", "listing_status", "publish_type", "first_page", "priority", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_publish_product_company_type",
                table: "publish_product",
                column: "company_type");

            migrationBuilder.CreateIndex(
                name: "IX_publish_product_org_id_create_at",
                table: "publish_product",
                columns: new[] { "org_id", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_publish_product_url_link",
                table: "publish_product",
                column: "url_link");

            migrationBuilder.CreateIndex(
                name: "IX_publish_product_user_id_create_at",
                table: "publish_product",
                columns: new[] { "user_id", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_publish_product_category_category_id_product_id",
                table: "publish_product_category",
                columns: new[] { "category_id", "product_id" });

            migrationBuilder.CreateIndex(
                name: "IX_revoked_token_expires_at_utc",
                table: "revoked_token",
                column: "expires_at_utc");

            migrationBuilder.CreateIndex(
                name: "IX_sale_protocol_bid_orgid",
                table: "sale_protocol",
                column: "bid_orgid");

            migrationBuilder.CreateIndex(
                name: "IX_sale_protocol_offer_orgid_bid_orgid",
                table: "sale_protocol",
                columns: new[] { "offer_orgid", "bid_orgid" });

            migrationBuilder.CreateIndex(
                name: "IX_sign_in_throttle_last_failure_utc",
                table: "sign_in_throttle",
                column: "last_failure_utc");

            migrationBuilder.CreateIndex(
                name: "IX_site_org_id",
                table: "site",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "IX_site_url_link",
                table: "site",
                column: "url_link",
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_smart_product_org_id",
                table: "smart_product",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "IX_smart_product_update_date_create_at",
                table: "smart_product",
                columns: new[] { "update_date", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_specific_data_org_id_create_at",
                table: "specific_data",
                columns: new[] { "org_id", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_specific_data_product_id_create_at",
                table: "specific_data",
                columns: new[] { "product_id", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_specification_template_org_id_create_at",
                table: "specification_template",
                columns: new[] { "org_id", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_specification_template_org_id_product_id_create_at",
                table: "specification_template",
                columns: new[] { "org_id", "product_id", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_user_browse_history_product_id",
                table: "user_browse_history",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "IX_user_browse_history_user_id_browse_time",
                table: "user_browse_history",
                columns: new[] { "user_id", "browse_time" });

            migrationBuilder.CreateIndex(
                name: "IX_user_browse_history_user_id_product_id",
                table: "user_browse_history",
                columns: new[] { "user_id", "product_id" },
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_user_favorite_product_id",
                table: "user_favorite",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "IX_user_favorite_user_id_favorite_type_create_at",
                table: "user_favorite",
                columns: new[] { "user_id", "favorite_type", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_user_favorite_user_id_product_id",
                table: "user_favorite",
                columns: new[] { "user_id", "product_id" },
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_user_inquiry_org_id_url_link_create_at",
                table: "user_inquiry",
                columns: new[] { "org_id", "url_link", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_user_inquiry_relate_id",
                table: "user_inquiry",
                column: "relate_id");

            migrationBuilder.CreateIndex(
                name: "IX_user_inquiry_url_link_create_at",
                table: "user_inquiry",
                columns: new[] { "url_link", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_users_normalized_username",
                table: "users",
                column: "normalized_username",
                unique: true,
                filter: "del_flg = '0' AND normalized_username IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_users_org_id",
                table: "users",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "IX_users_username",
                table: "users",
                column: "username",
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_wlwl_parameter_chaosuan_center_sort",
                table: "wlwl_parameter",
                columns: new[] { "chaosuan_center", "sort" });

            migrationBuilder.CreateIndex(
                name: "IX_wlwl_parameter_high_school_chaosuan_center_route_num_broadband",
                table: "wlwl_parameter",
                columns: new[] { "high_school", "chaosuan_center", "route_num", "broadband" },
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_wlwl_parameter_org_id",
                table: "wlwl_parameter",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "IX_wlwl_parameter_sort",
                table: "wlwl_parameter",
                column: "sort");

            // The scheduler's tables (Quartz 4.7.3's schema, ADR 0019), hand-written apart so this can be regenerated.
            migrationBuilder.Sql(Kboss.Infrastructure.Scheduling.SchedulerSchema.SqliteUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Kboss.Infrastructure.Scheduling.SchedulerSchema.SqliteDown);

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "company_category");

            migrationBuilder.DropTable(
                name: "cpc_operation");

            migrationBuilder.DropTable(
                name: "cpclabel");

            migrationBuilder.DropTable(
                name: "cpclist");

            migrationBuilder.DropTable(
                name: "cpcnode");

            migrationBuilder.DropTable(
                name: "cpcpodyaml");

            migrationBuilder.DropTable(
                name: "cpcwidget_stock");

            migrationBuilder.DropTable(
                name: "customer_resource");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "enterprise_audit_info");

            migrationBuilder.DropTable(
                name: "homepage_category_tree");

            migrationBuilder.DropTable(
                name: "k8s_instance");

            migrationBuilder.DropTable(
                name: "organization");

            migrationBuilder.DropTable(
                name: "product");

            migrationBuilder.DropTable(
                name: "product_category");

            migrationBuilder.DropTable(
                name: "publish_product_category");

            migrationBuilder.DropTable(
                name: "revoked_token");

            migrationBuilder.DropTable(
                name: "sale_protocol");

            migrationBuilder.DropTable(
                name: "shared_key");

            migrationBuilder.DropTable(
                name: "sign_in_throttle");

            migrationBuilder.DropTable(
                name: "site");

            migrationBuilder.DropTable(
                name: "smart_product");

            migrationBuilder.DropTable(
                name: "specific_data");

            migrationBuilder.DropTable(
                name: "specification_template");

            migrationBuilder.DropTable(
                name: "user_browse_history");

            migrationBuilder.DropTable(
                name: "user_favorite");

            migrationBuilder.DropTable(
                name: "user_inquiry");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "wlwl_parameter");

            migrationBuilder.DropTable(
                name: "cpccluster");

            migrationBuilder.DropTable(
                name: "cpcwidget");

            migrationBuilder.DropTable(
                name: "provider");

            migrationBuilder.DropTable(
                name: "publish_product");
        }
    }
}
