using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustLedger.CertService.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReliablePipeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FailedAttempts",
                table: "status_changes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LastFailure",
                table: "status_changes",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RecordedEffectiveAt",
                table: "status_changes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RetryAfter",
                table: "status_changes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "RegistrationTransaction",
                table: "seals",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "seals",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "published");

            migrationBuilder.AlterColumn<string>(
                name: "TransactionHash",
                table: "dataset_versions",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<long>(
                name: "BlockNumber",
                table: "dataset_versions",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "dataset_versions",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "published");

            migrationBuilder.AlterColumn<string>(
                name: "TransactionHash",
                table: "data_resource_revisions",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<long>(
                name: "BlockNumber",
                table: "data_resource_revisions",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "data_resource_revisions",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "published");

            migrationBuilder.AddColumn<int>(
                name: "FailedAttempts",
                table: "certificates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LastFailure",
                table: "certificates",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RetryAfter",
                table: "certificates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FailedAttempts",
                table: "anchor_batches",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LastFailure",
                table: "anchor_batches",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RetryAfter",
                table: "anchor_batches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "account_leases",
                columns: table => new
                {
                    Account = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Token = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_leases", x => x.Account);
                });

            migrationBuilder.CreateTable(
                name: "chain_accounts",
                columns: table => new
                {
                    Account = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    NextNonce = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chain_accounts", x => x.Account);
                });

            migrationBuilder.CreateTable(
                name: "chain_transactions",
                columns: table => new
                {
                    Account = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    Nonce = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 66, nullable: false),
                    SignedTransaction = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chain_transactions", x => new { x.Account, x.Nonce });
                });

            migrationBuilder.CreateTable(
                name: "key_store",
                columns: table => new
                {
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_key_store", x => x.KeyId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_chain_transactions_RecordedAt",
                table: "chain_transactions",
                column: "RecordedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_leases");

            migrationBuilder.DropTable(
                name: "chain_accounts");

            migrationBuilder.DropTable(
                name: "chain_transactions");

            migrationBuilder.DropTable(
                name: "key_store");

            migrationBuilder.DropColumn(
                name: "FailedAttempts",
                table: "status_changes");

            migrationBuilder.DropColumn(
                name: "LastFailure",
                table: "status_changes");

            migrationBuilder.DropColumn(
                name: "RecordedEffectiveAt",
                table: "status_changes");

            migrationBuilder.DropColumn(
                name: "RetryAfter",
                table: "status_changes");

            migrationBuilder.DropColumn(
                name: "State",
                table: "seals");

            migrationBuilder.DropColumn(
                name: "State",
                table: "dataset_versions");

            migrationBuilder.DropColumn(
                name: "State",
                table: "data_resource_revisions");

            migrationBuilder.DropColumn(
                name: "FailedAttempts",
                table: "certificates");

            migrationBuilder.DropColumn(
                name: "LastFailure",
                table: "certificates");

            migrationBuilder.DropColumn(
                name: "RetryAfter",
                table: "certificates");

            migrationBuilder.DropColumn(
                name: "FailedAttempts",
                table: "anchor_batches");

            migrationBuilder.DropColumn(
                name: "LastFailure",
                table: "anchor_batches");

            migrationBuilder.DropColumn(
                name: "RetryAfter",
                table: "anchor_batches");

            migrationBuilder.AlterColumn<string>(
                name: "RegistrationTransaction",
                table: "seals",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "TransactionHash",
                table: "dataset_versions",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "BlockNumber",
                table: "dataset_versions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "TransactionHash",
                table: "data_resource_revisions",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "BlockNumber",
                table: "data_resource_revisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
