using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AidMarket.Web.Data.Migrations
{
    /// <inheritdoc />
    /// <summary>Product tier prices, quality labels and images become value-converted jsonb columns (same JSON), never null.</summary>
    public partial class ProductListsAsJsonColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE products SET tier_prices = coalesce(tier_prices, '[]'), quality_labels = coalesce(quality_labels, '[]'), images = coalesce(images, '[]')
                WHERE tier_prices IS NULL OR quality_labels IS NULL OR images IS NULL;
                """);

            migrationBuilder.AlterColumn<string>(
                name: "tier_prices",
                table: "products",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]",
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "quality_labels",
                table: "products",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]",
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "images",
                table: "products",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]",
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "tier_prices",
                table: "products",
                type: "jsonb",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "quality_labels",
                table: "products",
                type: "jsonb",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "images",
                table: "products",
                type: "jsonb",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "jsonb");
        }
    }
}
