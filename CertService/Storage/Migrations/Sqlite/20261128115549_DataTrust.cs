using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustLedger.CertService.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DataTrust : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_dataset_versions_ResourceCode_Version",
                table: "dataset_versions",
                columns: new[] { "ResourceCode", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_resource_revisions");

            migrationBuilder.DropTable(
                name: "data_resources");

            migrationBuilder.DropTable(
                name: "dataset_versions");
        }
    }
}
