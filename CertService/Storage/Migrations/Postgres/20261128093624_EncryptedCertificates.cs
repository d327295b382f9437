using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustLedger.CertService.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EncryptedCertificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CanonicalJson",
                table: "certificates");

            migrationBuilder.AddColumn<byte[]>(
                name: "SealedCertificate",
                table: "certificates",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SealedCertificate",
                table: "certificates");

            migrationBuilder.AddColumn<string>(
                name: "CanonicalJson",
                table: "certificates",
                type: "text",
                nullable: false,
                defaultValue: "");
        }
    }
}
