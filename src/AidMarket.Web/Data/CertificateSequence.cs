namespace AidMarket.Web.Data;

/// <summary>Per county and year, the last certificate sequence handed out. Row-locked by the upsert until the transaction ends.</summary>
public class CertificateSequence
{
    public string CountyCode { get; set; } = "";
    public int Year { get; set; }
    public int LastValue { get; set; }
}
