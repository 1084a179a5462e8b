using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AidMarket.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class HouseholdDisbursements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "disbursement_batches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    county_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disbursement_batches", x => x.id);
                    table.ForeignKey(
                        name: "fk_disbursement_batches_counties_county_code",
                        column: x => x.county_code,
                        principalTable: "counties",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "statement_lookups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    card_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    county_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ip_address = table.Column<string>(type: "character varying(45)", maxLength: 45, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statement_lookups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "supplier_payout_batches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supplier_payout_batches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "disbursement_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    bank_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    failure_reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    settled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disbursement_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_disbursement_lines_disbursement_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "disbursement_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_disbursement_lines_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "supplier_payouts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    supplier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    bank_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    failure_reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    settled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supplier_payouts", x => x.id);
                    table.ForeignKey(
                        name: "fk_supplier_payouts_supplier_payout_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "supplier_payout_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_supplier_payouts_suppliers_supplier_id",
                        column: x => x.supplier_id,
                        principalTable: "suppliers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_disbursement_batches_county_code_created_at",
                table: "disbursement_batches",
                columns: new[] { "county_code", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_disbursement_lines_batch_id_household_id",
                table: "disbursement_lines",
                columns: new[] { "batch_id", "household_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_disbursement_lines_household_id",
                table: "disbursement_lines",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_statement_lookups_card_code_at",
                table: "statement_lookups",
                columns: new[] { "card_code", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_statement_lookups_county_code_at",
                table: "statement_lookups",
                columns: new[] { "county_code", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_supplier_payouts_batch_id",
                table: "supplier_payouts",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_supplier_payouts_supplier_id",
                table: "supplier_payouts",
                column: "supplier_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disbursement_lines");

            migrationBuilder.DropTable(
                name: "statement_lookups");

            migrationBuilder.DropTable(
                name: "supplier_payouts");

            migrationBuilder.DropTable(
                name: "disbursement_batches");

            migrationBuilder.DropTable(
                name: "supplier_payout_batches");
        }
    }
}
