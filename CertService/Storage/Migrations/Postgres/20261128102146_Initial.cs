using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustLedger.CertService.Storage.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuerCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Root = table.Column<byte[]>(type: "bytea", nullable: false),
                    LeafCount = table.Column<int>(type: "integer", nullable: false),
                    HashAlgorithm = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TypeCodes = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    PreparedAt = table.Column<long>(type: "bigint", nullable: false),
                    TransactionHash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    BlockNumber = table.Column<long>(type: "bigint", nullable: true),
                    AnchoredAt = table.Column<long>(type: "bigint", nullable: true),
                    RefusalReason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anchor_batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentCode = table.Column<string>(type: "text", nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    RevokedAt = table.Column<long>(type: "bigint", nullable: true),
                    RevokedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "certificate_types",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(21)", maxLength: 21, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    NameZh = table.Column<string>(type: "text", nullable: false),
                    NameEn = table.Column<string>(type: "text", nullable: false),
                    AuthorityCode = table.Column<string>(type: "text", nullable: false),
                    AuthorityName = table.Column<string>(type: "text", nullable: false),
                    Family = table.Column<string>(type: "text", nullable: false),
                    HolderCodeType = table.Column<string>(type: "text", nullable: false),
                    RequiresValidUntil = table.Column<bool>(type: "boolean", nullable: false),
                    FieldsSchema = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificate_types", x => new { x.Code, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "departments",
                columns: table => new
                {
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Account = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_departments", x => x.CreditCode);
                });

            migrationBuilder.CreateTable(
                name: "grant_audit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentCode = table.Column<string>(type: "text", nullable: false),
                    TypeCode = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    By = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    TransactionHash = table.Column<string>(type: "text", nullable: false),
                    BlockNumber = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grant_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    DepartmentCode = table.Column<string>(type: "text", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestHash = table.Column<string>(type: "text", nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: false),
                    ResponseBody = table.Column<string>(type: "text", nullable: false),
                    Location = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency_keys", x => new { x.DepartmentCode, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "seals",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(59)", maxLength: 59, nullable: false),
                    DepartmentCode = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    SealType = table.Column<byte>(type: "smallint", nullable: false),
                    ValidFrom = table.Column<long>(type: "bigint", nullable: false),
                    ValidUntil = table.Column<long>(type: "bigint", nullable: false),
                    PublicKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    Certificate = table.Column<byte[]>(type: "bytea", nullable: false),
                    RegistrationTransaction = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_seals", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "serial_counters",
                columns: table => new
                {
                    IssuerCode = table.Column<string>(type: "text", nullable: false),
                    TypeCode = table.Column<string>(type: "text", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    NextValue = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_serial_counters", x => new { x.IssuerCode, x.TypeCode, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Identifier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TypeVersion = table.Column<int>(type: "integer", nullable: false),
                    IssuerCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    HolderCodeHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    RelatedIdentifier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SealedCertificate = table.Column<byte[]>(type: "bytea", nullable: false),
                    Salt = table.Column<byte[]>(type: "bytea", nullable: false),
                    HashAlgorithm = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LeafHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    AcceptedAt = table.Column<long>(type: "bigint", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: true),
                    LeafIndex = table.Column<long>(type: "bigint", nullable: true),
                    ProofPath = table.Column<byte[]>(type: "bytea", nullable: true)
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
                name: "IX_api_keys_DepartmentCode",
                table: "api_keys",
                column: "DepartmentCode");

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_KeyHash",
                table: "api_keys",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_certificates_BatchId",
                table: "certificates",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_HolderCodeHash",
                table: "certificates",
                column: "HolderCodeHash");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_Identifier",
                table: "certificates",
                column: "Identifier",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_certificates_IssuerCode_TypeCode_AcceptedAt",
                table: "certificates",
                columns: new[] { "IssuerCode", "TypeCode", "AcceptedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_certificates_Status_BatchId_IssuerCode_AcceptedAt",
                table: "certificates",
                columns: new[] { "Status", "BatchId", "IssuerCode", "AcceptedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_departments_Account",
                table: "departments",
                column: "Account",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_grant_audit_DepartmentCode_At",
                table: "grant_audit",
                columns: new[] { "DepartmentCode", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_seals_DepartmentCode",
                table: "seals",
                column: "DepartmentCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "certificate_types");

            migrationBuilder.DropTable(
                name: "certificates");

            migrationBuilder.DropTable(
                name: "departments");

            migrationBuilder.DropTable(
                name: "grant_audit");

            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropTable(
                name: "seals");

            migrationBuilder.DropTable(
                name: "serial_counters");

            migrationBuilder.DropTable(
                name: "anchor_batches");
        }
    }
}
