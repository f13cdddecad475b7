using System.ComponentModel.DataAnnotations;
using Zwgk.Domain.Interaction.Messages;

namespace Zwgk.Web.Features.Interaction.Messages;

/// <summary>Zwgk:Interaction:Messages:TimeLimits:* — working days to acknowledge and to reply, per message type.</summary>
public sealed class MessageTimeLimitOptions
{
    public const string Section = "Zwgk:Interaction:Messages:TimeLimits";
    [Range(1, 30)] public int Acknowledge { get; set; } = 1;
    /// <summary>咨询: 5 working days (the default).</summary>
    [Range(1, 60)] public int Inquiry { get; set; } = 5;
    [Range(1, 60)] public int Suggestion { get; set; } = 10;
    [Range(1, 60)] public int Complaint { get; set; } = 10;
    [Range(1, 60)] public int HelpRequest { get; set; } = 5;
    /// <summary>我为政府网站找错: the 3-working-day target.</summary>
    [Range(1, 60)] public int SiteError { get; set; } = 3;
    [Range(1, 60)] public int Other { get; set; } = 10;
    /// <summary>政策咨询 from the policy Q&amp;A page: 5 working days (seed 004).</summary>
    [Range(1, 60)] public int PolicyQuestion { get; set; } = 5;

    public MessageTimeLimits ToLimits() => new(Acknowledge, Inquiry, Suggestion, Complaint, HelpRequest, SiteError, Other, PolicyQuestion);
}

/// <summary>Zwgk:Interaction:Messages:* — duplicate window and the "due soon" horizon of reminders.</summary>
public sealed class MessageOptions
{
    public const string Section = "Zwgk:Interaction:Messages";
    /// <summary>The same contact with near-identical text within this many days is marked 重复留言.</summary>
    [Range(1, 365)] public int DuplicateWindowDays { get; set; } = 30;
    [Range(0, 10)] public int DueSoonWorkingDays { get; set; } = 1;
}
