namespace Zwgk.Domain.Documents;

public enum DisclosureAttribute { Proactive = 1, OnRequest = 2, Withheld = 3 }

public enum Validity { InForce = 1, Amended = 2, Expired = 3, Abolished = 4 }

public enum DocumentStatus { Draft = 0, InReview = 1, Rejected = 2, Scheduled = 3, Published = 4, Withdrawn = 5 }

public enum RelationType { Amends = 1, Abolishes = 2, Replaces = 3, Interprets = 4 }

public enum RelationConfirmation { NotRequired = 0, Pending = 1, Confirmed = 2, Refused = 3 }

/// <summary>Rules for 立改废 relations between documents (pure).</summary>
public static class RelationRules
{
    /// <summary>废止, 修改 and 替代 change the target's validity; 解读 only links to it.</summary>
    public static bool ChangesTarget(RelationType type) => type != RelationType.Interprets;

    /// <summary>A relation that changes a document of another unit needs that unit's (or the 公开办's) confirmation.</summary>
    public static RelationConfirmation InitialConfirmation(RelationType type, int fromUnitId, int toUnitId) =>
        ChangesTarget(type) && fromUnitId != toUnitId ? RelationConfirmation.Pending : RelationConfirmation.NotRequired;

    public static string Label(this RelationConfirmation c) => c switch
    {
        RelationConfirmation.Pending => "待对方单位确认",
        RelationConfirmation.Confirmed => "对方单位已确认",
        RelationConfirmation.Refused => "对方单位已拒绝",
        _ => "",
    };
}

public static class DocumentLabels
{
    public static string Label(this DisclosureAttribute a) => a switch
    {
        DisclosureAttribute.Proactive => "主动公开",
        DisclosureAttribute.OnRequest => "依申请公开",
        DisclosureAttribute.Withheld => "不予公开",
        _ => a.ToString(),
    };

    public static string Label(this Validity v) => v switch
    {
        Validity.InForce => "现行有效",
        Validity.Amended => "已修改",
        Validity.Expired => "失效",
        Validity.Abolished => "废止",
        _ => v.ToString(),
    };

    public static string Label(this DocumentStatus s) => s switch
    {
        DocumentStatus.Draft => "草稿",
        DocumentStatus.InReview => "审核中",
        DocumentStatus.Rejected => "已退回",
        DocumentStatus.Scheduled => "定时发布",
        DocumentStatus.Published => "已发布",
        DocumentStatus.Withdrawn => "已撤稿",
        _ => s.ToString(),
    };

    /// <summary>Label from the point of view of the document that holds the relation (this document …).</summary>
    public static string Label(this RelationType r) => r switch
    {
        RelationType.Amends => "修改",
        RelationType.Abolishes => "废止",
        RelationType.Replaces => "替代",
        RelationType.Interprets => "解读",
        _ => r.ToString(),
    };

    /// <summary>Label seen from the target document (it was … by the source).</summary>
    public static string InverseLabel(this RelationType r) => r switch
    {
        RelationType.Amends => "已被修改",
        RelationType.Abolishes => "已被废止",
        RelationType.Replaces => "已被替代",
        RelationType.Interprets => "政策解读",
        _ => r.ToString(),
    };

    /// <summary>Review level names for up to three levels (三审).</summary>
    public static string ReviewLevelName(int level) => level switch { 1 => "初审", 2 => "复审", 3 => "终审", _ => $"第{level}级审核" };

    /// <summary>Display label for validity including the not-yet-effective state (尚未生效).</summary>
    public static string EffectiveLabel(Validity v, DateOnly? effectiveOn, DateOnly today) =>
        v == Validity.InForce && effectiveOn is { } e && e > today ? "尚未生效" : v.Label();
}
