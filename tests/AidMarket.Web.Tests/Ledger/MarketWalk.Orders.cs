using AidMarket.Domain.Procurement;
using static AidMarket.Domain.Procurement.SupplierOrderStatus;

namespace AidMarket.Web.Tests.Ledger;

/// <summary>Ordering steps: the purchaser's cart and the approver, the supplier's confirmation, shipments and closing, the receiver.</summary>
public sealed partial class MarketWalk
{
    private static int QuantityFor(WalkProduct product, int amount) => amount switch
    {
        0 => product.Stock,
        1 => product.Stock + 1,
        2 => product.MinOrder - 1,
        _ => product.MinOrder + (amount - 3) * Math.Max(1, product.MinOrder / 2),
    };

    private async Task<string> PlaceAsync(WalkStep.Place step)
    {
        var adds = step.Lines.Select(l => _model.Products[l.Product % _model.Products.Count])
            .Zip(step.Lines, (product, line) => (Product: product, Quantity: Math.Max(1, QuantityFor(product, line.Amount)))).ToList();
        foreach (var (product, quantity) in adds)
            await DoneAsync($"adding {product.Name} to the cart", OrderForms.AddToCartAsync(_people.Purchaser, product.Id, quantity));
        var wanted = adds.GroupBy(a => a.Product).Select(g => (Product: g.Key, Quantity: g.Sum(a => a.Quantity))).ToList();
        var what = string.Join(", ", wanted.Select(w => $"{w.Quantity} of {w.Product.Name} (stock {w.Product.Stock}, minimum {w.Product.MinOrder})"));
        if (wanted.Any(w => w.Quantity < w.Product.MinOrder || w.Quantity > w.Product.Stock))
        {
            var refused = await RefusedAsync($"ordering {what}", () => OrderForms.SubmitCartAsync(_people.Purchaser));
            await EmptyCartAsync();
            return refused;
        }
        var orderId = Browser.RedirectId(await DoneAsync($"ordering {what}", OrderForms.SubmitCartAsync(_people.Purchaser)));
        var approval = await _app.QueryAsync(db => db.PurchaseOrders.Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync()) == OrderStatus.AwaitingApproval;
        if (approval) await DoneAsync("approving the order", OrderForms.ApproveAsync(_people.Approver, orderId));
        foreach (var (product, quantity) in wanted) product.Stock -= quantity;
        var placed = await _app.QueryAsync(db => db.SupplierOrders.AsNoTracking().Where(o => o.OrderId == orderId).ToListAsync());
        placed.Select(o => o.SupplierId).ShouldBe(wanted.Select(w => w.Product.SupplierId).Distinct(), ignoreOrder: true, "one supplier order per supplier");
        foreach (var order in placed)
        {
            var supplier = _model.Suppliers.Single(s => s.Id == order.SupplierId);
            order.HouseholdSharePercent.ShouldBe(supplier.SharePercent, "the supplier's plan is frozen on its order");
            order.Lines.Select(l => (l.ProductId, l.Quantity)).ShouldBe(
                wanted.Where(w => w.Product.SupplierId == supplier.Id).Select(w => (w.Product.Id, w.Quantity)), ignoreOrder: true, "the lines ordered");
            _model.Orders.Add(new WalkOrder(order.Id, order.OrderNumber, supplier, order.Lines.Select(l => new WalkLine(l.ProductId, l.Quantity, l.UnitPrice.Fen)).ToList()));
        }
        return $"placed {placed[0].OrderNumber}{(approval ? " once approved" : "")}: {what}";
    }

    private async Task EmptyCartAsync()
    {
        var lines = await _app.QueryAsync(db => db.CartLines.Select(c => c.Id).ToListAsync());
        await DoneAsync("emptying the cart", _people.Purchaser.SubmitAsync("/Buyer/Cart", lines.ToDictionary(id => $"Quantities[{id}]", _ => "0"), "/Buyer/Cart?handler=Update"));
    }

