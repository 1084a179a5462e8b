namespace AidMarket.Web.Tests.Infrastructure;

/// <summary>
/// The payout forms: a county officer's household disbursement batches and platform finance's supplier payout batches, and
/// the bank's answer per line (Paid with field "reference", Failed with field "reason").
/// </summary>
public static class PayoutForms
{
    public static Task<HttpResponseMessage> CreateDisbursementBatchAsync(Browser officer, string minimumYuan = "") =>
        officer.SubmitAsync("/County/Disbursements", new Dictionary<string, string> { ["MinimumYuan"] = minimumYuan }, "/County/Disbursements?handler=Create");

    public static Task<HttpResponseMessage> MarkDisbursementAsync(Browser officer, Guid batchId, Guid lineId, string handler, string field, string value) =>
        officer.SubmitAsync($"/County/Disbursements/Details/{batchId}", new Dictionary<string, string> { [field] = value },
            $"/County/Disbursements/Details/{batchId}?handler={handler}&lineId={lineId}");

    public static Task<HttpResponseMessage> CreatePayoutBatchAsync(Browser admin) =>
        admin.SubmitAsync("/Admin/Payouts", new Dictionary<string, string>(), "/Admin/Payouts?handler=Create");

    public static Task<HttpResponseMessage> MarkPayoutAsync(Browser admin, Guid batchId, Guid payoutId, string handler, string field, string value) =>
        admin.SubmitAsync($"/Admin/Payouts/Details/{batchId}", new Dictionary<string, string> { [field] = value },
            $"/Admin/Payouts/Details/{batchId}?handler={handler}&payoutId={payoutId}");
}
