using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FloatingWidgetMiniProgram : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "floating_apply",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    customer = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    phone = table.Column<string>(type: "TEXT", unicode: false, maxLength: 11, nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    product = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    resources = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    client_address = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_floating_apply", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "floating_picture",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    card_type = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    picture = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_floating_picture", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kyy_supply",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    basic_info = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    excel_info = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: true),
                    file_path = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    remark = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kyy_supply", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sms_code",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    mobile = table.Column<string>(type: "TEXT", unicode: false, maxLength: 11, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    salt = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    code_hash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    client_address = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    expire_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    failure_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sms_code", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sms_send_guard",
                columns: table => new
                {
                    mobile = table.Column<string>(type: "TEXT", unicode: false, maxLength: 11, nullable: false),
                    last_sent_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sms_send_guard", x => x.mobile);
                });

            migrationBuilder.CreateTable(
                name: "user_demand",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    userid = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    remark = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    companyid = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    demandtitle = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    demanddesc = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    brandname = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    modelname = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    demandtype = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    provincename = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    cityname = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    budgetprice = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    demandbegin = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    demandend = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    endtime = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    contactuser = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    contactusermobile = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ordernum = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    recommendstatus = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    priceunit = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: true),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_demand", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "user_supply",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    createby = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    userid = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    remark = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    companyid = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    supplytitle = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    supplydesc = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    supplytype = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    provincename = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    cityname = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    framepowerway = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    framepower = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    frameheight = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    frameprice = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    supplynum = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    supplybegin = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    supplyend = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    endtime = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    bwoperator = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    bwroutetype = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    bwbandwidthprice = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    bwbandwidthnum = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    bwipprice = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    bwippriceunit = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    bwipnum = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    gpuabilitytype = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    gpuapplypflops = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    gpuresource = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    gputype = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    gpunet = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    gpunum = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    gpuoccasion = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    gpuprice = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    supplynodeid = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    nodedataid = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ordernum = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    recommendstatus = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    priceunit = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    brandname = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    modelname = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    infopicurl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    goodstype = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    goodsnumber = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    goodsprice = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    goodsaddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    contactuser = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    contactusermobile = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    companyname = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    batchnum = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    expiretime = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    arrivetime = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: true),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_supply", x => x.id);
                });

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
                name: "IX_sms_code_client_address_sent_at",
                table: "sms_code",
                columns: new[] { "client_address", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "IX_sms_code_mobile_sent_at",
                table: "sms_code",
                columns: new[] { "mobile", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "IX_user_demand_del_flg_recommendstatus",
                table: "user_demand",
                columns: new[] { "del_flg", "recommendstatus" });

            migrationBuilder.CreateIndex(
                name: "IX_user_supply_del_flg_recommendstatus",
                table: "user_supply",
                columns: new[] { "del_flg", "recommendstatus" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "floating_apply");

            migrationBuilder.DropTable(
                name: "floating_picture");

            migrationBuilder.DropTable(
                name: "kyy_supply");

            migrationBuilder.DropTable(
                name: "sms_code");

            migrationBuilder.DropTable(
                name: "sms_send_guard");

            migrationBuilder.DropTable(
                name: "user_demand");

            migrationBuilder.DropTable(
                name: "user_supply");
        }
    }
}
