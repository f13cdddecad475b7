namespace Zwgk.Domain.Units;

/// <summary>An agency, department, subdistrict office, town government or public institution (单位).</summary>
public class Unit
{
    public int Id { get; set; }
    /// <summary>Short internal code, unique; used in URLs and as a fallback for index numbers.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? ShortName { get; set; }
    /// <summary>Other names documents use for the unit (区教体局, 区教育局 …), one per line; work-plan import resolves them.</summary>
    public string? Aliases { get; set; }
    public UnitKind Kind { get; set; }
    public int? ParentId { get; set; }
    public Unit? Parent { get; set; }
    /// <summary>统一社会信用代码 (18 characters) — the usual source for 索引号 prefixes.</summary>
    public string? CreditCode { get; set; }
    /// <summary>组织机构代码 (9 characters), used by sites that follow the gov.cn 索引号 shape.</summary>
    public string? OrganizationCode { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
}

public enum UnitKind
{
    DistrictGovernment = 1,
    GovernmentOffice = 2,
    Department = 3,
    Subdistrict = 4,
    Town = 5,
    PublicInstitution = 6,
    Other = 9,
}

public static class UnitKindNames
{
    public static string Label(this UnitKind kind) => kind switch
    {
        UnitKind.DistrictGovernment => "区政府",
        UnitKind.GovernmentOffice => "区政府办公室",
        UnitKind.Department => "政府部门",
        UnitKind.Subdistrict => "街道办事处",
        UnitKind.Town => "镇人民政府",
        UnitKind.PublicInstitution => "公共企事业单位",
        _ => "其他单位",
    };
}

/// <summary>A unit's other names (<see cref="Unit.Aliases"/>): one per line; commas and 、 also separate, as people paste lists.</summary>
public static class UnitAliases
{
    public static IReadOnlyList<string> Split(string? aliases) => string.IsNullOrWhiteSpace(aliases) ? []
        : aliases.Split(['\n', '\r', '、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
