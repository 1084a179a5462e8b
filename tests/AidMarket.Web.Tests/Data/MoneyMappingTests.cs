using AidMarket.Domain.Catalog;
using AidMarket.Domain.Common;
using AidMarket.Domain.Ledger;
using AidMarket.Domain.Organizations;
using AidMarket.Domain.Payments;
using AidMarket.Domain.Procurement;
using AidMarket.Domain.Producers;
using AidMarket.Web.Data;
using AidMarket.Web.Ledger;
using AidMarket.Web.Payments;

namespace AidMarket.Web.Tests.Data;

/// <summary>Money in the model is stored as it was before it was Money: bigint *_fen columns, "…Fen" numbers in JSON (note 021).</summary>
public class MoneyMappingTests(AppFixture app) : WebTest(app)
{
    [Fact]
    public async Task A_money_property_is_a_bigint_fen_column_and_the_model_matches_the_migrations()
    {
        await App.ExecuteAsync(db =>
        {
            db.Database.HasPendingModelChanges().ShouldBeFalse();
            var columns = new[] { (typeof(Invoice), nameof(Invoice.Amount)), (typeof(Invoice), nameof(Invoice.Paid)), (typeof(Invoice), nameof(Invoice.Credited)),
                    (typeof(SupplierPayout), nameof(SupplierPayout.Amount)), (typeof(DisbursementLine), nameof(DisbursementLine.Amount)),
                    (typeof(Household), nameof(Household.BaselineIncome)), (typeof(PurchaseOrder), nameof(PurchaseOrder.Total)),
                    (typeof(SupplierOrder), nameof(SupplierOrder.Total)), (typeof(Product), nameof(Product.BasePrice)),
                    (typeof(Organization), nameof(Organization.ApprovalThreshold)), (typeof(Posting), nameof(Posting.Amount)),
                    (typeof(SettlementRecord), nameof(SettlementRecord.HouseholdShare)), (typeof(SettlementRecord), nameof(SettlementRecord.SupplierPart)),
                    (typeof(BankTransferRecord), nameof(BankTransferRecord.Excess)) }
                .Select(c => db.Model.FindEntityType(c.Item1)!.FindProperty(c.Item2)!)
                .Select(p => (p.GetColumnName(), p.GetColumnType(), p.IsNullable));
            columns.ShouldBe([("amount_fen", "bigint", false), ("paid_fen", "bigint", false), ("credited_fen", "bigint", false),
                ("amount_fen", "bigint", false), ("amount_fen", "bigint", false), ("baseline_income_fen", "bigint", false), ("total_fen", "bigint", false),
                ("total_fen", "bigint", false), ("base_price_fen", "bigint", false), ("approval_threshold_fen", "bigint", false),
                ("amount_fen", "bigint", false), ("household_fen", "bigint", false), ("supplier_fen", "bigint", false), ("excess_fen", "bigint", false)]);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Payments_and_refunds_of_an_invoice_keep_their_json_with_the_amount_in_fen()
    {
        var at = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
        await App.ExecuteAsync(db =>
        {
            var invoice = db.Model.FindEntityType(typeof(Invoice))!;
            var payments = invoice.FindProperty("_payments")!.GetValueConverter()!;
            var refunds = invoice.FindProperty("_refunds")!.GetValueConverter()!;
            List<InvoicePayment> paid = [new(new Money(12_345), PaymentMethod.BankTransfer, "B-1", at)];
            List<InvoiceRefund> refunded = [new(new Money(-5), "re_1", at, CreditNote: true)];

            payments.ConvertToProvider(paid).ShouldBe("""[{"AmountFen":12345,"Method":"BankTransfer","ExternalId":"B-1","ReceivedAt":"2026-11-22T09:00:00+00:00"}]""");
            refunds.ConvertToProvider(refunded).ShouldBe("""[{"AmountFen":-5,"ExternalId":"re_1","RefundedAt":"2026-11-22T09:00:00+00:00","CreditNote":true}]""");
            ((List<InvoicePayment>)payments.ConvertFromProvider("""[{"AmountFen":12345,"Method":"BankTransfer","ExternalId":"B-1","ReceivedAt":"2026-11-22T09:00:00+00:00"}]""")!)
                .ShouldBe(paid);
            ((List<InvoiceRefund>)refunds.ConvertFromProvider(refunds.ConvertToProvider(refunded))!).ShouldBe(refunded);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Order_lines_and_tier_prices_keep_their_json_with_prices_in_fen()
    {
        var at = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
        Guid S1 = Guid.Parse("01900000-0000-7000-8000-000000000001"), S2 = Guid.Parse("01900000-0000-7000-8000-000000000002");
        Guid P1 = Guid.Parse("01900000-0000-7000-8000-000000000011"), P2 = Guid.Parse("01900000-0000-7000-8000-000000000012");
        await App.ExecuteAsync(db =>
        {
            List<OrderLine> lines = [new(P1, S1, "松茸", "千克", 3, new Money(12_345)), new(P2, S2, "笋干", "箱", 1, new Money(9_900))];
            var order = new PurchaseOrder(Guid.NewGuid(), "PO-1", "u", new DeliveryDetails("", "", "addr", DateOnly.FromDateTime(at.UtcDateTime).AddDays(1), ""),
                lines, new Money(1_000_000_00), at);
            var part = order.Place(new Dictionary<Guid, PlanAtPlacement> { [S1] = new(Guid.NewGuid(), 30m), [S2] = new(Guid.NewGuid(), 30m) }, at)[0];
            List<TierPrice> tiers = [new(1, new Money(1_000)), new(10, new Money(950))];
            const string orderJson = """[{"ProductId":"01900000-0000-7000-8000-000000000011","SupplierId":"01900000-0000-7000-8000-000000000001","ProductName":"\u677E\u8338","Unit":"\u5343\u514B","Quantity":3,"UnitPriceFen":12345},{"ProductId":"01900000-0000-7000-8000-000000000012","SupplierId":"01900000-0000-7000-8000-000000000002","ProductName":"\u7B0B\u5E72","Unit":"\u7BB1","Quantity":1,"UnitPriceFen":9900}]""";
            const string partJson = """[{"ProductId":"01900000-0000-7000-8000-000000000011","ProductName":"\u677E\u8338","Unit":"\u5343\u514B","Quantity":3,"UnitPriceFen":12345,"Status":"Pending","DeclineReason":null,"Shipped":0,"Closed":0,"Accepted":0,"Rejected":0,"RejectReason":null}]""";
            // The computed UnitPrice object has always been written beside UnitPriceFen (note 021).
            const string tiersJson = """[{"MinQuantity":1,"UnitPriceFen":1000,"UnitPrice":{"Fen":1000,"Yuan":10}},{"MinQuantity":10,"UnitPriceFen":950,"UnitPrice":{"Fen":950,"Yuan":9.5}}]""";
            (string Json, object Read) RoundTrip(Type type, string field, object value)
            {
                var converter = db.Model.FindEntityType(type)!.FindProperty(field)!.GetValueConverter()!;
                var json = (string)converter.ConvertToProvider(value)!;
                return (json, converter.ConvertFromProvider(json)!);
            }
            var (orderWritten, orderRead) = RoundTrip(typeof(PurchaseOrder), "_lines", lines);
            orderWritten.ShouldBe(orderJson);
            ((List<OrderLine>)orderRead).ShouldBe(lines);
            var (partWritten, partRead) = RoundTrip(typeof(SupplierOrder), "_lines", part.Lines.ToList());
            partWritten.ShouldBe(partJson);
            ((List<SupplierOrderLine>)partRead).Single().UnitPrice.ShouldBe(new Money(12_345));
            var (tiersWritten, tiersRead) = RoundTrip(typeof(Product), "_tiers", tiers);
            tiersWritten.ShouldBe(tiersJson);
            ((List<TierPrice>)tiersRead).ShouldBe(tiers);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Queries_compare_money_and_sum_its_fen_on_the_columns()
    {
        await App.ExecuteAsync(db =>
        {
            db.Invoices.Where(i => i.Paid < i.Amount - i.Credited).ToQueryString().ShouldContain("WHERE i.paid_fen < i.amount_fen - i.credited_fen");
            db.Invoices.Where(i => i.Paid.Fen > 0).ToQueryString().ShouldContain("WHERE i.paid_fen > 0");
            db.DisbursementBatches.Select(b => b.Lines.Sum(l => l.Amount.Fen)).ToQueryString().ShouldContain("sum(d0.amount_fen)");
            return Task.CompletedTask;
        });
    }
}
