namespace Zwgk.Domain.Documents;

/// <summary>Whether one person may act for several parts of the 三审 chain (site setting Zwgk:SinglePersonReview).</summary>
public enum SinglePersonReview
{
    /// <summary>The author never reviews and each level is approved by a different person.</summary>
    Never = 0,
    /// <summary>As Never, unless the unit has fewer reviewers than the chain needs; every such approval is audited.</summary>
    WhenShortStaffed = 1,
}

/// <summary>
/// The publishing state machine (三审: 初审 → 复审 → 终审). Pure: callers check permissions, persist and audit.
/// Each method returns an error message in Chinese, or null when the transition was applied.
/// </summary>
public static class ReviewWorkflow
{
    public static string? Submit(Document d, int requiredLevels)
    {
        if (d.Status is not (DocumentStatus.Draft or DocumentStatus.Rejected)) return $"当前状态（{d.Status.Label()}）不能提交审核";
        if (requiredLevels is < 1 or > 3) return "审核级数应为1至3级";
        var errors = DocumentRules.Validate(d);
        if (errors.Count > 0) return "要素不完整，不能提交审核：" + string.Join("；", errors.Values);
        d.Status = DocumentStatus.InReview;
        d.RequiredReviewLevels = requiredLevels;
        d.PendingReviewLevel = 1;
        return null;
    }

    /// <summary>Approve the pending level. After the last level the document is published, or scheduled if ScheduledAt is in the future.</summary>
    public static string? Approve(Document d, int level, DateTimeOffset now)
    {
        if (d.Status != DocumentStatus.InReview) return $"当前状态（{d.Status.Label()}）不在审核中";
        if (level != d.PendingReviewLevel) return $"该文件正在等待{DocumentLabels.ReviewLevelName(d.PendingReviewLevel)}";
        if (level < d.RequiredReviewLevels)
        {
            d.PendingReviewLevel = level + 1;
            return null;
        }
        d.PendingReviewLevel = 0;
        if (d.ScheduledAt is { } at && at > now)
        {
            d.Status = DocumentStatus.Scheduled;
            return null;
        }
        Publish(d, now);
        return null;
    }

    /// <summary>
    /// Separation of duties: the author (creator or submitter) may not approve, and nobody approves two levels of one
    /// round. Returns the Chinese reason the reviewer may not approve, or null.
    /// </summary>
    public static string? SeparationConflict(string reviewerId, IReadOnlyCollection<string> authorIds, IReadOnlyCollection<string> earlierApproverIds) =>
        authorIds.Contains(reviewerId) ? "您是本文件的起草人或提交人，不能审核本文件"
        : earlierApproverIds.Contains(reviewerId) ? "您已审核过本文件的前一级，各级审核须由不同人员完成"
        : null;

    /// <summary>The unit is short-staffed when fewer people than the required levels could review without being the author.</summary>
    public static bool IsShortStaffed(int eligibleReviewers, int requiredLevels) => eligibleReviewers < requiredLevels;

    public static string? Reject(Document d, int level, string? comment)
    {
        if (d.Status != DocumentStatus.InReview) return $"当前状态（{d.Status.Label()}）不在审核中";
        if (level != d.PendingReviewLevel) return $"该文件正在等待{DocumentLabels.ReviewLevelName(d.PendingReviewLevel)}";
        if (string.IsNullOrWhiteSpace(comment)) return "退回时须填写退回意见";
        d.Status = DocumentStatus.Rejected;
        d.PendingReviewLevel = 0;
        return null;
    }

    /// <summary>Release a scheduled document whose time has come.</summary>
    public static bool ReleaseIfDue(Document d, DateTimeOffset now)
    {
        if (d.Status != DocumentStatus.Scheduled || d.ScheduledAt is not { } at || at > now) return false;
        Publish(d, at);
        return true;
    }

    public static string? Withdraw(Document d, string? reason, DateTimeOffset now)
    {
        if (d.Status is not (DocumentStatus.Published or DocumentStatus.Scheduled)) return "只有已发布或定时发布的文件可以撤稿";
        if (string.IsNullOrWhiteSpace(reason)) return "撤稿须填写撤稿原因";
        d.Status = DocumentStatus.Withdrawn;
        d.WithdrawalReason = reason.Trim();
        d.WithdrawnAt = now;
        return null;
    }

    /// <summary>A withdrawn document goes back to draft to be corrected and reviewed again; its 索引号 is kept.</summary>
    public static string? Reopen(Document d)
    {
        if (d.Status != DocumentStatus.Withdrawn) return "只有已撤稿的文件可以重新编辑";
        d.Status = DocumentStatus.Draft;
        return null;
    }

    private static void Publish(Document d, DateTimeOffset at)
    {
        d.Status = DocumentStatus.Published;
        // 发布日期 is kept from the first publication; a re-publication after withdrawal keeps the original date.
        d.PublishedAt ??= at;
        d.WithdrawalReason = null;
        d.WithdrawnAt = null;
    }
}
