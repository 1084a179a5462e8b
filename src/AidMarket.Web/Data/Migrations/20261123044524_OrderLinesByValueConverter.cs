using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AidMarket.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrderLinesByValueConverter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The JSON is unchanged (the value converter writes what EF's owned JSON wrote); an order always has lines.
            migrationBuilder.Sql("UPDATE supplier_orders SET lines = '[]' WHERE lines IS NULL; UPDATE purchase_orders SET lines = '[]' WHERE lines IS NULL;");
            migrationBuilder.AlterColumn<string>(
                name: "lines",
                table: "supplier_orders",
                type: "jsonb",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "lines",
                table: "purchase_orders",
                type: "jsonb",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "lines",
                table: "supplier_orders",
                type: "jsonb",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "lines",
                table: "purchase_orders",
                type: "jsonb",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "jsonb");
        }
    }
}
