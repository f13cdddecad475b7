namespace Zwgk.Domain.Documents;

public enum IndexUnitCodeSource { CreditCode = 1, OrganizationCode = 2, UnitCode = 3 }
public enum IndexYearSource { WrittenOn = 1, PublishedOn = 2 }

/// <summary>The 索引号 rule: {unit code}/{year}-{serial}, serial zero-padded; counters are per unit code and year.</summary>
public sealed record IndexNumberRule(IndexUnitCodeSource UnitCodeSource = IndexUnitCodeSource.CreditCode,
    IndexYearSource YearSource = IndexYearSource.WrittenOn, int SerialWidth = 7)
{
    public string? UnitCode(Units.Unit unit) => UnitCodeSource switch
    {
        IndexUnitCodeSource.CreditCode => unit.CreditCode ?? unit.OrganizationCode ?? unit.Code,
        IndexUnitCodeSource.OrganizationCode => unit.OrganizationCode ?? unit.CreditCode ?? unit.Code,
        _ => unit.Code,
    };

    public int Year(Document d, DateTimeOffset publishedAt) =>
        YearSource == IndexYearSource.WrittenOn && d.WrittenOn is { } w ? w.Year : publishedAt.Year;

    public string Format(string unitCode, int year, long serial) => $"{unitCode}/{year}-{serial.ToString().PadLeft(SerialWidth, '0')}";
}
