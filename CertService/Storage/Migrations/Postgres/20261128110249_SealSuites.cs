using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustLedger.CertService.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SealSuites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Suite",
                table: "seals",
                type: "text",
                nullable: false,
                defaultValue: "SM2-SM3"); // every seal made before suites were selectable is SM2
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Suite",
                table: "seals");
        }
    }
}
