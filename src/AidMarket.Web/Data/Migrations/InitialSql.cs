namespace AidMarket.Web.Data.Migrations;

/// <summary>What the Initial migration creates beyond the EF model: search indexes, the storefront version, the ledger's guards.</summary>
internal static class InitialSql
{
    /// <summary>Substring search on Chinese and English names ("松茸" finds 姬松茸) through trigram indexes.</summary>
    public const string Search = """
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX ix_products_name_zh_trgm ON products USING gin (name_zh gin_trgm_ops);
        CREATE INDEX ix_products_name_en_trgm ON products USING gin (lower(name_en) gin_trgm_ops);
        """;

    /// <summary>
    /// A version that changes whenever what the storefront shows may change (decision note 011); stock changes do not touch it.
    /// Also an index for the default "newest" listing.
    /// </summary>
    public const string StorefrontVersion = """
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
        """;

    /// <summary>
    /// The ledger is append-only and every entry balances (decision note 012), checked by PostgreSQL: an UPDATE or DELETE is refused;
    /// at commit an entry's postings number at least two and sum to zero; postings join only an entry of the same transaction.
    /// </summary>
    public const string Ledger = """
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
        """;

    /// <summary>Defaults the nine earlier migrations left when they added or tightened these columns; kept so both schemas are one.</summary>
    public const string EarlierDefaults = """
        ALTER TABLE invoices ALTER COLUMN credited_fen SET DEFAULT 0;
        ALTER TABLE products ALTER COLUMN images SET DEFAULT '[]', ALTER COLUMN quality_labels SET DEFAULT '[]',
            ALTER COLUMN tier_prices SET DEFAULT '[]';
        """;
}
