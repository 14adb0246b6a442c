using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Marketplace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "company_category");

            migrationBuilder.DropTable(
                name: "product_category");

            migrationBuilder.DropTable(
                name: "publish_product_category");

            migrationBuilder.DropTable(
                name: "user_browse_history");

            migrationBuilder.DropTable(
                name: "user_favorite");

            migrationBuilder.DropTable(
                name: "publish_product");
        }
    }
}
