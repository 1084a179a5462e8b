using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace AidMarket.Benchmarks;

/// <summary>
/// Fills the benchmark database with a large certified catalog in set-based SQL (seconds, not minutes): approved suppliers
/// with an approved benefit plan each, and certified products with tier prices and quality labels, named from the
/// counties, villages, produce and grades of the aided counties. Runs after the app has migrated and seeded the demo.
/// </summary>
public static class CatalogSeeder
{
    public static async Task SeedAsync(NpgsqlDataSource db, int suppliers, int products)
    {
        await ExecAsync(db, $"""
            CREATE TEMP TABLE bench_suppliers AS
            WITH c AS (SELECT array_agg(code ORDER BY code) AS codes, array_agg(name ORDER BY code) AS names FROM counties),
                 s AS (SELECT i,
                              c.codes[1 + i % array_length(c.codes, 1)] AS county_code,
                              c.names[1 + i % array_length(c.names, 1)] AS county_name,
                              (ARRAY['八渡','那拉','平塘','利周','潞城','定安','旧州','乐里','浪平','百乐','建华','永和','江城','草坡','清水','龙潭','石门','新民','红旗','团结','白岩','高峰','双河','凉水'])[1 + (i / 7) % 24] AS village,
                              (ARRAY['茶叶','姬松茸','油茶','白芝麻','猕猴桃','香菇','木耳','山羊','土鸡','蜂蜜','小米','红薯','百香果','核桃','辣椒','花生','生姜','砂糖橘','黄牛','藤编'])[1 + i % 20] AS industry,
                              (ARRAY['Cooperative','Workshop','LeadingEnterprise','FamilyFarm'])[1 + (i / 3) % 4] AS kind
                       FROM c, generate_series(1, {suppliers}) AS i)
            SELECT i, gen_random_uuid() AS id, gen_random_uuid() AS org_id, gen_random_uuid() AS plan_id, county_code, kind,
                   county_name || village || '村' || industry ||
                     CASE kind WHEN 'Cooperative' THEN '专业合作社' WHEN 'Workshop' THEN '扶贫车间' WHEN 'FamilyFarm' THEN '家庭农场'
                               ELSE '农业发展有限公司' END || '（' || i || '）' AS legal_name,
                   village
            FROM s;

            INSERT INTO organizations (id, kind, name, county_code, created_at, approval_threshold_fen)
            SELECT org_id, 'Supplier', legal_name, county_code, now(), 500000 FROM bench_suppliers;

            INSERT INTO suppliers (id, organization_id, kind, legal_name, credit_code, county_code, address, contact_name, contact_phone,
                                   bank_name, bank_account, description, status, registered_at, decided_at, current_plan_id)
            SELECT id, org_id, kind, legal_name, '93' || county_code || 'BM' || lpad(i::text, 8, '0'), county_code, village || '村村委会旁',
                   (ARRAY['覃','韦','黄','罗','杨','王','李','张'])[1 + i % 8] || (ARRAY['美玲','志强','秀英','建国','海燕','明'])[1 + i % 6],
                   '138' || lpad(i::text, 8, '0'), '中国农业银行', '62284800' || lpad(i::text, 11, '0'),
                   legal_name || '带动' || village || '村脱贫户参与生产经营。', 'Approved', now(), now(), plan_id
            FROM bench_suppliers;

            INSERT INTO benefit_plans (id, supplier_id, version, household_share_percent, mechanism, description, status, submitted_at, in_force_from)
            SELECT plan_id, id, 1, 8 + i % 15, (ARRAY['ProduceSupply','Employment','Dividend'])[1 + i % 3],
                   '按订单收购价的约定比例，向带动的脱贫户二次分配收益。', 'Approved', now(), now()
            FROM bench_suppliers;

            CREATE TEMP TABLE bench_products AS
            WITH p(n, zh, en, category, unit) AS (VALUES
                (1, '绿茶', 'green tea', '茶叶', '斤'), (2, '红茶', 'black tea', '茶叶', '斤'), (3, '姬松茸干品', 'dried Agaricus blazei', '食用菌', '斤'),
                (4, '香菇', 'shiitake', '食用菌', '斤'), (5, '黑木耳', 'black fungus', '食用菌', '斤'), (6, '山茶油', 'camellia oil', '粮油', '瓶'),
                (7, '白芝麻', 'white sesame', '粮油', '斤'), (8, '小米', 'millet', '粮油', '袋'), (9, '大米', 'rice', '粮油', '袋'),
                (10, '土鸡蛋', 'free-range eggs', '禽蛋', '盒'), (11, '土鸡', 'free-range chicken', '肉类', '只'), (12, '黑山羊肉', 'black goat meat', '肉类', '斤'),
                (13, '蜂蜜', 'honey', '蜂产品', '瓶'), (14, '猕猴桃', 'kiwifruit', '水果', '箱'), (15, '百香果', 'passion fruit', '水果', '箱'),
                (16, '砂糖橘', 'sugar tangerines', '水果', '箱'), (17, '红薯粉条', 'sweet potato noodles', '干货', '袋'), (18, '核桃', 'walnuts', '干货', '袋'),
                (19, '辣椒酱', 'chili sauce', '调味品', '瓶'), (20, '生姜', 'ginger', '蔬菜', '斤'))
            SELECT g.i, s.id AS supplier_id, s.county_code, s.village,
                   left(c.name, 2) || (ARRAY['高山','生态','有机','农家','古法','手工','精选','散养','野生','富硒','原生态','林下'])[1 + g.i % 12]
                     || p.zh || (ARRAY['','（特级）','（一级）','礼盒装','家庭装','食堂装'])[1 + (g.i / 240) % 6] AS name_zh,
                   initcap((ARRAY['highland','eco','organic','farmhouse','traditional','handmade','select','free-range','wild','selenium-rich','natural','forest-grown'])[1 + g.i % 12])
                     || ' ' || p.en AS name_en,
                   p.category, p.unit, 1 + g.i % 10 AS min_order, 800 + (g.i * 37) % 20000 AS price
            FROM generate_series(1, {products}) AS g(i)
            JOIN bench_suppliers s ON s.i = 1 + g.i % {suppliers}
            JOIN counties c ON c.code = s.county_code
            JOIN p ON p.n = 1 + (g.i / 12) % 20;

            INSERT INTO products (id, supplier_id, county_code, name_zh, name_en, category, description, production_base, unit, pack_size,
                                  min_order_quantity, stock, created_at, certification_status, certificate_number, certified_on,
                                  certificate_expires_on, applied_at, base_price_fen, images, quality_labels, tier_prices)
            SELECT gen_random_uuid(), supplier_id, county_code, name_zh, name_en, category,
                   name_zh || '，产自' || village || '村，带动脱贫户增收。', village || '村生产基地', unit, '1' || unit,
                   min_order, 500 + i % 5000, now() - i * interval '1 minute', 'Certified', county_code || '-2025-B' || lpad(i::text, 6, '0'),
                   current_date - (i % 600), current_date - (i % 600) + 730, now(), price, '[]'::jsonb,
                   CASE WHEN i % 3 = 0 THEN jsonb_build_array(jsonb_build_object('Kind', 'GreenFood', 'ExpiresOn', (current_date + 700)::text,
                                                                               'CertificateNumber', 'LB' || lpad(i::text, 11, '0')))
                        WHEN i % 7 = 0 THEN jsonb_build_array(jsonb_build_object('Kind', 'GeographicalIndication', 'ExpiresOn', (current_date + 700)::text,
                                                                               'CertificateNumber', 'GI' || lpad(i::text, 11, '0')))
                        ELSE '[]'::jsonb END,
                   jsonb_build_array(jsonb_build_object('MinQuantity', min_order, 'UnitPriceFen', price),
                                     jsonb_build_object('MinQuantity', min_order * 5, 'UnitPriceFen', price * 94 / 100),
                                     jsonb_build_object('MinQuantity', min_order * 20, 'UnitPriceFen', price * 88 / 100))
            FROM bench_products;
            ANALYZE;
            """);
    }