    /// <summary>
    /// Picks one of the two orders furthest along that wait for their supplier or receiver, and does what it waits for; with none
    /// waiting, the purchaser orders a little of two products. The walk finishes orders (so they get paid, settled and refunded)
    /// rather than starting many.
    /// </summary>
    private Task<string> AdvanceAsync(WalkStep.Advance step)
    {
        var waiting = _model.Orders.Where(o => o.Status is Placed or Confirmed or PartiallyShipped || o is { Status: Shipped } && o.Lines.Any(l => l.Awaiting > 0))
            .OrderByDescending(o => o.Status switch { Shipped => 3, PartiallyShipped => 2, Confirmed => 1, _ => 0 }).ToList();
        if (waiting.Count == 0) return PlaceAsync(new WalkStep.Place([(step.Order, 3 + step.Order % 4), (step.Order / 6, 3 + step.Order / 4 % 4)]));
        var order = waiting[step.Order % Math.Min(2, waiting.Count)];
        var ship = order.Lines.Any(l => l.LeftToShip > 0) && (step.ShipFirst || order.Lines.All(l => l.Awaiting == 0));
        return order.Status == Placed ? ConfirmAsync(order, step.DeclineFirstLine)
            : ship ? ShipAsync(order, step.Portions, step.Lots)
            : ReceiveAsync(order, step.Decisions);
    }

    private Task<string> ConfirmAsync(WalkStep.Confirm step) =>
        WalkModel.Pick(_model.Orders, step.Order, step.Wild, o => o.Status == Placed) is { } order ? ConfirmAsync(order, step.DeclineFirstLine) : Task.FromResult("no order to confirm");

    private async Task<string> ConfirmAsync(WalkOrder order, bool declineFirstLine)
    {
        var declined = declineFirstLine ? order.Lines[0] : null;
        var fields = declined is null ? [] : new Dictionary<string, string> { ["Declined"] = declined.ProductId.ToString(), [$"Reasons[{declined.ProductId}]"] = "本批缺货" };
        var confirm = () => OrderForms.FulfilAsync(_people.Suppliers[order.Supplier.Id], order.Id, "Confirm", fields);
        if (order.Status != Placed) return await RefusedAsync($"confirming {order} when it is {order.Status}", confirm);
        await DoneAsync($"confirming {order}", confirm());
        if (declined is not null)
        {
            declined.Declined = true;
            _model.Product(declined.ProductId).Stock += declined.Quantity;
        }
        order.Status = order.Lines.All(l => l.Declined) ? Declined : Confirmed;
        return $"{order} {order.Status}" + (declined is null ? "" : ", one line declined");
    }

    private Task<string> ShipAsync(WalkStep.Ship step) =>
        WalkModel.Pick(_model.Orders, step.Order, step.Wild, o => o.Status is Confirmed or PartiallyShipped) is { } order
            ? ShipAsync(order, step.Portions, step.Lots) : Task.FromResult("no order to ship");

    private async Task<string> ShipAsync(WalkOrder order, int[] portions, int[] lots)
    {
        var plan = order.Lines.Select((line, i) => (Line: line, Lot: LotFor(line, lots[i % lots.Length]), Quantity: portions[i % portions.Length] switch
        {
            0 => line.LeftToShip, 1 => (line.LeftToShip + 1) / 2, 2 => Math.Min(1, line.LeftToShip), 3 => 0, _ => line.LeftToShip + 1,
        })).Where(p => p.Quantity > 0).ToList();
        var fields = new Dictionary<string, string> { ["Carrier"] = "顺丰速运" };
        foreach (var (line, lot, quantity) in plan)
        {
            fields[$"Ship[{line.ProductId}]"] = quantity.ToString();
            if (lot is { } lotId) fields[$"Lot[{line.ProductId}]"] = lotId.ToString();
        }
        var what = $"{string.Join(" and ", plan.Select(p => $"{p.Quantity} of {p.Line.LeftToShip} left{(p.Lot is null ? " without a lot" : "")}"))} of {order} ({order.Status})";
        var ship = () => OrderForms.FulfilAsync(_people.Suppliers[order.Supplier.Id], order.Id, "Ship", fields);
        if (order.Status is not (Confirmed or PartiallyShipped) || plan.Count == 0 || plan.Any(p => p.Quantity > p.Line.LeftToShip))
            return await RefusedAsync($"shipping {what}", ship);
        await DoneAsync($"shipping {what}", ship());
        foreach (var (line, lot, quantity) in plan)
        {
            line.Shipped += quantity;
            if (lot is { } lotId) line.FromLots[lotId] = line.FromLots.GetValueOrDefault(lotId) + quantity;
            else line.WithoutLot += quantity;
        }
        order.Status = order.Lines.All(l => l.LeftToShip == 0) ? Shipped : PartiallyShipped;
        return $"shipped {what}";
    }

    private Guid? LotFor(WalkLine line, int choice)
    {
        var lots = _model.Product(line.ProductId).Lots;
        return choice >= 2 ? null : lots[Math.Min(choice, lots.Count - 1)];
    }

