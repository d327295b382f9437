using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustLedger.CertService.Storage.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Consumer = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Purpose = table.Column<string>(type: "text", nullable: false),
                    LegalBasis = table.Column<string>(type: "text", nullable: false),
                    NotAfter = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    RequestedAt = table.Column<long>(type: "bigint", nullable: false),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_sharing_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "data_trail",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Consumer = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: true),
                    DataHash = table.Column<string>(type: "text", nullable: true),
                    Detail = table.Column<string>(type: "text", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    PrevHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    EntryHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    TrailRoot = table.Column<byte[]>(type: "bytea", nullable: true),
                    TrailIndex = table.Column<int>(type: "integer", nullable: true),
                    TrailSize = table.Column<int>(type: "integer", nullable: true),
                    TrailProof = table.Column<byte[]>(type: "bytea", nullable: true),
                    TrailTransaction = table.Column<string>(type: "text", nullable: true),
                    TrailBlock = table.Column<long>(type: "bigint", nullable: true)
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
