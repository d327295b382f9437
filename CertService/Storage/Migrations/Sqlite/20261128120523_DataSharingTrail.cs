using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustLedger.CertService.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DataSharingTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_sharing_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", nullable: false),
                    NotAfter = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_sharing_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "data_trail",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: true),
                    DataHash = table.Column<string>(type: "TEXT", nullable: true),
                    Detail = table.Column<string>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    PrevHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    EntryHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    TrailRoot = table.Column<byte[]>(type: "BLOB", nullable: true),
                    TrailIndex = table.Column<int>(type: "INTEGER", nullable: true),
                    TrailSize = table.Column<int>(type: "INTEGER", nullable: true),
                    TrailProof = table.Column<byte[]>(type: "BLOB", nullable: true),
                    TrailTransaction = table.Column<string>(type: "TEXT", nullable: true),
                    TrailBlock = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_trail", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_data_sharing_requests_ResourceCode",
                table: "data_sharing_requests",
                column: "ResourceCode");

            migrationBuilder.CreateIndex(
                name: "IX_data_trail_ResourceCode_Sequence",
                table: "data_trail",
                columns: new[] { "ResourceCode", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_data_trail_TrailRoot",
                table: "data_trail",
                column: "TrailRoot");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_sharing_requests");

            migrationBuilder.DropTable(
                name: "data_trail");
        }
    }
}
