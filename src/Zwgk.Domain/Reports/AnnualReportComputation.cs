using Zwgk.Domain.Documents;
using Zwgk.Domain.Requests;

namespace Zwgk.Domain.Reports;

/// <summary>
/// Counts of cases of one applicant type and one outcome (null: not replied, or replied without an outcome) for a year,
/// as the database groups them. Each count follows one rule of <see cref="AnnualReportComputation"/>.
/// </summary>
public sealed record ApplicationCountRow(ApplicantType Applicant, Outcome? Outcome, int New, int CarriedOver, int Replied, int CarriedForward);

/// <summary>A 行政复议 or 行政诉讼 as recorded on a case.</summary>
public sealed record ChallengeRow(ChallengeKind Kind, ChallengeResult Result, DateOnly FiledOn, DateOnly? DecidedOn);

/// <summary>
/// A document of the library that may count in the 规章 / 行政规范性文件 table. <paramref name="AbolishedOn"/> is the
/// earliest date a published 废止 or 替代 relation took effect on it (null when none).
/// </summary>
public sealed record RuleDocumentRow(bool IsNormative, string? Genre, DateOnly? WrittenOn, DateOnly? PublishedOn, DateOnly? EffectiveOn,
    DateOnly? ExpiresOn, Validity Validity, DateOnly? AbolishedOn);

/// <summary>Section 二 figures entered by staff (null: not entered yet).</summary>
public sealed record EnteredFigures(int? Licensing, int? Penalties, int? Coercion, decimal? FeesAmount)
{
    public static readonly EnteredFigures None = new(null, null, null, null);

    /// <summary>The rows still to be entered, by their national label.</summary>
    public IReadOnlyList<string> Missing() =>
        new (string Label, bool Absent)[] { ("行政许可", Licensing is null), ("行政处罚", Penalties is null), ("行政强制", Coercion is null), ("行政事业性收费", FeesAmount is null) }
            .Where(x => x.Absent).Select(x => x.Label).ToList();
}

/// <summary>信息处理费 of the year: fee notices issued, and the amount actually paid (《信息处理费管理办法》).</summary>
public sealed record ProcessingFeeSummary(int Notices, decimal Paid);

/// <summary>
/// The annual report's numbers from the case and document records, in the national format (国办公开办函〔2021〕30号).
/// The date rules, for a year Y (the database applies the same conditions when it groups the cases, see the query):
/// <list type="bullet">
/// <item>一、本年新收: received (ReceivedOn, 条例第三十一条) in Y. An online submission the office has not confirmed has no
/// receipt date, so it is not yet an application received (条例第三十一条第（三）项) and is not counted.</item>
/// <item>二、上年结转: received before Y and not replied before 1 January of Y.</item>
/// <item>三、办理结果: replied (RepliedOn) in Y, one row per outcome; （七）总计 is their sum.</item>
/// <item>四、结转下年度: received by 31 December of Y and not replied by then.</item>
/// </list>
/// For a consistent case 一 + 二 = 三（七）+ 四 then holds by construction; the checker still runs, because a case with
/// inconsistent data (replied without an outcome or without a receipt date, or replied before it was received) breaks it,
/// and such a report must not be published.
/// </summary>
public static class AnnualReportComputation
{
    public static DateOnly FirstDay(int year) => new(year, 1, 1);
    public static DateOnly LastDay(int year) => new(year, 12, 31);

    /// <summary>Section 三 from grouped counts; the 总计 column is the sum of the applicant columns.</summary>
    public static void FillApplications(AnnualReportTables tables, IEnumerable<ApplicationCountRow> rows)
    {
        var columns = AnnualReportFormat.ColumnCount;
        var received = new int[columns];
        var carried = new int[columns];
        var forward = new int[columns];
        var outcomes = Outcomes.All.ToDictionary(o => o.Outcome, _ => new int[columns]);
        foreach (var r in rows)
        {
            var c = Column(r.Applicant);
            received[c] += r.New;
            carried[c] += r.CarriedOver;
            forward[c] += r.CarriedForward;
            // A case replied without an outcome has no row to go to: it is left out, and the balance check shows it.
            if (r.Outcome is { } o && outcomes.TryGetValue(o, out var values)) values[c] += r.Replied;
        }

        var total = new int[columns];
        foreach (var v in outcomes.Values)
        {
            for (var i = 0; i < columns; i++) total[i] += v[i];
        }

        tables.SetApplication(AnnualReportFormat.NewKey, WithTotal(received));
        tables.SetApplication(AnnualReportFormat.CarriedOverKey, WithTotal(carried));
        foreach (var o in Outcomes.All) tables.SetApplication(AnnualReportFormat.OutcomeKey(o.Outcome), WithTotal(outcomes[o.Outcome]));
        tables.SetApplication(AnnualReportFormat.TotalKey, WithTotal(total));
        tables.SetApplication(AnnualReportFormat.CarriedForwardKey, WithTotal(forward));
    }

    private static int Column(ApplicantType t) =>
        AnnualReportFormat.ApplicationColumns.FirstOrDefault(c => c.Applicant == t)?.Index
        ?? AnnualReportFormat.ApplicationColumns.Single(c => c.Applicant == ApplicantType.OtherOrganization).Index;

