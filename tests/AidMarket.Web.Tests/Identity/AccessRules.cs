using AidMarket.Domain.Organizations;
using static AidMarket.Domain.Organizations.OrganizationKind;
using static AidMarket.Domain.Organizations.OrganizationRole;
using static AidMarket.Web.Tests.Identity.AccessRule;

namespace AidMarket.Web.Tests.Identity;

/// <summary>
/// Who may call each route of the app, keyed as <see cref="AppRoute.Key"/>. Folder policies come from Program.cs
/// (AuthorizeFolder); roles within a kind are checked by the page itself. A new page, handler or endpoint needs a line here.
/// </summary>
public static class AccessRules
{
    private static readonly AccessRule Inviters = Kinds(Platform) | Roles(County, Officer) | Roles(PartnerDistrict, Officer)
        | Roles(Supplier, Manager) | Roles(Buyer, Admin);
    private static readonly AccessRule Purchaser = Roles(Buyer, OrganizationRole.Purchaser);
    private static readonly AccessRule AgreementDeciders = Roles(Buyer, OrganizationRole.Purchaser, Admin);
    private static readonly AccessRule InvoiceReaders = Roles(Buyer, Finance, Admin);

    public static readonly Dictionary<string, AccessRule> Table = new()
    {
        // The storefront, the statement and the plumbing: anyone.
        ["GET /"] = Anyone, ["GET /Counties/{code}"] = Anyone.AnyIds, ["GET /Products/{id:guid}"] = Anyone.AnyIds,
        ["GET /Suppliers/{id:guid}"] = Anyone.AnyIds, ["GET /products/{productId:guid}/images/{fileName}"] = Anyone.AnyIds,
        ["GET /Statement"] = Anyone, ["POST /Statement"] = Anyone, ["GET /Status/{code:int}"] = Anyone.AnyIds, ["GET /Error"] = Anyone,
        ["GET /culture"] = Anyone, ["GET /health/live"] = Anyone, ["GET /health/ready"] = Anyone,
        ["GET /api/{documentName}/openapi.json"] = Anyone.AnyIds, ["POST /stripe/webhook"] = Anyone,

        // Accounts.
        ["GET /Identity/Account/Login"] = Anyone, ["POST /Identity/Account/Login"] = Anyone,
        ["GET /Identity/Account/LoginWith2fa"] = Anyone, ["POST /Identity/Account/LoginWith2fa"] = Anyone,
        ["POST /Identity/Account/LoginWith2fa?handler=Recovery"] = Anyone,
        ["GET /Identity/Account/AcceptInvitation"] = Anyone, ["POST /Identity/Account/AcceptInvitation"] = Anyone,
        ["GET /Identity/Account/Register"] = Anyone, ["POST /Identity/Account/Register"] = Anyone,
        ["GET /Identity/Account/AccessDenied"] = Anyone with { Answers = 403 },
        ["GET /Identity/Account/Logout"] = Anyone, ["POST /Identity/Account/Logout"] = Anyone,
        ["GET /Identity/Account/Manage"] = SignedIn, ["GET /Identity/Account/Manage/ChangePassword"] = SignedIn,
        ["POST /Identity/Account/Manage/ChangePassword"] = SignedIn, ["GET /Identity/Account/Manage/TwoFactor"] = SignedIn,
        ["POST /Identity/Account/Manage/TwoFactor?handler=Enable"] = SignedIn, ["POST /Identity/Account/Manage/TwoFactor?handler=Disable"] = SignedIn,
        ["GET /Notifications"] = SignedIn, ["POST /Notifications?handler=ReadAll"] = SignedIn,
        ["GET /Suppliers/Register"] = SignedIn, ["POST /Suppliers/Register"] = SignedIn,
        // ImportTests: another organization's job is 404.
        ["GET /imports/{id:guid}"] = SignedIn.IdsTestedElsewhere,

        // An organization's own members: its admin or manager, a county's or district's officer, the platform.
        ["GET /Organization/Members"] = Inviters, ["POST /Organization/Members?handler=Invite"] = Inviters,
        ["POST /Organization/Members?handler=Revoke"] = Inviters,

        // The platform.
        ["GET /Admin/Ledger"] = Kinds(Platform), ["POST /Admin/Ledger?handler=Verify"] = Kinds(Platform),
        ["GET /Admin/Organizations"] = Kinds(Platform), ["GET /Admin/Organizations/Create"] = Kinds(Platform),
        ["POST /Admin/Organizations/Create"] = Kinds(Platform), ["GET /Admin/Organizations/Details/{id:guid}"] = Kinds(Platform).AnyIds,
        ["POST /Admin/Organizations/Details/{id:guid}?handler=Invite"] = Kinds(Platform).AnyIds,
        ["POST /Admin/Organizations/Details/{id:guid}?handler=Revoke"] = Kinds(Platform).AnyIds,
        ["GET /Admin/Payments"] = Kinds(Platform), ["POST /Admin/Payments?handler=Record"] = Kinds(Platform),
        ["POST /Admin/Payments?handler=Import"] = Kinds(Platform), ["POST /Admin/Payments?handler=Resolve"] = Kinds(Platform),
        ["GET /Admin/Payments/Invoice/{id:guid}"] = Kinds(Platform).AnyIds, ["POST /Admin/Payments/Invoice/{id:guid}?handler=Bank"] = Kinds(Platform).AnyIds,
        ["POST /Admin/Payments/Invoice/{id:guid}?handler=Stripe"] = Kinds(Platform).AnyIds,
        ["GET /Admin/Payouts"] = Kinds(Platform), ["POST /Admin/Payouts?handler=Create"] = Kinds(Platform),
        ["POST /Admin/Payouts?handler=Connect"] = Kinds(Platform), ["GET /Admin/Payouts/Details/{id:guid}"] = Kinds(Platform).AnyIds,
        ["POST /Admin/Payouts/Details/{id:guid}?handler=Export"] = Kinds(Platform).AnyIds,
        ["POST /Admin/Payouts/Details/{id:guid}?handler=Paid"] = Kinds(Platform).AnyIds,
        ["POST /Admin/Payouts/Details/{id:guid}?handler=Failed"] = Kinds(Platform).AnyIds,

        // A county office: its own county's suppliers, households, links, certifications, payouts.
        ["GET /County/Audit"] = Kinds(County), ["GET /County/Lookups"] = Kinds(County), ["GET /County/Links"] = Kinds(County),
        ["POST /County/Links?handler=Confirm"] = Kinds(County), ["POST /County/Links?handler=Reject"] = Kinds(County),
        ["GET /County/Certifications"] = Kinds(County), ["GET /County/Certifications/Details/{id:guid}"] = Kinds(County).OwnIds,
        ["POST /County/Certifications/Details/{id:guid}?handler=Certify"] = Kinds(County).OwnIds,
        ["POST /County/Certifications/Details/{id:guid}?handler=Reject"] = Kinds(County).OwnIds,
        ["POST /County/Certifications/Details/{id:guid}?handler=Revoke"] = Kinds(County).OwnIds,
        ["GET /County/Disbursements"] = Kinds(County), ["POST /County/Disbursements?handler=Create"] = Kinds(County),
        ["GET /County/Disbursements/Details/{id:guid}"] = Kinds(County).OwnIds,
        ["POST /County/Disbursements/Details/{id:guid}?handler=Export"] = Kinds(County).OwnIds,
        ["POST /County/Disbursements/Details/{id:guid}?handler=Paid"] = Kinds(County).OwnIds,
        ["POST /County/Disbursements/Details/{id:guid}?handler=Failed"] = Kinds(County).OwnIds,
        ["GET /County/Households"] = Kinds(County), ["POST /County/Households"] = Kinds(County),
        ["GET /County/Households/Cards"] = Kinds(County).OwnIds with { QueryId = "Id" },
        ["GET /County/Households/Details/{id:guid}"] = Kinds(County).OwnIds,
        ["POST /County/Households/Details/{id:guid}?handler=Reveal"] = Kinds(County).OwnIds,
        ["GET /County/Households/Edit/{id:guid?}"] = Kinds(County).OwnIds, ["POST /County/Households/Edit/{id:guid?}"] = Kinds(County).OwnIds,
        ["GET /County/Households/Import"] = Kinds(County), ["GET /County/Households/Import?handler=Template"] = Kinds(County),
        ["POST /County/Households/Import"] = Kinds(County),
        ["GET /County/Suppliers"] = Kinds(County), ["GET /County/Suppliers/Details/{id:guid}"] = Kinds(County).OwnIds,
        ["POST /County/Suppliers/Details/{id:guid}?handler=Approve"] = Kinds(County).OwnIds,
        ["POST /County/Suppliers/Details/{id:guid}?handler=Reject"] = Kinds(County).OwnIds,
        ["POST /County/Suppliers/Details/{id:guid}?handler=Suspend"] = Kinds(County).OwnIds,
        ["POST /County/Suppliers/Details/{id:guid}?handler=Reinstate"] = Kinds(County).OwnIds,
        ["POST /County/Suppliers/Details/{id:guid}?handler=ApprovePlan"] = Kinds(County).OwnIds,
        ["POST /County/Suppliers/Details/{id:guid}?handler=RejectPlan"] = Kinds(County).OwnIds,

        // A supplier: its own profile, products, lots, orders and agreements.
        ["GET /Supplier"] = Kinds(Supplier), ["POST /Supplier?handler=StripeAccount"] = Kinds(Supplier),
        ["POST /Supplier?handler=ProposePlan"] = Kinds(Supplier), ["POST /Supplier?handler=Resubmit"] = Kinds(Supplier),
        ["GET /Supplier/Links"] = Kinds(Supplier), ["POST /Supplier/Links"] = Kinds(Supplier),
        ["GET /Supplier/Agreements"] = Kinds(Supplier), ["POST /Supplier/Agreements?handler=Accept"] = Kinds(Supplier),
        ["POST /Supplier/Agreements?handler=Pause"] = Kinds(Supplier), ["POST /Supplier/Agreements?handler=End"] = Kinds(Supplier),
        ["POST /Supplier/Agreements?handler=Resume"] = Nobody, // the buyer resumes a paused agreement
        ["GET /Supplier/Orders"] = Kinds(Supplier), ["GET /Supplier/Orders/Details/{id:guid}"] = Kinds(Supplier).OwnIds,
        ["POST /Supplier/Orders/Details/{id:guid}?handler=Confirm"] = Kinds(Supplier).OwnIds,
        ["POST /Supplier/Orders/Details/{id:guid}?handler=Ship"] = Kinds(Supplier).OwnIds,
        ["POST /Supplier/Orders/Details/{id:guid}?handler=CloseRest"] = Kinds(Supplier).OwnIds,
        ["GET /Supplier/Orders/DeliveryNote/{id:guid}"] = Kinds(Supplier).OwnIds,
        ["GET /Supplier/Products"] = Kinds(Supplier), ["GET /Supplier/Products/Details/{id:guid}"] = Kinds(Supplier).OwnIds,
        ["POST /Supplier/Products/Details/{id:guid}?handler=Apply"] = Kinds(Supplier).OwnIds,
        ["POST /Supplier/Products/Details/{id:guid}?handler=Upload"] = Kinds(Supplier).OwnIds,
        ["POST /Supplier/Products/Details/{id:guid}?handler=RemoveImage"] = Kinds(Supplier).OwnIds,
        ["GET /Supplier/Products/Edit/{id:guid?}"] = Kinds(Supplier).OwnIds, ["POST /Supplier/Products/Edit/{id:guid?}"] = Kinds(Supplier).OwnIds,
        ["GET /Supplier/Products/Lot/{id:guid}"] = Kinds(Supplier).OwnIds, ["POST /Supplier/Products/Lot/{id:guid}"] = Kinds(Supplier).OwnIds,
        ["GET /Supplier/Products/Import"] = Kinds(Supplier), ["GET /Supplier/Products/Import?handler=Template"] = Kinds(Supplier),
        ["POST /Supplier/Products/Import"] = Kinds(Supplier),

        // A buyer: every member reads orders; each step belongs to one role.
        ["GET /Buyer/Cart"] = Purchaser, ["GET /Buyer/Cart?handler=SheetTemplate"] = Purchaser, ["POST /Buyer/Cart?handler=Add"] = Purchaser,
        ["POST /Buyer/Cart?handler=Sheet"] = Purchaser, ["POST /Buyer/Cart?handler=Update"] = Purchaser, ["POST /Buyer/Cart?handler=Remove"] = Purchaser,
        ["POST /Buyer/Cart?handler=Agreement"] = Purchaser, ["POST /Buyer/Cart?handler=Submit"] = Purchaser,
        ["GET /Buyer/Orders"] = Kinds(Buyer), ["GET /Buyer/Orders/Details/{id:guid}"] = Kinds(Buyer).OwnIds,
        ["POST /Buyer/Orders/Details/{id:guid}?handler=Approve"] = Roles(Buyer, Approver).OwnIds,
        ["POST /Buyer/Orders/Details/{id:guid}?handler=Reject"] = Roles(Buyer, Approver).OwnIds,
        ["POST /Buyer/Orders/Details/{id:guid}?handler=Cancel"] = AgreementDeciders.OwnIds,
        ["GET /Buyer/Orders/DeliveryNote/{id:guid}"] = Kinds(Buyer).OwnIds, ["GET /Buyer/Orders/AcceptanceForm/{id:guid}"] = Kinds(Buyer).OwnIds,
        ["GET /Buyer/Orders/Receive/{id:guid}"] = Roles(Buyer, Receiver).OwnIds, ["POST /Buyer/Orders/Receive/{id:guid}"] = Roles(Buyer, Receiver).OwnIds,
        ["GET /Buyer/Invoices"] = InvoiceReaders, ["GET /Buyer/Invoices/Details/{id:guid}"] = InvoiceReaders.OwnIds,
        ["POST /Buyer/Invoices/Details/{id:guid}?handler=PayOnline"] = InvoiceReaders.OwnIds,
        ["GET /Buyer/Agreements"] = Kinds(Buyer), ["POST /Buyer/Agreements?handler=Accept"] = Nobody, // the supplier accepts
        ["POST /Buyer/Agreements?handler=Pause"] = AgreementDeciders, ["POST /Buyer/Agreements?handler=Resume"] = AgreementDeciders,
        ["POST /Buyer/Agreements?handler=End"] = AgreementDeciders,
        ["GET /Buyer/ApiKeys"] = Roles(Buyer, Admin), ["POST /Buyer/ApiKeys?handler=Create"] = Roles(Buyer, Admin),
        ["POST /Buyer/ApiKeys?handler=Revoke"] = Roles(Buyer, Admin),

        // The buyer ERP API: a buyer organization's key, never a login cookie.
        ["GET /api/v1/products"] = BuyerApiKey, ["GET /api/v1/products/{id:guid}"] = BuyerApiKey.AnyIds,
        ["GET /api/v1/orders/{id:guid}"] = BuyerApiKey.OwnIds, ["POST /api/v1/orders"] = BuyerApiKey,
        // Any other path or method under /api/v1: 401 without a key, then 404 (note 024).
        ["GET /api/v1/{**rest}"] = BuyerApiKey.AnyIds, // no record behind it: every path is answered alike
    };
}
