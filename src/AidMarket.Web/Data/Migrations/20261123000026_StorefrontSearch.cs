using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AidMarket.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class StorefrontSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "base_price_fen",
                table: "products",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "ix_products_base_price_fen",
                table: "products",
                column: "base_price_fen");

            // Substring search on Chinese and English names ("松茸" finds 姬松茸) through trigram indexes.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX ix_products_name_zh_trgm ON products USING gin (name_zh gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX ix_products_name_en_trgm ON products USING gin (lower(name_en) gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_products_name_en_trgm;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_products_name_zh_trgm;");

            migrationBuilder.DropIndex(
                name: "ix_products_base_price_fen",
                table: "products");

            migrationBuilder.DropColumn(
                name: "base_price_fen",
                table: "products");
        }
    }
}
