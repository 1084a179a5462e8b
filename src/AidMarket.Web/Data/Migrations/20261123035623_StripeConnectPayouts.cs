using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AidMarket.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class StripeConnectPayouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "stripe_account_id",
                table: "suppliers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "stripe_account_id",
                table: "supplier_payouts",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_suppliers_stripe_account_id",
                table: "suppliers",
                column: "stripe_account_id",
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_supplier_payouts_stripe_account",
                table: "supplier_payouts",
                sql: "(method = 'StripeConnect') = (stripe_account_id IS NOT NULL)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_suppliers_stripe_account_id",
                table: "suppliers");

            migrationBuilder.DropCheckConstraint(
                name: "ck_supplier_payouts_stripe_account",
                table: "supplier_payouts");

            migrationBuilder.DropColumn(
                name: "stripe_account_id",
                table: "suppliers");

            migrationBuilder.DropColumn(
                name: "stripe_account_id",
                table: "supplier_payouts");
        }
    }
}
