using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Kpi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "saleman_id",
                table: "organization",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "saleman_id",
                table: "organization");
        }
    }
}
