namespace AidMarket.Domain.Regions;

/// <summary>An aided county (帮扶县), keyed by its administrative division code.</summary>
public class County
{
    private County() { Code = Name = Province = City = ""; }

    public County(string code, string name, string province, string city, IEnumerable<string> industries)
    {
        Code = code;
        Name = name;
        Province = province;
        City = city;
        Industries = industries.ToList();
    }

    public string Code { get; private set; }
    public string Name { get; private set; }
    public string Province { get; private set; }
    public string City { get; private set; }
    public List<string> Industries { get; private set; } = [];
}

/// <summary>东西部协作: an eastern district paired with an aided county.</summary>
public class PartnerPairing
{
    private PartnerPairing() { DistrictName = DistrictCity = DistrictProvince = CountyCode = ""; }

    public PartnerPairing(string districtName, string districtCity, string districtProvince, string countyCode)
    {
        Id = Guid.CreateVersion7();
        DistrictName = districtName;
        DistrictCity = districtCity;
        DistrictProvince = districtProvince;
        CountyCode = countyCode;
    }

    public Guid Id { get; private set; }
    public string DistrictName { get; private set; }
    public string DistrictCity { get; private set; }
    public string DistrictProvince { get; private set; }
    public string CountyCode { get; private set; }
}
