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

    /// <summary>
    /// A hand-entered 索引号 (a migrated document) must start with one of the owning unit's own codes, so nobody can take
    /// another unit's future numbers. Returns the Chinese message, or null when it is acceptable.
    /// </summary>
    public string? CheckManual(string indexNumber, Units.Unit owner, int year)
    {
        if (indexNumber.Any(char.IsWhiteSpace)) return "索引号不能包含空格";
        string?[] codes = [owner.CreditCode, owner.OrganizationCode, owner.Code];
        if (codes.Any(c => !string.IsNullOrEmpty(c) && indexNumber.Length > c.Length + 1 && indexNumber.StartsWith(c + "/", StringComparison.Ordinal)))
            return null;
        var code = UnitCode(owner) ?? owner.Code;
        return $"索引号须以本单位代码“{code}/”开头（如 {Format(code, year, 1)}）；索引号在发布时由系统自动生成，只有迁移的旧文件才需手工填写";
    }
}
