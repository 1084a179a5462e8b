using Npgsql;

namespace AidMarket.Testing;

/// <summary>
/// Puts many supplier orders in the state settlement looks for, straight in SQL (the pages would take hours for 100,000):
/// accepted, shipped from a lot that <paramref name="householdsPerLot"/> households supplied, invoiced and paid by bank
/// transfer, with the payment in the ledger as the app records it. Uses a demo supplier, its product (<paramref name="product"/>,
/// by its Chinese name, or the first one) and plan, so the demo data must be seeded. For the benchmark and the crash test
/// (and payout tests that need real settlements); the app then settles them as it would any other.
/// </summary>
public static class DueOrderSeed
{
    public sealed record Seeded(int Orders, int Households, int Lots, long AmountFen);

    public static async Task<Seeded> SeedAsync(string connectionString, int orders, int householdsPerLot = 10, int households = 20_000, string tag = "B",
        string? product = null)
    {
        var lots = Math.Max(1, orders / 10);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        async Task Exec(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 600 };
            command.Parameters.AddWithValue("orders", orders);
            command.Parameters.AddWithValue("lots", lots);
            command.Parameters.AddWithValue("households", households);
            command.Parameters.AddWithValue("per_lot", householdsPerLot);
            command.Parameters.AddWithValue("tag", tag);
            command.Parameters.AddWithValue("product", product ?? "");
            await command.ExecuteNonQueryAsync();
        }

        // One certified product of a demo supplier with a plan in force, and a demo buyer.
        await Exec("""
            CREATE TEMP TABLE seed_base ON COMMIT DROP AS
            SELECT p.id AS product_id, p.name_zh AS product_name, p.supplier_id, bp.id AS plan_id, gen_random_uuid() AS po_id,
                   (SELECT id FROM organizations WHERE kind = 'Buyer' ORDER BY name LIMIT 1) AS buyer_id
            FROM products p JOIN benefit_plans bp ON bp.supplier_id = p.supplier_id AND bp.status = 'Approved'
            WHERE @product = '' OR p.name_zh = @product
            ORDER BY p.name_zh LIMIT 1
            """);
        await Exec("""
            CREATE TEMP TABLE seed_households ON COMMIT DROP AS
            SELECT g, gen_random_uuid() AS id FROM generate_series(0, @households - 1) g;
            INSERT INTO households (id, county_code, head_name, id_number_cipher, id_number_lookup, id_number_masked, village, size, status,
                                    baseline_income_fen, card_code, created_at, updated_at)
            SELECT s.id, h.county_code, h.head_name, h.id_number_cipher, md5(s.id::text), h.id_number_masked, h.village, h.size, h.status,
                   h.baseline_income_fen, @tag || 'H' || lpad(s.g::text, 9, '0'), now(), now()
            FROM seed_households s, (SELECT * FROM households ORDER BY card_code LIMIT 1) h;

            CREATE TEMP TABLE seed_lots ON COMMIT DROP AS SELECT g, gen_random_uuid() AS id FROM generate_series(0, @lots - 1) g;
            INSERT INTO product_lots (id, product_id, supplier_id, lot_code, produced_on, created_at)
            SELECT l.id, b.product_id, b.supplier_id, @tag || 'LOT' || l.g, current_date - 30, now() FROM seed_lots l, seed_base b;
            INSERT INTO lot_contributions (lot_id, household_id, quantity)
            SELECT l.id, h.id, 1 + (l.g * 7 + k * 13) % 97
            FROM seed_lots l CROSS JOIN generate_series(0, @per_lot - 1) k
            JOIN seed_households h ON h.g = (l.g * @per_lot + k) % @households;
            """);
        await Exec("""
            CREATE TEMP TABLE seed_orders ON COMMIT DROP AS
            SELECT g, gen_random_uuid() AS id, gen_random_uuid() AS invoice_id, gen_random_uuid() AS entry_id,
                   (1000 + (g * 7919) % 98000)::bigint AS price, (SELECT id FROM seed_lots WHERE seed_lots.g = o.g % @lots) AS lot_id
            FROM generate_series(0, @orders - 1) AS o(g);
            INSERT INTO purchase_orders (id, buyer_organization_id, number, submitted_by_user_id, delivery_buyer_po_number, delivery_cost_center,
                                         delivery_address, delivery_requested_on, delivery_notes, submitted_at, status, total_fen, lines)
            SELECT b.po_id, b.buyer_id, @tag || '-PO', 'seed', 'PO', 'CC', '地址', current_date, '', now(), 'Placed', 0, '[]'
            FROM seed_base b;
            INSERT INTO supplier_orders (id, order_id, order_number, buyer_organization_id, supplier_id, plan_id, household_share_percent, total_fen,
                                         status, placed_at, shipment_count, confirmed_at, accepted_at, lines)
            SELECT o.id, b.po_id, @tag || '-' || o.g, b.buyer_id, b.supplier_id, b.plan_id, 30.00, o.price * 20,
                   'Accepted', now() - interval '2 days', 1, now() - interval '2 days', now() - interval '1 hour',
                   jsonb_build_array(jsonb_build_object('ProductId', b.product_id, 'ProductName', b.product_name, 'Unit', '斤', 'Quantity', 20,
                       'UnitPriceFen', o.price, 'Status', 'Confirmed', 'DeclineReason', null, 'Shipped', 20, 'Closed', 0, 'Accepted', 20,
                       'Rejected', 0, 'RejectReason', null))
            FROM seed_orders o, seed_base b;
            INSERT INTO shipments (id, supplier_order_id, supplier_id, buyer_organization_id, number, shipped_at, lines)
            SELECT gen_random_uuid(), o.id, b.supplier_id, b.buyer_id, @tag || '-S' || o.g, now() - interval '1 day',
                   jsonb_build_array(jsonb_build_object('ProductId', b.product_id, 'ProductName', b.product_name, 'Unit', '斤', 'Quantity', 20,
                       'LotId', o.lot_id, 'LotCode', @tag || 'LOT' || (o.g % @lots)))
            FROM seed_orders o, seed_base b;
            INSERT INTO invoices (id, buyer_organization_id, supplier_id, supplier_order_id, order_number, reference, amount_fen, issued_at, paid_fen, payments, refunds)
            SELECT o.invoice_id, b.buyer_id, b.supplier_id, o.id, @tag || '-' || o.g, @tag || lpad(o.g::text, 11 - length(@tag), '0'), o.price * 20,
                   now() - interval '1 hour', o.price * 20,
                   jsonb_build_array(jsonb_build_object('AmountFen', o.price * 20, 'Method', 'BankTransfer', 'ExternalId', @tag || '-SLIP-' || o.g,
                       'ReceivedAt', now())), '[]'
            FROM seed_orders o, seed_base b;
            INSERT INTO journal_entries (id, kind, source_key, occurred_at, memo)
            SELECT o.entry_id, 'Payment', 'payment:bank:' || @tag || '-SLIP-' || o.g, now(), 'seed' FROM seed_orders o;
            INSERT INTO postings (entry_id, account, amount_fen, supplier_id)
            SELECT o.entry_id, a.account, a.sign * o.price * 20, b.supplier_id
            FROM seed_orders o, seed_base b, (VALUES ('cash', 1), ('escrow', -1)) AS a(account, sign);
            """);
        var total = 0L;
        await using (var sum = new NpgsqlCommand("SELECT coalesce(sum(price * 20), 0)::bigint FROM seed_orders", connection, tx))
            total = (long)(await sum.ExecuteScalarAsync())!;
        await tx.CommitAsync();
        return new Seeded(orders, households, lots, total);
    }
}
