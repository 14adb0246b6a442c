using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ProductCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "customer_resource",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    customer_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    order_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    order_goods_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    product_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    provider_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    instance_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    expire_time = table.Column<DateTime>(type: "datetime2", nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer_resource", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "homepage_category_tree",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    url_link = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    parent_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    priority = table.Column<int>(type: "int", nullable: false),
                    name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    icon = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    source = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    list_url = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_homepage_category_tree", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "provider",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    prefix = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    state = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    sale_mode = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: true),
                    start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_provider", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "specific_data",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    product_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    spec_data = table.Column<string>(type: "nvarchar(max)", maxLength: 65536, nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_specific_data", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "specification_template",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    pattern_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    product_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    spec_pattern = table.Column<string>(type: "nvarchar(max)", maxLength: 65536, nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_specification_template", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "user_inquiry",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    url_link = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    publish_type = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: true),
                    relate_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    content = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    custom_type = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    phone = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    company = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    feedback = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_inquiry", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wlwl_parameter",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    high_school = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    chaosuan_center = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    route_num = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    broadband = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    price = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: false),
                    distance = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    sort = table.Column<int>(type: "int", nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wlwl_parameter", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "product",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    provider_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    provider_pid = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    label = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    product_group = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    p_type = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    classify = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    state = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    effect_date = table.Column<DateOnly>(type: "date", nullable: true),
                    expire_date = table.Column<DateOnly>(type: "date", nullable: true),
                    sale_mode = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    product_code = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    spec_note = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    product_area = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    specific_pattern = table.Column<string>(type: "nvarchar(max)", maxLength: 65536, nullable: false),
                    reseller_org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
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

            migrationBuilder.InsertData(
                table: "wlwl_parameter",
                columns: new[] { "id", "broadband", "chaosuan_center", "create_at", "del_flg", "distance", "high_school", "price", "route_num", "sort", "update_time" },
                values: new object[] { "wlwlSpecExample000001", "10G", "济南超算", new DateTime(2026, 11, 30, 0, 0, 0, 0, DateTimeKind.Utc), "0", "长距离", "上海交通大学", 350000m, "1", 1, new DateTime(2026, 11, 30, 0, 0, 0, 0, DateTimeKind.Utc) });

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
                name: "IX_provider_org_id",
                table: "provider",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "IX_provider_prefix",
                table: "provider",
                column: "prefix");

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
                name: "IX_wlwl_parameter_sort",
                table: "wlwl_parameter",
                column: "sort");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer_resource");

            migrationBuilder.DropTable(
                name: "homepage_category_tree");

            migrationBuilder.DropTable(
                name: "product");

            migrationBuilder.DropTable(
                name: "specific_data");

            migrationBuilder.DropTable(
                name: "specification_template");

            migrationBuilder.DropTable(
                name: "user_inquiry");

            migrationBuilder.DropTable(
                name: "wlwl_parameter");

            migrationBuilder.DropTable(
                name: "provider");
        }
    }
}
