using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustLedger.CertService.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "anchor_batches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuerCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Root = table.Column<byte[]>(type: "BLOB", nullable: false),
                    LeafCount = table.Column<int>(type: "INTEGER", nullable: false),
                    HashAlgorithm = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TypeCodes = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    PreparedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TransactionHash = table.Column<string>(type: "TEXT", maxLength: 66, nullable: true),
                    BlockNumber = table.Column<long>(type: "INTEGER", nullable: true),
                    AnchoredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anchor_batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuerCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    CanonicalJson = table.Column<string>(type: "TEXT", nullable: false),
                    Salt = table.Column<byte[]>(type: "BLOB", nullable: false),
                    HashAlgorithm = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LeafHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LeafIndex = table.Column<long>(type: "INTEGER", nullable: true),
                    ProofPath = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_certificates_anchor_batches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "anchor_batches",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_anchor_batches_Root",
                table: "anchor_batches",
                column: "Root",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_anchor_batches_State",
                table: "anchor_batches",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_BatchId",
                table: "certificates",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_Status_BatchId_IssuerCode_AcceptedAt",
                table: "certificates",
                columns: new[] { "Status", "BatchId", "IssuerCode", "AcceptedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certificates");

            migrationBuilder.DropTable(
                name: "anchor_batches");
        }
    }
}
