using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AidMarket.Web.Data.Migrations
{
    /// <summary>
    /// The catalog version that keys the storefront cache (decision note 010): one row that statement triggers give a new random
    /// value, in the writer's transaction, whenever a change to products or suppliers could change what a storefront query
    /// matches or its order. Stock changes (every order) do not touch it. Also an index for the default "newest" listing.
    /// </summary>
    public partial class StorefrontVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE storefront_version (id integer PRIMARY KEY CHECK (id = 1), value uuid NOT NULL);
                CREATE FUNCTION advance_storefront_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO storefront_version (id, value) VALUES (1, gen_random_uuid())
                        ON CONFLICT (id) DO UPDATE SET value = excluded.value;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER products_storefront_version
                    AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF certification_status, certificate_expires_on, certified_on, created_at,
                        name_zh, name_en, category, county_code, base_price_fen, quality_labels, supplier_id
                    ON products FOR EACH STATEMENT EXECUTE FUNCTION advance_storefront_version();
                CREATE TRIGGER suppliers_storefront_version
                    AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF status, kind
                    ON suppliers FOR EACH STATEMENT EXECUTE FUNCTION advance_storefront_version();
                CREATE INDEX ix_products_storefront_newest ON products (certified_on DESC, created_at DESC, id)
                    WHERE certification_status = 'Certified';
                INSERT INTO storefront_version (id, value) VALUES (1, gen_random_uuid());
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_products_storefront_newest;
                DROP TRIGGER suppliers_storefront_version ON suppliers;
                DROP TRIGGER products_storefront_version ON products;
                DROP FUNCTION advance_storefront_version();
                DROP TABLE storefront_version;
                """);
        }
    }
}
