using System.ComponentModel.DataAnnotations;
using Zwgk.Domain.Documents;
using Zwgk.Infrastructure.Data;

namespace Zwgk.Infrastructure;

/// <summary>Typed settings under the "Zwgk" section; validated at start.</summary>
public sealed class ZwgkOptions
{
    public const string Section = "Zwgk";

    [Required] public string DataDirectory { get; set; } = "./data";
    public DatabaseProvider Database { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>Number of review levels before publication (三审 = 3).</summary>
    [Range(1, 3)] public int ReviewLevels { get; set; } = 3;
    /// <summary>Separation of duties in 三审: Never (default) or WhenShortStaffed (audited single-person approvals).</summary>
    [EnumDataType(typeof(SinglePersonReview))] public SinglePersonReview SinglePersonReview { get; set; } = SinglePersonReview.Never;
    [Range(1, 1024)] public int MaxAttachmentMegabytes { get; set; } = 50;
    [Range(5, 720)] public int IdleTimeoutMinutes { get; set; } = 30;
    public bool LoadDemoContent { get; set; } = true;
    public IndexNumberOptions IndexNumber { get; set; } = new();

    public string ResolvedDataDirectory => Path.GetFullPath(DataDirectory);
}

public sealed class IndexNumberOptions
{
    public IndexUnitCodeSource UnitCodeSource { get; set; } = IndexUnitCodeSource.CreditCode;
    public IndexYearSource YearSource { get; set; } = IndexYearSource.WrittenOn;
    [AllowedValues(5, 7)] public int SerialWidth { get; set; } = 7;

    public IndexNumberRule ToRule() => new(UnitCodeSource, YearSource, SerialWidth);
}
