using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AidMarket.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PaymentsAndLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "invoice_references");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "settled_at",
                table: "supplier_orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "bank_transfers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    slip_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    memo = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    reference = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    unmatched_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    excess_fen = table.Column<long>(type: "bigint", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolution = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bank_transfers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "invoices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    supplier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    supplier_order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reference = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    paid_fen = table.Column<long>(type: "bigint", nullable: false),
                    payments = table.Column<string>(type: "jsonb", nullable: false),
                    refunds = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoices", x => x.id);
                    table.ForeignKey(
                        name: "fk_invoices_supplier_orders_supplier_order_id",
                        column: x => x.supplier_order_id,
                        principalTable: "supplier_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "journal_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    memo = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journal_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "postings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    account = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    supplier_id = table.Column<Guid>(type: "uuid", nullable: true),
                    product_id = table.Column<Guid>(type: "uuid", nullable: true),
                    covered_household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    memo = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_postings", x => x.id);
                    table.ForeignKey(
                        name: "fk_postings_journal_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "journal_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "settlements",
                columns: table => new
                {
                    supplier_order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    journal_entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    total_fen = table.Column<long>(type: "bigint", nullable: false),
                    fee_fen = table.Column<long>(type: "bigint", nullable: false),
                    household_fen = table.Column<long>(type: "bigint", nullable: false),
                    supplier_fen = table.Column<long>(type: "bigint", nullable: false),
                    settled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_settlements", x => x.supplier_order_id);
                    table.ForeignKey(
                        name: "fk_settlements_journal_entries_journal_entry_id",
                        column: x => x.journal_entry_id,
                        principalTable: "journal_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_settlements_supplier_orders_supplier_order_id",
                        column: x => x.supplier_order_id,
                        principalTable: "supplier_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bank_transfers_slip_key",
                table: "bank_transfers",
                column: "slip_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invoices_buyer_organization_id_issued_at",
                table: "invoices",
                columns: new[] { "buyer_organization_id", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_reference",
                table: "invoices",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invoices_supplier_order_id",
                table: "invoices",
                column: "supplier_order_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_journal_entries_source_key",
                table: "journal_entries",
                column: "source_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_postings_account",
                table: "postings",
                column: "account");

            migrationBuilder.CreateIndex(
                name: "ix_postings_entry_id",
                table: "postings",
                column: "entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_settlements_journal_entry_id",
                table: "settlements",
                column: "journal_entry_id",
                unique: true);

            // The ledger is append-only and every entry balances (decision note 012). Checked by PostgreSQL, not only by code:
            // an UPDATE or DELETE is refused; at commit, an entry's postings must number at least two and sum to zero; postings
            // can only be added to an entry written in the same transaction.
            migrationBuilder.Sql("""
                ALTER TABLE journal_entries ADD COLUMN written_in xid8 NOT NULL DEFAULT pg_current_xact_id();

                CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
                END $$;

                CREATE TRIGGER journal_entries_append_only BEFORE UPDATE OR DELETE ON journal_entries
                    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
                CREATE TRIGGER postings_append_only BEFORE UPDATE OR DELETE ON postings
                    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
                CREATE TRIGGER settlements_append_only BEFORE UPDATE OR DELETE ON settlements
                    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

                CREATE FUNCTION journal_entry_must_balance() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE n bigint; total numeric;
                BEGIN
                    SELECT count(*), coalesce(sum(amount_fen), 0) INTO n, total FROM postings WHERE entry_id = NEW.id;
                    IF n < 2 OR total <> 0 THEN
                        RAISE EXCEPTION 'journal entry % (%) does not balance: % postings summing to % fen', NEW.id, NEW.source_key, n, total
                            USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE CONSTRAINT TRIGGER journal_entry_must_balance AFTER INSERT ON journal_entries
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_must_balance();

                CREATE FUNCTION postings_join_new_entries() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM added a JOIN journal_entries e ON e.id = a.entry_id WHERE e.written_in <> pg_current_xact_id()) THEN
                        RAISE EXCEPTION 'postings can only be added with their journal entry' USING ERRCODE = 'integrity_constraint_violation';
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER postings_join_new_entries AFTER INSERT ON postings
                    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION postings_join_new_entries();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bank_transfers");

            migrationBuilder.DropTable(
                name: "invoices");

            migrationBuilder.DropTable(
                name: "postings");

            migrationBuilder.DropTable(
                name: "settlements");

            migrationBuilder.DropTable(
                name: "journal_entries");

            migrationBuilder.DropColumn(
                name: "settled_at",
                table: "supplier_orders");

            migrationBuilder.DropSequence(
                name: "invoice_references");

            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS ledger_append_only();
                DROP FUNCTION IF EXISTS journal_entry_must_balance();
                DROP FUNCTION IF EXISTS postings_join_new_entries();
                """);
        }
    }
}
