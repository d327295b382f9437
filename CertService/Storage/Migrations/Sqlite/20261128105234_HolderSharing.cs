using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustLedger.CertService.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HolderSharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agencies",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    EncryptionPublicKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ApiKeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agencies", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "sharing_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GrantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    EntryHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    TrailRoot = table.Column<byte[]>(type: "BLOB", nullable: true),
                    TrailIndex = table.Column<int>(type: "INTEGER", nullable: true),
                    TrailSize = table.Column<int>(type: "INTEGER", nullable: true),
                    TrailProof = table.Column<byte[]>(type: "BLOB", nullable: true),
                    TrailTransaction = table.Column<string>(type: "TEXT", maxLength: 66, nullable: true),
                    TrailBlock = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sharing_grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NotBefore = table.Column<long>(type: "INTEGER", nullable: false),
                    NotAfter = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_grants", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agencies_ApiKeyHash",
                table: "agencies",
                column: "ApiKeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sharing_events_CertificateId",
                table: "sharing_events",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_events_TrailRoot",
                table: "sharing_events",
                column: "TrailRoot");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_grants_CertificateId",
                table: "sharing_grants",
                column: "CertificateId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agencies");

            migrationBuilder.DropTable(
                name: "sharing_events");

            migrationBuilder.DropTable(
                name: "sharing_grants");
        }
    }
}
