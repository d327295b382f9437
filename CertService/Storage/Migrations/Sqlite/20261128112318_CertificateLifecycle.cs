using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustLedger.CertService.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CertificateLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Lifecycle",
                table: "certificates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "status_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuerCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<ushort>(type: "INTEGER", nullable: false),
                    EffectiveAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TransactionHash = table.Column<string>(type: "TEXT", maxLength: 66, nullable: true),
                    BlockNumber = table.Column<long>(type: "INTEGER", nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_status_changes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_status_changes_CertificateId",
                table: "status_changes",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_status_changes_State_IssuerCode_RequestedAt",
                table: "status_changes",
                columns: new[] { "State", "IssuerCode", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "status_changes");

            migrationBuilder.DropColumn(
                name: "Lifecycle",
                table: "certificates");
        }
    }
}
