using Zwgk.Domain.Calendar;
using Zwgk.Domain.Documents;
using Zwgk.Domain.Interpretations;
using Zwgk.Domain.Units;

namespace Zwgk.Domain.Tests.Interpretations;

public sealed class InterpretationRulesTests
{
    private static readonly WorkingCalendar Cal = HolidayData.Load().ToCalendar();
    private static readonly InterpretationSettings Settings = new();
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Same_day_and_within_three_working_days_are_on_time()
    {
        // Friday 2025-11-14: the deadline skips the weekend to Wednesday 11-19.
        Assert.Equal(TimelinessState.SameDay, InterpretationRules.ForInterpretation(D("2025-11-14"), D("2025-11-14"), Cal, Settings).State);
        var onTime = InterpretationRules.ForInterpretation(D("2025-11-14"), D("2025-11-19"), Cal, Settings);
        Assert.Equal(TimelinessState.OnTime, onTime.State);
        Assert.Equal(D("2025-11-19"), onTime.Deadline);
    }

    [Fact]
    public void Late_reports_working_days_after_the_deadline()
    {
        var late = InterpretationRules.ForInterpretation(D("2025-11-14"), D("2025-11-21"), Cal, Settings);
        Assert.Equal(TimelinessState.Late, late.State);
        Assert.Equal(2, late.WorkingDaysLate);
        Assert.Equal("逾期发布（晚2个工作日）", late.Label);
        // Published on the Saturday after a Friday deadline: late, counted as one working day.
        var weekend = InterpretationRules.ForInterpretation(D("2025-11-19"), D("2025-11-29"), Cal, Settings);
        Assert.Equal(D("2025-11-24"), weekend.Deadline);
        Assert.Equal(TimelinessState.Late, weekend.State);
        Assert.Equal(4, weekend.WorkingDaysLate);
    }

    [Fact]
    public void Deadline_skips_the_national_day_holiday_and_counts_the_make_up_saturday()
    {
        // 2025-09-30 (Tue): 10-01..10-08 off, 10-09 Thu, 10-10 Fri, 10-11 Sat 调休上班.
        var missing = InterpretationRules.ForMissing(D("2025-09-30"), D("2025-10-08"), Cal, Settings);
        Assert.Equal(TimelinessState.Pending, missing.State);
        Assert.Equal(D("2025-10-11"), missing.Deadline);
        Assert.Equal("待解读（截止2025年10月11日）", missing.Label);
        Assert.Equal(TimelinessState.Pending, InterpretationRules.ForMissing(D("2025-09-30"), D("2025-10-11"), Cal, Settings).State);
        var overdue = InterpretationRules.ForMissing(D("2025-09-30"), D("2025-10-14"), Cal, Settings);
        Assert.Equal(TimelinessState.Overdue, overdue.State);
        Assert.Equal(2, overdue.WorkingDaysLate);
        Assert.StartsWith("逾期未解读", overdue.Label);
    }

    [Fact]
    public void Deadline_follows_the_configured_working_days()
    {
        var five = Settings with { DeadlineWorkingDays = 5 };
        Assert.Equal(TimelinessState.OnTime, InterpretationRules.ForInterpretation(D("2025-11-14"), D("2025-11-21"), Cal, five).State);
    }

    [Fact]
    public void Policy_timeliness_is_decided_by_its_earliest_interpretation()
    {
        var t = InterpretationRules.ForPolicy(D("2025-11-14"), [D("2025-12-01"), D("2025-11-17")], D("2025-12-05"), Cal, Settings);
        Assert.Equal(TimelinessState.OnTime, t.State);
        Assert.Equal(TimelinessState.Overdue, InterpretationRules.ForPolicy(D("2025-11-14"), [], D("2025-12-05"), Cal, Settings).State);
    }

    [Fact]
    public void Requires_interpretation_only_for_public_in_force_normative_or_major_policies()
    {
        Document Doc(bool normative, bool major, DocumentStatus status = DocumentStatus.Published, Validity validity = Validity.InForce) =>
            new() { IsNormative = normative, IsMajorPolicy = major, Status = status, Validity = validity };
        Assert.True(InterpretationRules.RequiresInterpretation(Doc(true, false)));
        Assert.True(InterpretationRules.RequiresInterpretation(Doc(false, true)));
        Assert.False(InterpretationRules.RequiresInterpretation(Doc(false, false)));
        Assert.False(InterpretationRules.RequiresInterpretation(Doc(true, false, DocumentStatus.Draft)));
        Assert.False(InterpretationRules.RequiresInterpretation(Doc(true, false, validity: Validity.Abolished)));
    }

