using System.ComponentModel.DataAnnotations;
using Zwgk.Domain.Interaction.Consultations;

namespace Zwgk.Web.Features.Interaction.Consultations;

/// <summary>
/// Zwgk:Interaction:Consultations:* — minimum periods and the feedback deadline.
/// MinDaysMajor: calendar days for a 重大行政决策 draft (《重大行政决策程序暂行条例》第十五条: 一般不少于30日).
/// MinWorkingDaysOther: working days for other drafts (国办发〔2018〕37号 on 行政规范性文件: 一般不少于7个工作日).
/// FeedbackWorkingDays: after the close, the 采纳情况反馈 is expected within this many working days; later, the consultation is
/// flagged overdue for the 公开办. No statute fixes it; 15 working days (about three weeks) is the default many local rules use.
/// </summary>
public sealed class ConsultationOptions
{
    public const string Section = "Zwgk:Interaction:Consultations";
    [Range(1, 365)] public int MinDaysMajor { get; set; } = 30;
    [Range(1, 250)] public int MinWorkingDaysOther { get; set; } = 7;
    [Range(1, 250)] public int FeedbackWorkingDays { get; set; } = 15;

    public PeriodPolicy Policy => new(MinDaysMajor, MinWorkingDaysOther);
}