    private static int[] WithTotal(int[] values)
    {
        var totalColumn = AnnualReportFormat.ApplicationColumns.Single(c => c.IsTotal).Index;
        var copy = (int[])values.Clone();
        copy[totalColumn] = AnnualReportFormat.ApplicationColumns.Where(c => !c.IsTotal).Sum(c => values[c.Index]);
        return copy;
    }

    /// <summary>
    /// Section 四: the 行政复议 and 行政诉讼 filed in the year, with the result as recorded. The report states the
    /// situation at the end of the year it covers: a case decided after 31 December (or not decided, or recorded as
    /// pending) counts as 尚未审结, so the report of a year does not change when a later decision is entered and a
    /// republished report still matches the one the public saw. Cases filed in earlier years are in those years' reports.
    /// </summary>
    public static int[] Review(IEnumerable<ChallengeRow> challenges, int year)
    {
        var first = FirstDay(year);
        var last = LastDay(year);
        var perBody = AnnualReportFormat.ReviewColumns.Count;
        var cells = new int[AnnualReportFormat.ReviewCellCount];
        foreach (var c in challenges.Where(c => c.FiledOn >= first && c.FiledOn <= last))
        {
            var body = c.Kind switch
            {
                ChallengeKind.AdministrativeReview => 0,
                ChallengeKind.LitigationDirect => 1,
                _ => 2,
            };
            var decided = c.Result != ChallengeResult.Pending && c.DecidedOn is { } d && d <= last;
            var column = decided ? c.Result switch { ChallengeResult.Upheld => 0, ChallengeResult.Corrected => 1, _ => 2 } : 3;
            cells[body * perBody + column]++;
            cells[body * perBody + perBody - 1]++;
        }

        return cells;
    }

    /// <summary>
    /// When a document stopped being in force: the earliest of its 失效日期 (required for 废止 and 失效 documents,
    /// and the end of a 规范性文件's validity period) and the date a 废止 or 替代 relation took effect. The 失效日期 alone
    /// is not enough: publishing an abolishing document keeps a validity end date set earlier (a planned expiry years
    /// ahead), so the relation's date is the one that says when it was actually abolished.
    /// </summary>
    public static DateOnly? EndedOn(RuleDocumentRow d) => (d.ExpiresOn, d.AbolishedOn) switch
    {
        ({ } e, { } a) => e < a ? e : a,
        ({ } e, null) => e,
        (null, { } a) => a,
        _ => null,
    };

    /// <summary>The day a document was made: 成文日期, or the 发布日期 when it has none.</summary>
    public static DateOnly? MadeOn(RuleDocumentRow d) => d.WrittenOn ?? d.PublishedOn;

    /// <summary>
    /// Section 二, 第二十条第（一）项, from published documents of the unit(s):
    /// 规章 are promulgated by a government order (《规章制定程序条例》第二十九条、第三十条: 签署命令予以公布), so the library's
    /// 命令（令） documents count as 规章 (a district government has no rule-making power under 《立法法》第九十三条, so this
    /// is normally 0); 行政规范性文件 are the documents marked as such.
    /// 本年制发 = made (成文日期, else 发布日期) in the year; 本年废止 = stopped being in force (see <see cref="EndedOn"/>) in
    /// the year; 现行有效 = made by 31 December and not ended by then (a document whose 生效日期 is after the year is not yet
    /// in force and not counted).
    /// </summary>
    public static (decimal[] Rules, decimal[] Normative) RuleDocuments(IEnumerable<RuleDocumentRow> documents, int year)
    {
        var first = FirstDay(year);
        var last = LastDay(year);
        var rules = new decimal[3];
        var normative = new decimal[3];
        foreach (var d in documents)
        {
            var target = d.IsNormative ? normative : d.Genre == "命令（令）" ? rules : null;
            if (target is null) continue;
            var made = MadeOn(d);
            var ended = EndedOn(d);
            if (made is { } m && m >= first && m <= last) target[0]++;
            if (ended is { } e && e >= first && e <= last) target[1]++;
            if (made is { } m2 && m2 <= last && (ended is null || ended > last) && (d.EffectiveOn is null || d.EffectiveOn <= last)) target[2]++;
        }

        return (rules, normative);
    }

    /// <summary>Section 二 into the tables: the computed 规章 and 行政规范性文件 rows and the entered rows that have a value.</summary>
    public static void FillDisclosure(AnnualReportTables tables, IEnumerable<RuleDocumentRow> documents, EnteredFigures entered, int year)
    {
        var (rules, normative) = RuleDocuments(documents, year);
        tables.Disclosure["rules"] = rules;
        tables.Disclosure["normativeDocuments"] = normative;
        if (entered.Licensing is { } l) tables.Disclosure["licensing"] = [l];
        if (entered.Penalties is { } p) tables.Disclosure["penalties"] = [p];
        if (entered.Coercion is { } c) tables.Disclosure["coercion"] = [c];
        if (entered.FeesAmount is { } f) tables.Disclosure["fees"] = [f];
    }

    /// <summary>The generated sentence of section 六 on the 信息处理费 (《政府信息公开信息处理费管理办法》; 条例第四十二条).</summary>
    public static string FeeSentence(ProcessingFeeSummary fees) =>
        fees.Notices == 0 && fees.Paid == 0
            ? "本年度未发出信息处理费收费通知，未收取信息处理费。"
            : $"依据《政府信息公开信息处理费管理办法》，本年度共发出信息处理费收费通知{fees.Notices}件，实际收取信息处理费{fees.Paid:0.##}元。";
}
