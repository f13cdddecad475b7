using Zwgk.Domain.Documents;

namespace Zwgk.Tests.Documents;

public class ReviewWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static Document Draft() => new() { Title = "测试文件", Issuers = [new DocumentIssuer { UnitId = 1 }] };

    [Fact]
    public void Three_levels_publish_after_final_review()
    {
        var d = Draft();
        Assert.Null(ReviewWorkflow.Submit(d, 3));
        Assert.Equal((DocumentStatus.InReview, 1), (d.Status, d.PendingReviewLevel));
        Assert.Null(ReviewWorkflow.Approve(d, 1, Now));
        Assert.Null(ReviewWorkflow.Approve(d, 2, Now));
        Assert.Equal(DocumentStatus.InReview, d.Status);
        Assert.Null(ReviewWorkflow.Approve(d, 3, Now));
        Assert.Equal(DocumentStatus.Published, d.Status);
        Assert.Equal(Now, d.PublishedAt);
    }

    [Fact]
    public void Approving_a_level_out_of_turn_is_refused()
    {
        var d = Draft();
        ReviewWorkflow.Submit(d, 3);
        Assert.Equal("该文件正在等待初审", ReviewWorkflow.Approve(d, 2, Now));
    }

    [Fact]
    public void Any_level_can_reject_with_a_comment_and_the_editor_resubmits()
    {
        var d = Draft();
        ReviewWorkflow.Submit(d, 3);
        ReviewWorkflow.Approve(d, 1, Now);
        Assert.NotNull(ReviewWorkflow.Reject(d, 2, "  "));
        Assert.Null(ReviewWorkflow.Reject(d, 2, "文号有误"));
        Assert.Equal(DocumentStatus.Rejected, d.Status);
        Assert.Null(ReviewWorkflow.Submit(d, 3));
        Assert.Equal(1, d.PendingReviewLevel);
    }

    [Fact]
    public void Incomplete_documents_cannot_be_submitted()
    {
        var d = new Document { Title = "缺发文机关" };
        Assert.Contains("请选择发文机关", ReviewWorkflow.Submit(d, 1));
        Assert.Equal(DocumentStatus.Draft, d.Status);
    }

    [Fact]
    public void Future_schedule_waits_then_releases()
    {
        var d = Draft();
        d.ScheduledAt = Now.AddHours(2);
        ReviewWorkflow.Submit(d, 1);
        ReviewWorkflow.Approve(d, 1, Now);
        Assert.Equal(DocumentStatus.Scheduled, d.Status);
        Assert.False(ReviewWorkflow.ReleaseIfDue(d, Now.AddHours(1)));
        Assert.True(ReviewWorkflow.ReleaseIfDue(d, Now.AddHours(3)));
        Assert.Equal(DocumentStatus.Published, d.Status);
        Assert.Equal(Now.AddHours(2), d.PublishedAt);
    }

    [Fact]
    public void Withdrawal_needs_a_reason_and_keeps_the_record()
    {
        var d = Draft();
        ReviewWorkflow.Submit(d, 1);
        ReviewWorkflow.Approve(d, 1, Now);
        d.IndexNumber = "X/2026-0000001";
        Assert.NotNull(ReviewWorkflow.Withdraw(d, "", Now));
        Assert.Null(ReviewWorkflow.Withdraw(d, "内容有误", Now));
        Assert.Equal((DocumentStatus.Withdrawn, "内容有误", "X/2026-0000001"), (d.Status, d.WithdrawalReason, d.IndexNumber));
        Assert.Null(ReviewWorkflow.Reopen(d));
        Assert.Equal(DocumentStatus.Draft, d.Status);
    }

    [Fact]
    public void Separation_of_duties_keeps_authors_and_earlier_approvers_out()
    {
        Assert.Equal("您是本文件的起草人或提交人，不能审核本文件", ReviewWorkflow.SeparationConflict("a", ["a"], []));
        Assert.Equal("您已审核过本文件的前一级，各级审核须由不同人员完成", ReviewWorkflow.SeparationConflict("r1", ["a"], ["r1"]));
        Assert.Null(ReviewWorkflow.SeparationConflict("r2", ["a"], ["r1"]));
        Assert.True(ReviewWorkflow.IsShortStaffed(2, 3));
        Assert.False(ReviewWorkflow.IsShortStaffed(3, 3));
    }
}
