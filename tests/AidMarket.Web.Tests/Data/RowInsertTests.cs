using AidMarket.Domain.Common;
using AidMarket.Domain.Organizations;
using AidMarket.Domain.Procurement;
using AidMarket.Domain.Producers;
using AidMarket.Web.Data;
using AidMarket.Web.Messaging;
using AidMarket.Web.Messaging.Contracts;
using Npgsql;

namespace AidMarket.Web.Tests.Data;

/// <summary>New orders are written by RowInsert, not SaveChanges: their rows must be the rows EF would have written.</summary>
public class RowInsertTests(AppFixture app) : WebTest(app)
{
    [Fact]
    public async Task An_order_written_by_RowInsert_has_every_column_EF_writes_for_the_same_order_and_reads_back_equal()
    {
        await App.ExecuteAsync(async db =>
        {
            var buyer = await db.Organizations.Where(o => o.Kind == OrganizationKind.Buyer).Select(o => o.Id).FirstAsync();
            var plans = await db.BenefitPlans.Where(p => p.Status == BenefitPlanStatus.Approved).Take(2)
                .ToDictionaryAsync(p => p.SupplierId, p => new PlanAtPlacement(p.Id, p.HouseholdSharePercent));
            plans.Count.ShouldBe(2);
            var now = DateTimeOffset.UtcNow;
            var delivery = new DeliveryDetails("ERP-7", "食堂", "广州市海珠区新港中路1号", DateOnly.FromDateTime(now.UtcDateTime).AddDays(3), "上午送达");
            var lines = plans.Keys.SelectMany((supplier, i) => new[]
            {
                new OrderLine(Guid.CreateVersion7(), supplier, "田林姬松茸干品" + i, "千克", 3 + i, new Money(12_345)),
                new OrderLine(Guid.CreateVersion7(), supplier, "八渡笋干" + i, "箱", 1, new Money(9_900 + i)),
            }).ToList();
            PurchaseOrder Order(string number) => new(buyer, number, "user-1", delivery, lines, new Money(1_000_000_00), now);
            PurchaseOrderPlaced Announcement(PurchaseOrder o, IReadOnlyList<SupplierOrder> parts) => new(o.Id, buyer, o.Number, o.Total.Fen, "user-1", null,
                parts.Select(p => new PlacedSupplierOrder(p.Id, p.SupplierId, p.Total.Fen)).ToList());

            await using var tx = await db.Database.BeginTransactionAsync();
            var byEf = Order("PO-T-EF");
            var efParts = byEf.Place(plans, now);
            db.PurchaseOrders.Add(byEf);
            db.SupplierOrders.AddRange(efParts);
            db.Publish(Announcement(byEf, efParts));
            await db.SaveChangesAsync();
            var efMessageId = db.OutboxMessages.Local.Single().Id;
            db.ChangeTracker.Clear();

            var byRow = Order("PO-T-ROW");
            var rowParts = byRow.Place(plans, now);
            var announcement = Announcement(byRow, rowParts);
            var rowMessage = OutboxMessage.From(announcement);
            await db.OnConnectionAsync(async (connection, transaction) =>
            {
                await using var batch = new NpgsqlBatch(connection, transaction)
                {
                    BatchCommands = { RowInsert.Row(db, byRow), RowInsert.Rows(db, rowParts), RowInsert.Row(db, rowMessage) },
                };
                return await batch.ExecuteNonQueryAsync();
            }, CancellationToken.None);

            // Column for column, apart from the ids and numbers that differ on purpose.
            async Task<string> Row(string sql, Guid id) =>
                (await db.Database.SqlQueryRaw<string>(sql, id).ToListAsync()).Single();
            const string orderSql = "SELECT (to_jsonb(o) - 'id' - 'number')::text AS \"Value\" FROM purchase_orders o WHERE id = {0}";
            (await Row(orderSql, byRow.Id)).ShouldBe(await Row(orderSql, byEf.Id));
            const string partsSql = """
                SELECT jsonb_agg(to_jsonb(s) - 'id' - 'order_id' - 'order_number' ORDER BY s.supplier_id)::text AS "Value"
                FROM supplier_orders s WHERE order_id = {0}
                """;
            (await Row(partsSql, byRow.Id)).ShouldBe(await Row(partsSql, byEf.Id));
            const string messageSql = "SELECT (to_jsonb(m) - 'id' - 'created_at' - 'payload')::text AS \"Value\" FROM outbox_messages m WHERE id = {0}";
            (await Row(messageSql, rowMessage.Id)).ShouldBe(await Row(messageSql, efMessageId));

            // And EF reads the row written by RowInsert back as the order it was.
            var read = await db.PurchaseOrders.AsNoTracking().SingleAsync(o => o.Id == byRow.Id);
            (read.Number, read.BuyerOrganizationId, read.SubmittedByUserId, read.Delivery, read.Status, read.Total.Fen)
                .ShouldBe((byRow.Number, buyer, "user-1", delivery, OrderStatus.Placed, byRow.Total.Fen));
            read.SubmittedAt.ShouldBe(now, TimeSpan.FromMilliseconds(1));
            read.Lines.ShouldBe(lines);
            var readParts = await db.SupplierOrders.AsNoTracking().Where(s => s.OrderId == byRow.Id).OrderBy(s => s.SupplierId).ToListAsync();
            readParts.Select(s => (s.Id, s.SupplierId, s.PlanId, s.HouseholdSharePercent, s.Status, s.Total.Fen, s.Lines.Count))
                .ShouldBe(rowParts.OrderBy(s => s.SupplierId).Select(s => (s.Id, s.SupplierId, s.PlanId, s.HouseholdSharePercent, s.Status, s.Total.Fen, s.Lines.Count)));
            (await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == rowMessage.Id)).Deserialize().ShouldBeEquivalentTo(announcement);
            await tx.RollbackAsync();
        });
    }

    [Fact]
    public async Task Entities_it_cannot_write_as_EF_would_are_refused_before_anything_is_sent()
    {
        await App.ExecuteAsync(db =>
        {
            T Blank<T>() => (T)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(T));
            // Lines as owned JSON, and a column with a database default.
            Should.Throw<NotSupportedException>(() => RowInsert.Row(db, Blank<Shipment>())).Message.ShouldContain("Lines");
            Should.Throw<NotSupportedException>(() => RowInsert.Row(db, Blank<AidMarket.Domain.Payments.Invoice>())).Message.ShouldContain("filled by the database");
            return Task.CompletedTask;
        });
    }
}
