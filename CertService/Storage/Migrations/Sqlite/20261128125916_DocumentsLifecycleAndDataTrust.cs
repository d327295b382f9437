using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustLedger.CertService.Storage.Migrations.Sqlite
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
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Suite",
                table: "seals",
                type: "TEXT",
                nullable: false,
                defaultValue: "SM2-SM3"); // every seal made before suites were selectable is SM2

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

            migrationBuilder.AddColumn<int>(
                name: "Lifecycle",
                table: "certificates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

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
                name: "data_resource_revisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CatalogVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CanonicalJson = table.Column<string>(type: "TEXT", nullable: false),
                    Hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    TransactionHash = table.Column<string>(type: "TEXT", nullable: false),
                    BlockNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_resource_revisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "data_resources",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    SourceDepartment = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    UpdateCycle = table.Column<string>(type: "TEXT", nullable: false),
                    SharingClass = table.Column<string>(type: "TEXT", nullable: false),
                    OpenClass = table.Column<string>(type: "TEXT", nullable: false),
                    FieldsJson = table.Column<string>(type: "TEXT", nullable: false),
                    CatalogVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CatalogHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CatalogTransaction = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_resources", x => x.Code);
                });

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

            migrationBuilder.CreateTable(
                name: "dataset_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    RowCount = table.Column<long>(type: "INTEGER", nullable: false),
                    Root = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SchemaHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SchemaJson = table.Column<string>(type: "TEXT", nullable: false),
                    HashAlgorithm = table.Column<string>(type: "TEXT", nullable: false),
                    SealedSaltSecret = table.Column<byte[]>(type: "BLOB", nullable: true),
                    AuthoritativeFields = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TransactionHash = table.Column<string>(type: "TEXT", nullable: false),
                    BlockNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    ElapsedMilliseconds = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dataset_versions", x => x.Id);
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
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);
        }
    }
}