    private async Task<string> CloseRestAsync(WalkStep.CloseRest step)
    {
        if (WalkModel.Pick(_model.Orders, step.Order, step.Wild, o => o.Status == PartiallyShipped) is not { } order) return "no order to close";
        var close = () => OrderForms.FulfilAsync(_people.Suppliers[order.Supplier.Id], order.Id, "CloseRest", new Dictionary<string, string> { ["CloseReason"] = "产季结束" });
        if (order.Status != PartiallyShipped) return await RefusedAsync($"closing the rest of {order} when it is {order.Status}", close);
        await DoneAsync($"closing the rest of {order}", close());
        foreach (var line in order.Lines)
        {
            _model.Product(line.ProductId).Stock += line.LeftToShip;
            line.Closed += line.LeftToShip;
        }
        order.Status = Shipped;
        if (order.Lines.All(l => l.Awaiting == 0)) await AcceptedAsync(order);
        return $"closed the rest of {order}: {order.Status}";
    }

    private Task<string> ReceiveAsync(WalkStep.Receive step) =>
        WalkModel.Pick(_model.Orders, step.Order, step.Wild, o => o.Status is PartiallyShipped or Shipped && o.Lines.Any(l => l.Awaiting > 0)) is { } order
            ? ReceiveAsync(order, step.Decisions) : Task.FromResult("no order to receive");

    private async Task<string> ReceiveAsync(WalkOrder order, int[] decisions)
    {
        var plan = order.Lines.Where(l => l.Awaiting > 0).Select((line, i) => (Line: line, Answer: Answer.For(line.Awaiting, decisions[i % decisions.Length]))).ToList();
        var fields = new Dictionary<string, string>();
        foreach (var (line, answer) in plan)
        {
            fields[$"Accepted[{line.ProductId}]"] = answer.Accepted.ToString();
            fields[$"Rejected[{line.ProductId}]"] = answer.Rejected.ToString();
            fields[$"Reasons[{line.ProductId}]"] = answer.Reason ?? "";
        }
        var what = $"{string.Join(" and ", plan.Select(p => $"{p.Answer} of {p.Line.Awaiting}"))} of {order} ({order.Status})";
        var receive = () => OrderForms.ReceiveAsync(_people.Receiver, order.Id, fields);
        if (order.Status is not (PartiallyShipped or Shipped) || plan.All(p => p.Answer.Accepted + p.Answer.Rejected == 0)
            || plan.Any(p => p.Answer is { Rejected: > 0, Reason: null }))
            return await RefusedAsync($"receiving {what}", receive);
        await DoneAsync($"receiving {what}", receive());
        foreach (var (line, answer) in plan) (line.Accepted, line.Rejected) = (line.Accepted + answer.Accepted, line.Rejected + answer.Rejected);
        if (order.Status == Shipped && order.Lines.All(l => l.Awaiting == 0)) await AcceptedAsync(order);
        return $"received {what}: {order.Status}";
    }

    /// <summary>The receiver's answer for one line: how much is accepted and rejected, and why.</summary>
    private sealed record Answer(int Accepted, int Rejected, string? Reason)
    {
        /// <param name="decision">0 accept all, 1 accept half and reject the rest, 2 reject all, 3 accept half and leave the rest for
        /// later, 4 reject all without a reason.</param>
        public static Answer For(int awaiting, int decision) => decision switch
        {
            0 => new(awaiting, 0, null),
            1 => new(awaiting / 2, awaiting - awaiting / 2, "部分破损"),
            2 => new(0, awaiting, "质量不符"),
            3 => new(awaiting / 2, 0, null),
            _ => new(0, awaiting, null),
        };

        public override string ToString() => $"{Accepted} accepted and {Rejected} rejected{(Rejected > 0 && Reason is null ? " without a reason" : "")}";
    }

    /// <summary>The order is accepted: invoiced in the same transaction for what was accepted, unless nothing was.</summary>
    private async Task AcceptedAsync(WalkOrder order)
    {
        order.Status = Accepted;
        var invoice = await _app.QueryAsync(db => db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.SupplierOrderId == order.Id));
        if (order.PayableFen == 0)
        {
            invoice.ShouldBeNull($"{order}: nothing was accepted, so nothing is invoiced");
            return;
        }
        invoice.ShouldNotBeNull($"{order} was accepted without an invoice").Amount.Fen.ShouldBe(order.PayableFen, $"the invoice of {order} asks for what was accepted");
        order.Bill = new WalkBill(invoice.Id, invoice.Reference, invoice.Amount.Fen, order);
    }
}
