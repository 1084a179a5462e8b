using CsCheck;

namespace AidMarket.Web.Tests.Ledger;

/// <summary>
/// One thing someone does in a random walk through the marketplace (<see cref="MarketWalk"/>). Numbers pick among what exists
/// when the step runs (an order, an invoice, a checkout session, a batch line: taken modulo how many there are), so any
/// sequence runs from any state and a shorter one replays the same way. Without <c>Wild</c> a step picks among the records it
/// applies to; with it, among all of them, so it may well be one the app must refuse.
/// </summary>
public abstract record WalkStep
{
    /// <param name="Lines">Which of the walk's products, and how much of it (see <see cref="MarketWalk"/>: 0 all the stock left,
    /// 1 one more than the stock, 2 one below the minimum, more: the minimum and a little).</param>
    public sealed record Place((int Product, int Amount)[] Lines) : WalkStep
    {
        public override string ToString() => $"Place [{string.Join(", ", Lines.Select(l => $"product {l.Product} amount {l.Amount}"))}]";
    }

    /// <summary>Whatever the picked order waits for, done as its people would: confirmed, shipped or received (or a new order).</summary>
    /// <param name="ShipFirst">For an order partly shipped and partly awaiting acceptance: ship more rather than receive.</param>
    public sealed record Advance(int Order, bool DeclineFirstLine, bool ShipFirst, int[] Portions, int[] Lots, int[] Decisions) : WalkStep
    {
        public override string ToString() => $"Advance {{ Order = {Order}, DeclineFirstLine = {DeclineFirstLine}, ShipFirst = {ShipFirst}, " +
                                             $"Portions = [{string.Join(", ", Portions)}], Lots = [{string.Join(", ", Lots)}], Decisions = [{string.Join(", ", Decisions)}] }}";
    }

    public sealed record Confirm(int Order, bool DeclineFirstLine, bool Wild) : WalkStep;

    /// <param name="Portions">Per line: 0 all left to ship, 1 half, 2 one, 3 none, 4 one more than is left.</param>
    /// <param name="Lots">Per line: 0 its first lot, 1 its second lot, 2 no lot (the supplier's linked households get the share).</param>
    public sealed record Ship(int Order, int[] Portions, int[] Lots, bool Wild) : WalkStep
    {
        public override string ToString() => $"Ship {{ Order = {Order}, Portions = [{string.Join(", ", Portions)}], Lots = [{string.Join(", ", Lots)}], Wild = {Wild} }}";
    }

    public sealed record CloseRest(int Order, bool Wild) : WalkStep;

    /// <param name="Decisions">Per line awaiting acceptance: 0 accept all, 1 accept half and reject the rest, 2 reject all,
    /// 3 accept half and leave the rest for later, 4 reject all without a reason.</param>
    public sealed record Receive(int Order, int[] Decisions, bool Wild) : WalkStep
    {
        public override string ToString() => $"Receive {{ Order = {Order}, Decisions = [{string.Join(", ", Decisions)}], Wild = {Wild} }}";
    }

    public enum Transfer { Exact, Partial, Over, NoReference, SlipAgain }

    /// <param name="Twice">Two people of platform finance record the same slip at the same moment.</param>
    /// <param name="RefundAtOnce">When the transfer pays the invoice in full, refund all of it at once, racing its settlement.</param>
    public sealed record PayByBank(int Invoice, Transfer Kind, bool Twice, bool RefundAtOnce, bool Wild) : WalkStep;

    public sealed record StartCheckout(int Invoice, bool Wild) : WalkStep;

    public enum Checkout { Paid, Declined, Later }

    /// <summary>
    /// Buyer finance pays what is outstanding on the checkout page and Stripe tells the app (see <see cref="StripeDelivers"/>),
    /// or the card is declined, or the buyer leaves the page and Stripe's word comes later (a later step), if ever.
    /// </summary>
    public sealed record PayOnline(int Invoice, Checkout Outcome, StripeEvents Events, int Copies, bool SettleMeanwhile) : WalkStep;

    public enum StripeEvents { Both, CheckoutOnly, IntentOnly }

    /// <param name="Copies">How many times each event is delivered, all at once and in shuffled order.</param>
    /// <param name="SettleMeanwhile">Settlement runs while the events arrive.</param>
    public sealed record StripeDelivers(int Session, bool Succeeds, StripeEvents Events, int Copies, bool SettleMeanwhile, bool Wild) : WalkStep;

    public sealed record Settle(int Order) : WalkStep;

    public enum Refund { All, Half, OneFen, TooMuch, SlipAgain }

    /// <param name="AtOnce">Two people of platform finance refund all that is refundable at the same moment (whatever the kind).</param>
    public sealed record RefundInvoice(int Invoice, bool ByStripe, Refund Kind, bool AtOnce, bool Wild) : WalkStep;

    /// <summary>A refund made in Stripe's dashboard, outside AidMarket: Stripe's two events of it, each delivered several times at once.</summary>
    public sealed record RefundInStripe(int Invoice, Refund Kind, int Copies) : WalkStep;

    /// <param name="Minimum">0: no minimum; otherwise the n-th smallest balance of the county is the minimum.</param>
    public sealed record CreateDisbursements(int County, int Minimum) : WalkStep;

