namespace AidMarket.Web.Payments;

/// <summary>The platform's collection account printed on invoices (对公账户).</summary>
public class BankAccountOptions
{
    public string AccountName { get; set; } = "AidMarket 消费帮扶平台";
    public string BankName { get; set; } = "中国农业银行 (demo)";
    public string AccountNumber { get; set; } = "6228 0000 0000 0000 000";
}
