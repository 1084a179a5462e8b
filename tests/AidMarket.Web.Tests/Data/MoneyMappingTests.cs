using AidMarket.Domain.Common;
using AidMarket.Domain.Payments;
using AidMarket.Domain.Producers;
using AidMarket.Web.Data;

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
                    (typeof(Household), nameof(Household.BaselineIncome)) }
                .Select(c => db.Model.FindEntityType(c.Item1)!.FindProperty(c.Item2)!)
                .Select(p => (p.GetColumnName(), p.GetColumnType(), p.IsNullable));
            columns.ShouldBe([("amount_fen", "bigint", false), ("paid_fen", "bigint", false), ("credited_fen", "bigint", false),
                ("amount_fen", "bigint", false), ("amount_fen", "bigint", false), ("baseline_income_fen", "bigint", false)]);
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
