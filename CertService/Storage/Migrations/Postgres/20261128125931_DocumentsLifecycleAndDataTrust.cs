using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustLedger.CertService.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DocumentsLifecycleAndDataTrust : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Picture",
                table: "seals",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Suite",
                table: "seals",
                type: "text",
                nullable: false,
                defaultValue: "SM2-SM3"); // every seal made before suites were selectable is SM2

            migrationBuilder.AlterColumn<byte[]>(
                name: "LeafHash",
                table: "certificates",
                type: "bytea",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "bytea");

            migrationBuilder.AddColumn<byte[]>(
                name: "DocumentHash",
                table: "certificates",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Lifecycle",
                table: "certificates",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SealCode",
                table: "certificates",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "SealedDocument",
                table: "certificates",
                type: "bytea",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "agencies",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    EncryptionPublicKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    ApiKeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agencies", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "data_resource_revisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CatalogVersion = table.Column<int>(type: "integer", nullable: false),
                    CanonicalJson = table.Column<string>(type: "text", nullable: false),
                    Hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    TransactionHash = table.Column<string>(type: "text", nullable: false),
                    BlockNumber = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    By = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_resource_revisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "data_resources",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    SourceDepartment = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    UpdateCycle = table.Column<string>(type: "text", nullable: false),
                    SharingClass = table.Column<string>(type: "text", nullable: false),
                    OpenClass = table.Column<string>(type: "text", nullable: false),
                    FieldsJson = table.Column<string>(type: "text", nullable: false),
                    CatalogVersion = table.Column<int>(type: "integer", nullable: false),
                    CatalogHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    CatalogTransaction = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_resources", x => x.Code);
                });

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

            migrationBuilder.CreateTable(
                name: "dataset_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    RowCount = table.Column<long>(type: "bigint", nullable: false),
                    Root = table.Column<byte[]>(type: "bytea", nullable: false),
                    SchemaHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    SchemaJson = table.Column<string>(type: "text", nullable: false),
                    HashAlgorithm = table.Column<string>(type: "text", nullable: false),
                    SealedSaltSecret = table.Column<byte[]>(type: "bytea", nullable: true),
                    AuthoritativeFields = table.Column<string>(type: "text", nullable: false),
                    PublishedBy = table.Column<string>(type: "text", nullable: false),
                    PublishedAt = table.Column<long>(type: "bigint", nullable: false),
                    TransactionHash = table.Column<string>(type: "text", nullable: false),
                    BlockNumber = table.Column<long>(type: "bigint", nullable: false),
                    ElapsedMilliseconds = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dataset_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sharing_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantId = table.Column<Guid>(type: "uuid", nullable: false),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    Detail = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    EntryHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    TrailRoot = table.Column<byte[]>(type: "bytea", nullable: true),
                    TrailIndex = table.Column<int>(type: "integer", nullable: true),
                    TrailSize = table.Column<int>(type: "integer", nullable: true),
                    TrailProof = table.Column<byte[]>(type: "bytea", nullable: true),
                    TrailTransaction = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    TrailBlock = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sharing_grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NotBefore = table.Column<long>(type: "bigint", nullable: false),
                    NotAfter = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    RevokedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_grants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "status_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuerCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<int>(type: "integer", nullable: false),
                    EffectiveAt = table.Column<long>(type: "bigint", nullable: false),
                    RequestedAt = table.Column<long>(type: "bigint", nullable: false),
                    RequestedBy = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TransactionHash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    BlockNumber = table.Column<long>(type: "bigint", nullable: true),
                    RefusalReason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_status_changes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agencies_ApiKeyHash",
                table: "agencies",
                column: "ApiKeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_data_resource_revisions_Code_CatalogVersion",
                table: "data_resource_revisions",
                columns: new[] { "Code", "CatalogVersion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_data_resources_SourceDepartment",
                table: "data_resources",
                column: "SourceDepartment");

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

            migrationBuilder.CreateIndex(
                name: "IX_dataset_versions_ResourceCode_Version",
                table: "dataset_versions",
                columns: new[] { "ResourceCode", "Version" },
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
                name: "agencies");

            migrationBuilder.DropTable(
                name: "data_resource_revisions");

            migrationBuilder.DropTable(
                name: "data_resources");

            migrationBuilder.DropTable(
                name: "data_sharing_requests");

            migrationBuilder.DropTable(
                name: "data_trail");

            migrationBuilder.DropTable(
                name: "dataset_versions");

            migrationBuilder.DropTable(
                name: "sharing_events");

            migrationBuilder.DropTable(
                name: "sharing_grants");

            migrationBuilder.DropTable(
                name: "status_changes");

            migrationBuilder.DropColumn(
                name: "Picture",
                table: "seals");

            migrationBuilder.DropColumn(
                name: "Suite",
                table: "seals");

            migrationBuilder.DropColumn(
                name: "DocumentHash",
                table: "certificates");

            migrationBuilder.DropColumn(
                name: "Lifecycle",
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
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldNullable: true);
        }
    }
}
