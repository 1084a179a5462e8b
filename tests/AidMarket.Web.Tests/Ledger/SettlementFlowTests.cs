using AidMarket.Domain.Common;
using AidMarket.Domain.Ledger;
using AidMarket.Domain.Payments;
using AidMarket.Domain.Procurement;
using AidMarket.Web.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace AidMarket.Web.Tests.Ledger;

/// <summary>
/// Money in and split exactly: an accepted order becomes an invoice, a bank transfer quoting its reference pays it, and the
/// order is settled once into the ledger, its household share credited to the households of the lot it shipped from.
/// </summary>
public class SettlementFlowTests(AppFixture app) : WebTest(app)
{
    private Task<Browser> LogInAsync(string email) => PaymentScenario.LogInAsync(App, email);

    private Task<(SupplierOrder Order, Guid LotId)> AcceptedOrderAsync() => PaymentScenario.AcceptedOrderAsync(App);

    private static Task<HttpResponseMessage> RecordTransferAsync(Browser admin, string amount, string memo, string slip) =>
        PaymentScenario.RecordTransferAsync(admin, amount, memo, slip);

    private Task<long> UnbalancedEntriesAsync() => PaymentScenario.UnbalancedEntriesAsync(App);

    [Fact]
    public async Task An_accepted_order_is_invoiced_paid_by_bank_transfer_and_settled_once_to_the_households_of_its_lot()
    {
        var (order, lotId) = await AcceptedOrderAsync();
        var invoice = await App.QueryAsync(db => db.Invoices.SingleAsync());
        invoice.Amount.Fen.ShouldBe(19 * 9800);
        invoice.SupplierOrderId.ShouldBe(order.Id);

        var finance = await LogInAsync("finance@aidmarket.demo");
        (await finance.GetPageAsync("/Buyer/Invoices")).ShouldContain(invoice.Reference);
        var printable = await finance.GetPageAsync($"/Buyer/Invoices/Details/{invoice.Id}");
        printable.ShouldContain("¥1,862.00");
        printable.ShouldContain($"请在转账摘要中填写 {invoice.Reference}");
        // Finance was told, in the app, with the amount and the reference to quote.
        var told = await Eventually.ReturnsAsync(() => finance.GetPageAsync("/Notifications"), html => html.Contains(invoice.Reference));
        told.ShouldContain($"付款通知书已开具：应付 ¥1,862.00，付款识别码 {invoice.Reference}");

        // Part first, then the rest: the order is settled only when the invoice is paid in full.
        var admin = await LogInAsync("admin@aidmarket.demo");
        var part = await RecordTransferAsync(admin, "1000.00", $"货款 {invoice.Reference} 海珠区机关食堂", "BOC-0001");
        part.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await part.Content.ReadAsStringAsync()));
        (await admin.GetPageAsync("/Admin/Payments")).ShouldContain("已匹配，部分付款");
        var runner = App.Factory.Services.GetRequiredService<SettlementRunner>();
        (await runner.SettleAllDueAsync(CancellationToken.None)).ShouldBe(0);

        var rest = await RecordTransferAsync(admin, "862.00", invoice.Reference.ToLowerInvariant(), "BOC-0002");
        rest.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var settlement = await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.Settlements.SingleOrDefaultAsync()), s => s is not null);
        (await App.QueryAsync(db => db.Invoices.SingleAsync())).Status.ShouldBe(InvoiceStatus.Paid);

        // The split: the plan frozen on the order, rounded once; every fen to someone; the lot's households by what they supplied.
        var lot = await App.QueryAsync(db => db.ProductLots.SingleAsync(l => l.Id == lotId));
        settlement!.Total.Fen.ShouldBe(186_200);
        settlement.HouseholdShare.Fen.ShouldBe(Money.FromYuan(1862m * order.HouseholdSharePercent / 100m).Fen);
        (settlement.Fee.Fen + settlement.HouseholdShare.Fen + settlement.SupplierPart.Fen).ShouldBe(186_200);
        var entry = await App.QueryAsync(db => db.JournalEntries.SingleAsync(e => e.Id == settlement.JournalEntryId));
        entry.SourceKey.ShouldBe($"settlement:{order.Id}");
        var credits = entry.Postings.Where(p => p.Account.Kind == LedgerAccountKind.HouseholdPayable).ToList();
        credits.Sum(p => -p.Amount.Fen).ShouldBe(settlement.HouseholdShare.Fen);
        credits.Select(p => p.Account.OwnerId!.Value).ToHashSet().SetEquals(lot.Contributions.Select(c => c.HouseholdId)).ShouldBeTrue();
        var expected = settlement.HouseholdShare.Allocate(lot.Contributions.OrderBy(c => c.HouseholdId).Select(c => (long)(c.Quantity * 1000)).ToList());
        credits.OrderBy(p => p.Account.OwnerId).Select(p => -p.Amount.Fen).ShouldBe(expected.Select(m => m.Fen));

        // Running again, from any number of callers at once, settles nothing more.
        var again = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => runner.SettleDueAsync(order.Id, CancellationToken.None))));
        again.Sum().ShouldBe(0);
        (await App.QueryAsync(db => db.Settlements.CountAsync())).ShouldBe(1);
        (await App.QueryAsync(db => db.JournalEntries.CountAsync())).ShouldBe(3); // two payments, one settlement
        (await UnbalancedEntriesAsync()).ShouldBe(0);

        // The supplier is told what the order earned and what went to households.
        var supplier = await LogInAsync("supplier@aidmarket.demo");
        (await Eventually.ReturnsAsync(() => supplier.GetPageAsync("/Notifications"), html => html.Contains("一笔订单已结算")))
            .ShouldContain($"一笔订单已结算：¥1,862.00，其中 {new Money(settlement.HouseholdShare.Fen)} 计入 {lot.Contributions.Count} 户脱贫户的收益");
    }

    [Fact]
    public async Task The_same_slip_recorded_twice_or_at_once_pays_once()
    {
        await AcceptedOrderAsync();
        var invoice = await App.QueryAsync(db => db.Invoices.SingleAsync());
        var admins = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => LogInAsync("admin@aidmarket.demo")));
        var answers = await Task.WhenAll(admins.Select(a => RecordTransferAsync(a, "1862.00", invoice.Reference, "ICBC-77")));
        answers.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect || r.StatusCode == HttpStatusCode.OK);
        answers.ShouldAllBe(r => (int)r.StatusCode < 500);
        var second = await RecordTransferAsync(admins[0], "1862.00", invoice.Reference, "icbc-77 ");
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admins[0].GetPageAsync("/Admin/Payments")).ShouldContain("回单 icbc-77 已登记，已跳过。");

        (await App.QueryAsync(db => db.BankTransfers.CountAsync())).ShouldBe(1);
        (await App.QueryAsync(db => db.Invoices.SingleAsync())).Paid.Fen.ShouldBe(186_200);
        await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.Settlements.CountAsync()), n => n == 1);
        (await App.QueryAsync(db => db.JournalEntries.CountAsync(e => e.Kind == JournalEntryKind.Payment))).ShouldBe(1);
    }

    [Fact]
    public async Task Unmatched_and_overpaid_transfers_wait_for_handling_and_a_bad_statement_records_nothing()
    {
        await AcceptedOrderAsync();
        var invoice = await App.QueryAsync(db => db.Invoices.SingleAsync());
        var admin = await LogInAsync("admin@aidmarket.demo");

        var bad = await admin.UploadAsync("/Admin/Payments", "/Admin/Payments?handler=Import", "statement",
            System.Text.Encoding.UTF8.GetBytes($"2026-11-20,1862.00,{invoice.Reference},S-1\n2026-13-01,5.00,x,S-2\n"), "statement.csv", "text/csv");
        var html = await bad.Content.ReadAsStringAsync();
        html.ShouldContain("未导入任何记录");
        html.ShouldContain("第 2 行");
        (await App.QueryAsync(db => db.BankTransfers.CountAsync())).ShouldBe(0);

        var good = await admin.UploadAsync("/Admin/Payments", "/Admin/Payments?handler=Import", "statement",
            System.Text.Encoding.UTF8.GetBytes($"2026/11/20,\"2,000.00\",货款{invoice.Reference},S-1\n2026-11-21,50.00,没有识别码,S-2\n"), "statement.csv", "text/csv");
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await good.Content.ReadAsStringAsync()));
        var transfers = await App.QueryAsync(db => db.BankTransfers.OrderBy(t => t.SlipKey).ToListAsync());
        transfers.Select(t => t.Outcome).ShouldBe([TransferMatchKind.Overpaid, TransferMatchKind.Unmatched]);
        transfers[0].Excess.Fen.ShouldBe(200_000 - 186_200);
        transfers.ShouldAllBe(t => t.NeedsHandling);
        (await App.QueryAsync(db => db.Invoices.SingleAsync())).Status.ShouldBe(InvoiceStatus.Overpaid);

        var resolved = await admin.SubmitAsync("/Admin/Payments", new Dictionary<string, string> { ["note"] = "已退回付款单位" },
            $"/Admin/Payments?handler=Resolve&id={transfers[1].Id}");
        resolved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.QueryAsync(db => db.BankTransfers.SingleAsync(t => t.Id == transfers[1].Id))).Resolution.ShouldBe("已退回付款单位");
    }

    [Fact]
    public async Task The_database_keeps_the_ledger_append_only_balanced_and_settles_an_order_once()
    {
        await AcceptedOrderAsync();
        var invoice = await App.QueryAsync(db => db.Invoices.SingleAsync());
        var admin = await LogInAsync("admin@aidmarket.demo");
        await RecordTransferAsync(admin, "1862.00", invoice.Reference, "CCB-1");
        var settlement = await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.Settlements.SingleOrDefaultAsync()), s => s is not null);

        async Task<Npgsql.PostgresException> RefusedAsync(string sql) =>
            (await Should.ThrowAsync<Npgsql.PostgresException>(() => App.ExecuteAsync(db => db.Database.ExecuteSqlRawAsync(sql))));
        (await RefusedAsync("UPDATE postings SET amount_fen = amount_fen + 1")).MessageText.ShouldContain("append-only");
        (await RefusedAsync("DELETE FROM journal_entries")).MessageText.ShouldContain("append-only");
        (await RefusedAsync("DELETE FROM settlements")).MessageText.ShouldContain("append-only");
        (await RefusedAsync($"""
            INSERT INTO journal_entries (id, kind, source_key, occurred_at) VALUES ('{Guid.NewGuid()}', 'Payment', 'payment:bank:forged', now());
            INSERT INTO postings (entry_id, account, amount_fen) SELECT id, 'cash', 100 FROM journal_entries WHERE source_key = 'payment:bank:forged';
            INSERT INTO postings (entry_id, account, amount_fen) SELECT id, 'escrow', -99 FROM journal_entries WHERE source_key = 'payment:bank:forged';
            """)).MessageText.ShouldContain("does not balance");
        (await RefusedAsync($"INSERT INTO postings (entry_id, account, amount_fen) VALUES ('{settlement!.JournalEntryId}', 'cash', 0)"))
            .MessageText.ShouldContain("only be added with their journal entry");
        (await RefusedAsync($"""
            INSERT INTO journal_entries (id, kind, source_key, occurred_at) VALUES ('{Guid.NewGuid()}', 'Settlement', 'settlement:again', now());
            INSERT INTO settlements (supplier_order_id, journal_entry_id, total_fen, fee_fen, household_fen, supplier_fen, settled_at)
                SELECT supplier_order_id, (SELECT id FROM journal_entries WHERE source_key = 'settlement:again'), 0, 0, 0, 0, now() FROM settlements;
            """)).SqlState.ShouldBe(Npgsql.PostgresErrorCodes.UniqueViolation);
        (await UnbalancedEntriesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Invoices_are_seen_only_by_the_buyers_finance_and_admin()
    {
        await AcceptedOrderAsync();
        var invoice = await App.QueryAsync(db => db.Invoices.SingleAsync());
        await App.CreateUserAsync("finance@other.test", "宝安区某中学食堂", AidMarket.Domain.Organizations.OrganizationRole.Finance);
        var other = await LogInAsync("finance@other.test");
        (await other.GetAsync($"/Buyer/Invoices/Details/{invoice.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetPageAsync("/Buyer/Invoices")).ShouldNotContain(invoice.Reference);
        var purchaser = await LogInAsync("purchaser@aidmarket.demo");
        (await purchaser.GetAsync($"/Buyer/Invoices/Details/{invoice.Id}")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        var supplier = await LogInAsync("supplier@aidmarket.demo");
        (await supplier.GetAsync("/Admin/Payments")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await (await LogInAsync("buyeradmin@aidmarket.demo")).GetPageAsync($"/Buyer/Invoices/Details/{invoice.Id}")).ShouldContain(invoice.Reference);
    }
}