    [Fact]
    public void Forms_minimum_is_three_and_five_for_government_documents()
    {
        InterpretationForm[] three = [InterpretationForm.Text, InterpretationForm.Graphic, InterpretationForm.Video, InterpretationForm.Text];
        var department = InterpretationRules.CheckForms(three, government: false, Settings);
        Assert.True(department.Met);
        Assert.Equal(3, department.Present.Count);
        var government = InterpretationRules.CheckForms(three, government: true, Settings);
        Assert.False(government.Met);
        Assert.Equal(5, government.Required);
        Assert.Contains("区政府名义", government.Label);
        Assert.False(InterpretationRules.CheckForms([InterpretationForm.Text, InterpretationForm.Text], false, Settings).Met);
    }

    [Fact]
    public void Government_document_is_decided_by_the_lead_issuer_or_the_owner()
    {
        Assert.True(InterpretationRules.IsGovernmentDocument(UnitKind.DistrictGovernment, UnitKind.Department, null));
        Assert.False(InterpretationRules.IsGovernmentDocument(UnitKind.Department, UnitKind.DistrictGovernment, null));
        Assert.True(InterpretationRules.IsGovernmentDocument(null, UnitKind.DistrictGovernment, null));
        // A reposted State Council document kept by the government is not issued in its name.
        Assert.False(InterpretationRules.IsGovernmentDocument(null, UnitKind.DistrictGovernment, "国务院办公厅"));
    }

    [Fact]
    public void Copy_paste_interpretation_scores_high_and_a_genuine_one_low()
    {
        var copy = InterpretationRules.Overlap(PolicyTexts.CopyPaste, PolicyTexts.Policy);
        var genuine = InterpretationRules.Overlap(PolicyTexts.Genuine, PolicyTexts.Policy);
        TestContext.Current.SendDiagnosticMessage($"overlap copy={copy:F3} genuine={genuine:F3}");
        Assert.True(copy >= 0.85, $"copy {copy}");
        Assert.True(genuine <= 0.25, $"genuine {genuine}");
        Assert.True(InterpretationRules.IsHighOverlap(copy, Settings));
        Assert.False(InterpretationRules.IsHighOverlap(genuine, Settings));
        Assert.Equal(1.0, InterpretationRules.Overlap(PolicyTexts.Policy, PolicyTexts.Policy), 3);
    }

    [Fact]
    public void Overlap_ignores_punctuation_and_spacing_and_short_texts()
    {
        Assert.Equal(1.0, InterpretationRules.Overlap("对本区中小微企业 招用毕业年度", "对本区，中小微企业招用毕业年度或离校"), 3);
        Assert.Equal(0, InterpretationRules.Overlap("补贴", PolicyTexts.Policy));
        Assert.Equal("abc12中文", InterpretationRules.Normalize("A b，C 1-2「中文」"));
    }

    [Fact]
    public void Media_need_alt_text_or_transcript_or_captions()
    {
        var media = new List<InterpretationMedia>
        {
            new() { Order = 1, Kind = MediaKind.Image, Attachment = new Attachment { FileName = "一图读懂.png" } },
            new() { Order = 2, Kind = MediaKind.Video, Attachment = new Attachment { FileName = "解读.mp4" } },
            new() { Order = 3, Kind = MediaKind.Audio, Attachment = new Attachment { FileName = "a.mp3" }, CaptionsAttachmentId = 9 },
            new() { Order = 4, Kind = MediaKind.Image, AltText = "补贴标准一览", Attachment = new Attachment { FileName = "b.png" } },
        };
        var problems = InterpretationRules.MediaProblems(media);
        Assert.Equal(["图片「一图读懂.png」缺少替代文字", "视频「解读.mp4」缺少文字实录或字幕文件"], problems);
        Assert.StartsWith("解读材料须便于残障人士获取", InterpretationRules.PublishRefusal(media));
        media[0].AltText = "图解";
        media[1].Transcript = "局长：大家好……";
        Assert.Null(InterpretationRules.PublishRefusal(media));
    }

    [Theory]
    [InlineData("局长", true)]
    [InlineData("区人社局局长", true)]
    [InlineData("主任", true)]
    [InlineData("党组书记、局长", true)]
    [InlineData("副局长", false)]
    [InlineData("科员", false)]
    [InlineData(null, false)]
    public void Leader_titles(string? title, bool leader) => Assert.Equal(leader, InterpretationRules.IsLeaderTitle(title));
}
