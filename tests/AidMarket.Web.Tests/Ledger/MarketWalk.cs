using System.Globalization;
using AidMarket.Web.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace AidMarket.Web.Tests.Ledger;

/// <summary>
/// 随机流程: one random sequence of steps run against the real app and PostgreSQL the way its people, Stripe and its jobs
/// would run them (forms with their antiforgery tokens, signed webhooks, the settlement runner), with a model of what must
/// come of each (<see cref="WalkModel"/>) and every rule checked after each step (<see cref="WalkChecks"/>). A step the
/// rules forbid must be refused with a message and change nothing.
/// </summary>
public sealed partial class MarketWalk
{
    private readonly StripeAppFixture _app;
    private readonly WalkModel _model;
    private readonly WalkPeople _people;
    private readonly WalkChecks _checks;
    private readonly List<string> _log = [];
    private readonly HashSet<Guid> _refundEntries = [];
    private int _slips, _refused;

    private MarketWalk(StripeAppFixture app, WalkModel model, WalkPeople people)
    {
        (_app, _model, _people) = (app, model, people);
        _checks = new WalkChecks(app, model);
    }

    private SettlementRunner Runner => _app.Factory.Services.GetRequiredService<SettlementRunner>();

    public string Summary =>
        $"{_log.Count} steps ({_refused} refused): {_model.Orders.Count} supplier orders, {_model.Bills.Count} invoices, " +
        $"{_model.Orders.Count(o => o.Settlement is not null)} settled, {_model.Bills.Sum(b => b.Refunds.Count)} refunds, " +
        $"{_model.Disbursements.Count} disbursement lines, {_model.Payouts.Count} supplier payouts";

    public string Trace => string.Join("\n", _log);

    public static async Task<MarketWalk> StartAsync(StripeAppFixture app)
    {
        var (model, people) = await WalkSetup.StartAsync(app);
        var walk = new MarketWalk(app, model, people);
        await walk._checks.AfterStepAsync();
        return walk;
    }

    public async Task RunAsync(IReadOnlyList<WalkStep> steps)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            try
            {
                _log.Add($"{i,2}: {steps[i]} → {await StepAsync(steps[i])}");
                await _checks.AfterStepAsync();
            }
            catch (Exception ex)
            {
                var appErrors = _app.Factory.Logs.Where(l => l.StartsWith("Error") || l.StartsWith("Critical")).TakeLast(3);
                throw new WalkFailedException($"Step {i} ({steps[i]}) failed after:\n{Trace}\n{ex.GetType().Name}: {ex.Message}\n" +
                                              $"The app's last errors:\n{string.Join("\n", appErrors)}", ex);
            }
        }
    }

    private Task<string> StepAsync(WalkStep step) => step switch
    {
        WalkStep.Place s => PlaceAsync(s),
        WalkStep.Advance s => AdvanceAsync(s),
        WalkStep.Confirm s => ConfirmAsync(s),
        WalkStep.Ship s => ShipAsync(s),
        WalkStep.CloseRest s => CloseRestAsync(s),
        WalkStep.Receive s => ReceiveAsync(s),
        WalkStep.PayByBank s => PayByBankAsync(s),
        WalkStep.StartCheckout s => StartCheckoutAsync(s),
        WalkStep.PayOnline s => PayOnlineAsync(s),
        WalkStep.StripeDelivers s => StripeDeliversAsync(s),
        WalkStep.Settle s => SettleAsync(s),
        WalkStep.RefundInvoice s => RefundAsync(s),
        WalkStep.RefundInStripe s => RefundInStripeAsync(s),
        WalkStep.CreateDisbursements s => CreateDisbursementsAsync(s),
        WalkStep.AnswerDisbursement s => AnswerDisbursementAsync(s),
        WalkStep.CreatePayouts => CreatePayoutsAsync(),
        WalkStep.AnswerPayout s => AnswerPayoutAsync(s),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "a step the walk does not know"),
    };

    /// <summary>A step the rules forbid: refused with a message on the page (or <paramref name="status"/>), and nothing changed.</summary>
    private async Task<string> RefusedAsync(string what, Func<Task<HttpResponseMessage>> act, HttpStatusCode status = HttpStatusCode.OK)
    {
        var before = await _checks.FingerprintAsync();
        var response = await act();
        var errors = Browser.ErrorsIn(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(status, $"{what} must be refused; the page said: {errors}");
        if (status == HttpStatusCode.OK) errors.ShouldNotBeNullOrWhiteSpace($"{what} was refused without saying why");
        await _checks.QuietAsync();
        (await _checks.FingerprintAsync()).ShouldBe(before, $"{what} was refused but changed something");
        _refused++;
        return $"refused {what}: {(status == HttpStatusCode.OK ? errors : status)}";
    }

    /// <summary>A step that must leave everything as it was while being answered as done (a replay, a slip already recorded).</summary>
    private async Task<string> IgnoredAsync(string what, Func<Task> act)
    {
        var before = await _checks.FingerprintAsync();
        await act();
        await _checks.QuietAsync();
        (await _checks.FingerprintAsync()).ShouldBe(before, $"{what} must change nothing");
        return $"{what}: nothing changed";
    }

    private static async Task<HttpResponseMessage> DoneAsync(string what, Task<HttpResponseMessage> act)
    {
        var response = await act;
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{what}: {Browser.ErrorsIn(await response.Content.ReadAsStringAsync())}");
        return response;
    }

    private static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private string NextSlip(string kind) => $"WALK-{kind}{++_slips:D4}";
}

public sealed class WalkFailedException(string message, Exception inner) : Exception(message, inner);
