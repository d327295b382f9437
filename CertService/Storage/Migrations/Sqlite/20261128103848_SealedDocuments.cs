using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustLedger.CertService.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SealedDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<byte[]>(
                name: "LeafHash",
                table: "certificates",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AddColumn<byte[]>(
                name: "DocumentHash",
                table: "certificates",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SealCode",
                table: "certificates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "SealedDocument",
                table: "certificates",
                type: "BLOB",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DocumentHash",
                table: "certificates");

            migrationBuilder.DropColumn(
                name: "SealCode",
                table: "certificates");

            migrationBuilder.DropColumn(
                name: "SealedDocument",
                table: "certificates");

            migrationBuilder.AlterColumn<byte[]>(
                name: "LeafHash",
                table: "certificates",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);
        }
    }
}