    /// <param name="AtOnce">Two officers answer the line at the same moment, one paid and one failed.</param>
    /// <param name="OtherCounty">An officer of the other county tries to answer it.</param>
    public sealed record AnswerDisbursement(int Line, bool Paid, bool AtOnce, bool OtherCounty, bool Wild) : WalkStep;

    public sealed record CreatePayouts : WalkStep;

    public sealed record AnswerPayout(int Payout, bool Paid, bool AtOnce, bool Wild) : WalkStep;

    private static readonly Gen<int> Pick = Gen.Int[0, 99];
    private static readonly Gen<bool> Wildly = Gen.Int[0, 9].Select(i => i == 0);
    private static readonly Gen<bool> Sometimes = Gen.Int[0, 3].Select(i => i == 0);
    private static readonly Gen<bool> MostlyPaid = Gen.Int[0, 4].Select(i => i > 0);

    // Mostly a little of a product; now and then all that is left of it, one more than that, or under the minimum.
    private static readonly Gen<WalkStep> Placing =
        Gen.Select(Gen.Int[0, 5], Gen.Frequency((1, Gen.Int[0, 2]), (5, Gen.Int[3, 9]))).Array[1, 3].Select(lines => (WalkStep)new Place(lines));

    // Mostly whole shipments and acceptances, so orders get to be paid.
    private static readonly Gen<WalkStep> Advancing = Gen.Select(Pick, Gen.Int[0, 7].Select(i => i == 0), Gen.Bool,
        Gen.Frequency((4, Gen.Const(0)), (2, Gen.Const(1)), (1, Gen.Const(2))).Array[2], Gen.Int[0, 2].Array[2],
        Gen.Frequency((4, Gen.Const(0)), (2, Gen.Const(1)), (1, Gen.Const(2)), (1, Gen.Const(3))).Array[2],
        (o, d, s, p, l, r) => (WalkStep)new Advance(o, d, s, p, l, r));

    private static readonly Gen<WalkStep> Any = Gen.Frequency(
        (2, Placing),
        (10, Advancing),
        (1, Gen.Select(Pick, Sometimes, Wildly, (o, d, w) => (WalkStep)new Confirm(o, d, w))),
        (1, Gen.Select(Pick, Gen.Int[0, 4].Array[2], Gen.Int[0, 2].Array[2], Wildly, (o, p, l, w) => (WalkStep)new Ship(o, p, l, w))),
        (1, Gen.Select(Pick, Wildly, (o, w) => (WalkStep)new CloseRest(o, w))),
        (1, Gen.Select(Pick, Gen.Int[0, 4].Array[2], Wildly, (o, d, w) => (WalkStep)new Receive(o, d, w))),
        (4, Gen.Select(Pick, Gen.Frequency((3, Gen.Const(Transfer.Exact)), (2, Gen.Const(Transfer.Partial)), (1, Gen.Const(Transfer.Over)),
                (1, Gen.Const(Transfer.NoReference)), (1, Gen.Const(Transfer.SlipAgain))), Sometimes, Gen.Int[0, 2].Select(i => i == 0), Wildly,
            (i, k, t, r, w) => (WalkStep)new PayByBank(i, k, t, r, w))),
        (3, Gen.Select(Pick, Gen.Frequency((6, Gen.Const(Checkout.Paid)), (2, Gen.Const(Checkout.Declined)), (2, Gen.Const(Checkout.Later))),
            Gen.Enum<StripeEvents>(), Gen.Int[1, 5], Sometimes, (i, o, e, c, m) => (WalkStep)new PayOnline(i, o, e, c, m))),
        (2, Gen.Select(Pick, Wildly, (i, w) => (WalkStep)new StartCheckout(i, w))),
        (2, Gen.Select(Pick, MostlyPaid, Gen.Enum<StripeEvents>(), Gen.Int[1, 5], Sometimes, Wildly,
            (s, ok, e, c, m, w) => (WalkStep)new StripeDelivers(s, ok, e, c, m, w))),
        (1, Pick.Select(o => (WalkStep)new Settle(o))),
        (3, Gen.Select(Pick, Gen.Bool, Gen.Enum<Refund>(), Sometimes, Wildly, (i, s, k, a, w) => (WalkStep)new RefundInvoice(i, s, k, a, w))),
        (1, Gen.Select(Pick, Gen.Enum<Refund>(), Gen.Int[1, 4], (i, k, c) => (WalkStep)new RefundInStripe(i, k, c))),
        (2, Gen.Select(Gen.Int[0, 1], Gen.Int[0, 3], (c, m) => (WalkStep)new CreateDisbursements(c, m))),
        (2, Gen.Select(Pick, Gen.Bool, Sometimes, Wildly, Wildly, (l, p, a, o, w) => (WalkStep)new AnswerDisbursement(l, p, a, o, w))),
        (2, Gen.Const((WalkStep)new CreatePayouts())),
        (2, Gen.Select(Pick, Gen.Bool, Sometimes, Wildly, (p, ok, a, w) => (WalkStep)new AnswerPayout(p, ok, a, w))));

    /// <summary>Sequences that start by ordering (so there is something to pay and refund), then mix every kind of step.</summary>
    public static readonly Gen<WalkStep[]> Sequences =
        Gen.Select(Gen.Frequency((1, Placing), (3, Advancing)).Array[8, 12], Any.Array[22, 33], (start, rest) => (WalkStep[])[.. start, .. rest]);

    public static string Print(WalkStep[] steps) => string.Join("\n", steps.Select((s, i) => $"  {i,2}: {s}"));
}
