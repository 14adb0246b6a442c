using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DataBackfills : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Owner orgs of rows written before sites, price rows and smart products had owners (ADR 0017), and the
            // states of instance rows written before the outside-call pattern (ADR 0015); both idempotent, no-ops on a
            // new database. Hand-written SQL lives apart so migrations can be regenerated.
            foreach (var sql in SiteOwnershipBackfill.All) migrationBuilder.Sql(sql);
            migrationBuilder.Sql(OutsideCallsBackfill.Sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