    /// <summary>A buyer organization that places orders without approval, and an API key for it. Returns the key.</summary>
    public static async Task<string> CreateBuyerWithApiKeyAsync(NpgsqlDataSource db)
    {
        var secret = "am_bench_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret))).ToLowerInvariant();
        await using var cmd = db.CreateCommand("""
            WITH o AS (INSERT INTO organizations (id, kind, name, buyer_kind, created_at, approval_threshold_fen)
                       VALUES (gen_random_uuid(), 'Buyer', '基准测试采购单位（机关食堂）', 'GovernmentCanteen', now(), 1000000000000) RETURNING id)
            INSERT INTO api_keys (id, organization_id, name, prefix, hash, created_by_user_id, created_at)
            SELECT gen_random_uuid(), o.id, 'benchmark', left($1, 10), $2, 'benchmark', now() FROM o
            """);
        cmd.Parameters.AddWithValue(secret);
        cmd.Parameters.AddWithValue(hash);
        await cmd.ExecuteNonQueryAsync();
        return secret;
    }

    /// <summary>
    /// Suppliers whose products the order load buys, with plenty of stock so the run measures placement, not sell-outs:
    /// for each of <paramref name="count"/> suppliers, four of its products (id and minimum order).
    /// </summary>
    public static async Task<IReadOnlyList<(Guid Id, int MinOrder)[]>> OrderableAsync(NpgsqlDataSource db, int count)
    {
        await ExecAsync(db, $"""
            DROP TABLE IF EXISTS bench_orderable;
            CREATE UNLOGGED TABLE bench_orderable AS
            SELECT p.id, p.supplier_id, p.min_order_quantity
            FROM (SELECT id FROM suppliers WHERE credit_code LIKE '93______BM%' ORDER BY credit_code LIMIT {count}) s
            CROSS JOIN LATERAL (SELECT id, supplier_id, min_order_quantity FROM products WHERE supplier_id = s.id ORDER BY id LIMIT 4) p;
            UPDATE products SET stock = 100000000 WHERE id IN (SELECT id FROM bench_orderable);
            """);
        var bySupplier = new Dictionary<Guid, List<(Guid, int)>>();
        await using var cmd = db.CreateCommand("SELECT id, supplier_id, min_order_quantity FROM bench_orderable");
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var supplier = reader.GetGuid(1);
            if (!bySupplier.TryGetValue(supplier, out var list)) bySupplier[supplier] = list = [];
            list.Add((reader.GetGuid(0), reader.GetInt32(2)));
        }
        return bySupplier.Values.Where(l => l.Count == 4).Select(l => l.ToArray()).ToList();
    }

    public static async Task<List<T>> ListAsync<T>(NpgsqlDataSource db, string sql, Func<NpgsqlDataReader, T> read)
    {
        var list = new List<T>();
        await using var cmd = db.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(read(reader));
        return list;
    }

    public static async Task ExecAsync(NpgsqlDataSource db, string sql)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync();
    }
}
