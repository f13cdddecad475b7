using System.Text;
using Zwgk.Domain.Documents;

namespace Zwgk.Bench.Seed;

/// <summary>One row of "Documents" plus its issuers and columns, ready to insert.</summary>
internal sealed class GeneratedDocument
{
    public int Id;
    public string? IndexNumber;
    public string Title = "";
    public string? DocumentNumber;
    public DateOnly WrittenOn;
    public DateTimeOffset PublishedAt;
    public string? TopicCategory;
    public string? Genre;
    public int Validity = 1;
    public DateOnly? EffectiveOn;
    public DateOnly? ExpiresOn;
    public bool IsNormative;
    public string? NormativeRegistrationNumber;
    public string? Keywords;
    public string? Summary;
    public string BodyHtml = "";
    public int OwnerUnitId;
    public List<int> IssuerUnitIds = [];
    public List<int> ColumnIds = [];
}

internal sealed record GeneratedRelation(int FromId, int ToId, int Type);

internal enum DocKind { Policy, Normative, Notice, Interpretation, News, Abolished }

/// <summary>Deterministic (seeded) generator of realistic published district documents.</summary>
internal sealed class DocumentGenerator
{
    private readonly Catalog catalog;
    private readonly Random rnd;
    private readonly DateOnly firstDay = new(2015, 1, 1);
    private readonly DateOnly lastDay;
    private readonly (UnitRow Unit, string[] Prefixes, int Weight)[] issuers;
    private readonly UnitRow office;
    private readonly (ColumnRow Column, DocKind Kind, int Weight)[] columns;
    private readonly Dictionary<(string Prefix, int Year), int> numberCounters = [];
    private readonly List<int> policyIds = [];

    private static readonly Template[] PolicyTitles = Template.ParseAll(Texts.PolicyTitles);
    private static readonly Template[] NormativeTitles = Template.ParseAll(Texts.NormativeTitles);
    private static readonly Template[] NoticeTitles = Template.ParseAll(Texts.NoticeTitles);
    private static readonly Template[] InterpretationTitles = Template.ParseAll(Texts.InterpretationTitles);
    private static readonly Template[] NewsTitles = Template.ParseAll(Texts.NewsTitles);
    private static readonly Template[] Sentences = Template.ParseAll(Texts.Sentences);
    private static readonly Template[] NewsSentences = Template.ParseAll(Texts.NewsSentences);
    private static readonly string[] SectionHeadings = ["主要任务", "重点工作", "工作措施", "保障措施", "工作要求", "实施步骤", "职责分工"];
    private static readonly Template NewsOpening = Template.Parse("召开{S}工作专题会议，听取前期工作情况汇报，研究部署下一阶段重点任务。");
    private static readonly string[] Years = Enumerable.Range(0, 2200).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    public List<GeneratedRelation> Relations { get; } = [];
    /// <summary>Final 索引号 counter values per (unit code, year), to be written back so the app continues after them.</summary>
    public Dictionary<(string Code, int Year), long> IndexCounters { get; }

    public DocumentGenerator(Catalog catalog, Random rnd, DateTime utcNow)
    {
        this.catalog = catalog;
        this.rnd = rnd;
        var today = DateOnly.FromDateTime(utcNow.AddHours(8));
        lastDay = new[] { today.AddDays(-1), new DateOnly(2026, 12, 31) }.Min();
        IndexCounters = new(catalog.IndexCounters);

        foreach (var s in Texts.Subjects)
            if (!TopicCategories.IsValid(s.Topic)) throw new InvalidOperationException($"invalid topic in generator data: {s.Topic}");

        // Issuers: the district government and its office issue most documents; departments and subdistricts the rest.
        // Units outside the district (kind Other) never issue here.
        issuers = catalog.Units.Where(u => u.Kind != 9)
            .Select(u => (u, Prefixes(u), u.Kind switch { 1 => 8, 2 => 14, 3 => 6, 4 => 4, 5 => 4, 6 => 1, _ => 1 }))
            .ToArray();
        office = catalog.Units.FirstOrDefault(u => u.Kind == 2) ?? catalog.Units[0];

        // Columns: 其他文件 and the news columns are the big ones, as on real district sites.
        var leaves = catalog.LeafListColumns;
        if (leaves.Count == 0) throw new InvalidOperationException("no leaf document-list columns");
        columns = leaves.Select(c => c.Slug switch
        {
            "qtwj" => (c, DocKind.Policy, 300),
            "gzdt" => (c, DocKind.News, 180),
            "tzgg" => (c, DocKind.Notice, 100),
            "xzgfxwj" => (c, DocKind.Normative, 60),
            "zcjd" => (c, DocKind.Interpretation, 40),
            "fzsxwj" => (c, DocKind.Abolished, 20),
            "gkzd" => (c, DocKind.Policy, 10),
            _ => (c, DocKind.Policy, 12),
        }).ToArray();
    }

    /// <summary>Streams the documents (bodies are large: holding 100,000 of them would only feed the garbage collector).</summary>
    public IEnumerable<GeneratedDocument> Generate(int count)
    {
        // Publication times first, sorted, so ids grow with publication time as they do on a live site.
        var span = lastDay.DayNumber - firstDay.DayNumber;
        var times = new DateTimeOffset[count];
        for (var i = 0; i < count; i++)
        {
            var day = firstDay.AddDays(rnd.Next(span + 1));
            // Office hours in China Standard Time (UTC+8).
            var local = day.ToDateTime(new TimeOnly(8, 30)).AddMinutes(rnd.Next(9 * 60));
            times[i] = new DateTimeOffset(local, TimeSpan.FromHours(8)).ToUniversalTime();
        }
        Array.Sort(times);

        var id = catalog.NextDocumentId;
        var body = new StringBuilder(8192);
        foreach (var published in times) yield return NewDocument(id++, published, body);
    }

    private GeneratedDocument NewDocument(int id, DateTimeOffset publishedAt, StringBuilder body)
    {
        var (primary, kind) = PickColumn();
        var subject = Pick(Texts.Subjects);
        var issuer = PickIssuer(kind);
        var publishedLocal = DateOnly.FromDateTime(publishedAt.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var writtenOn = publishedLocal.AddDays(-rnd.Next(0, 15));
        if (writtenOn < firstDay) writtenOn = firstDay;
        var year = writtenOn.Year;

        var d = new GeneratedDocument
        {
            Id = id, PublishedAt = publishedAt, WrittenOn = writtenOn, TopicCategory = subject.Topic, Keywords = subject.Keywords,
            OwnerUnitId = issuer.Unit.Kind == 1 ? office.Id : issuer.Unit.Id,
        };
        d.IssuerUnitIds.Add(issuer.Unit.Id);
        // About one policy document in twelve is a joint document (联合发文).
        if (kind is DocKind.Policy or DocKind.Normative && rnd.Next(12) == 0)
        {
            var second = PickIssuer(kind).Unit;
            if (second.Id != issuer.Unit.Id) d.IssuerUnitIds.Add(second.Id);
        }

        d.ColumnIds.Add(primary.Id);
        if (rnd.Next(10) < 4)
        {
            var (extra, _) = PickColumn();
            if (extra.Id != primary.Id) d.ColumnIds.Add(extra.Id);
        }

        var slots = new Slots(Texts.District, subject.Name, issuer.Unit.ShortName ?? issuer.Unit.Name, Years[year], Years[year + 2]);

        switch (kind)
        {
            case DocKind.News:
                d.Title = Pick(NewsTitles).Fill(slots);
                d.Genre = null;
                d.BodyHtml = NewsBody(body, slots, issuer.Unit.Name, publishedLocal);
                break;
            case DocKind.Interpretation:
                d.Title = Pick(InterpretationTitles).Fill(slots);
                d.Genre = "解读";
                d.BodyHtml = PolicyBody(body, slots, issuer.Unit.Name, writtenOn, "解读", signed: false);
                if (policyIds.Count > 0) Relations.Add(new GeneratedRelation(id, policyIds[rnd.Next(Math.Max(0, policyIds.Count - 2000), policyIds.Count)], 4));
                break;
            case DocKind.Notice:
                d.Title = Pick(NoticeTitles).Fill(slots);
                d.Genre = Genres.FromTitle(d.Title);
                if (d.Genre != "公示" && rnd.Next(2) == 0) d.DocumentNumber = NextNumber(issuer.Prefix, year);
                d.BodyHtml = PolicyBody(body, slots, issuer.Unit.Name, writtenOn, "通知", signed: true);
                break;
            default:
                d.Title = Pick(kind == DocKind.Normative ? NormativeTitles : PolicyTitles).Fill(slots);
                d.Genre = Genres.FromTitle(d.Title) ?? "通知";
                d.DocumentNumber = NextNumber(issuer.Prefix, year);
                d.BodyHtml = PolicyBody(body, slots, issuer.Unit.Name, writtenOn, d.Title.Contains("办法") ? "办法" : "方案", signed: true);
                policyIds.Add(id);
                break;
        }
        if (d.Title.Length > 300) d.Title = d.Title[..300];

        if (kind == DocKind.Normative)
        {
            d.IsNormative = true;
            d.NormativeRegistrationNumber = $"SZQD-{year}-{rnd.Next(1, 60):D3}";
            d.EffectiveOn = writtenOn.AddDays(30);
            d.ExpiresOn = d.EffectiveOn.Value.AddYears(5).AddDays(-1);
            if (d.ExpiresOn < lastDay) d.Validity = 3; // Expired
        }
        if (kind == DocKind.Abolished) d.Validity = rnd.Next(3) == 0 ? 3 : 4;
        else if (kind == DocKind.Policy && rnd.Next(40) == 0) d.Validity = 2; // Amended
        if (rnd.Next(4) == 0) d.Summary = $"{issuer.Unit.Name}就{subject.Name}有关事项作出部署。";

        // 索引号: {unit code}/{written year}-{serial}, continuing the app's own counters.
        var ownerCode = catalog.Units.First(u => u.Id == d.OwnerUnitId).IndexCode;
        var key = (ownerCode, year);
        string indexNumber;
        do
        {
            var serial = IndexCounters.TryGetValue(key, out var v) ? v + 1 : 1;
            IndexCounters[key] = serial;
            indexNumber = $"{ownerCode}/{year}-{serial:D7}";
        } while (catalog.IndexNumbers.Contains(indexNumber));
        d.IndexNumber = indexNumber;
        return d;
    }

    /// <summary>Next 文号 for the issuer's 代字 and year, unique and with the gaps real numbering has (not every document is public).</summary>
    private string NextNumber(string prefix, int year)
    {
        while (true)
        {
            var next = (numberCounters.TryGetValue((prefix, year), out var n) ? n : 0) + rnd.Next(1, 3);
            numberCounters[(prefix, year)] = next;
            var number = $"{prefix}〔{year}〕{next}号";
            if (catalog.DocumentNumbers.Add(number)) return number;
        }
    }

    private string PolicyBody(StringBuilder b, in Slots slots, string issuerName, DateOnly writtenOn, string genreWord, bool signed)
    {
        b.Clear();
        var targetBytes = rnd.Next(2048, 6145);
        b.Append("<p>各街道办事处，区政府各部门，各有关单位：</p>");
        b.Append("<p>为深入贯彻落实").Append(Texts.Guidance(writtenOn.Year)).Append("，进一步做好")
            .Append(slots.Subject).Append("工作，根据国家、省、市有关规定，结合我区实际，制定本").Append(genreWord).Append("。</p>");
        var section = 0;
        var item = 0;
        var headingStart = rnd.Next(Texts.TaskHeadings.Length);
        // UTF-8 size is roughly three bytes per Chinese character.
        while (b.Length * 3 < targetBytes - 300)
        {
            if (item % 4 == 0)
            {
                b.Append("<p><strong>").Append(Texts.Numerals[Math.Min(section, Texts.Numerals.Length - 1)]).Append('、')
                    .Append(section == 0 ? "总体要求" : Pick(SectionHeadings)).Append("</strong></p>");
                section++;
            }
            // Stepping by 7 through 16 headings never repeats one within a document.
            b.Append("<p>（").Append(Texts.Numerals[item % 4]).Append("）").Append(Texts.TaskHeadings[(headingStart + item * 7) % Texts.TaskHeadings.Length]).Append('。');
            var sentences = rnd.Next(2, 5);
            for (var i = 0; i < sentences; i++) Pick(Sentences).AppendTo(b, slots);
            b.Append("</p>");
            item++;
        }
        b.Append("<p>本").Append(genreWord).Append("自印发之日起施行，由区有关部门负责解释。</p>");
        if (signed)
        {
            b.Append("<p>").Append(issuerName).Append("</p>");
            b.Append("<p>").Append(writtenOn.Year).Append('年').Append(writtenOn.Month).Append('月').Append(writtenOn.Day).Append("日</p>");
            b.Append("<p>（此件公开发布）</p>");
        }
        return b.ToString();
    }

    private string NewsBody(StringBuilder b, in Slots slots, string issuerName, DateOnly day)
    {
        b.Clear();
        var targetBytes = rnd.Next(2048, 4097);
        b.Append("<p>").Append(day.Month).Append('月').Append(day.Day).Append("日，").Append(issuerName);
        NewsOpening.AppendTo(b, slots).Append("</p>");
        while (b.Length * 3 < targetBytes)
        {
            b.Append("<p>");
            var sentences = rnd.Next(2, 4);
            for (var i = 0; i < sentences; i++) Pick(NewsSentences).AppendTo(b, slots);
            b.Append("</p>");
        }
        return b.ToString();
    }

    private (ColumnRow Column, DocKind Kind) PickColumn()
    {
        var total = 0;
        foreach (var c in columns) total += c.Weight;
        var x = rnd.Next(total);
        foreach (var c in columns)
        {
            if (x < c.Weight) return (c.Column, c.Kind);
            x -= c.Weight;
        }
        return (columns[^1].Column, columns[^1].Kind);
    }

    private (UnitRow Unit, string Prefix) PickIssuer(DocKind kind)
    {
        // News items come from departments and subdistricts as much as from the office.
        int Weight((UnitRow Unit, string[] Prefixes, int Weight) i) => kind == DocKind.News ? (i.Unit.Kind is 1 ? 2 : 6) : i.Weight;
        var total = 0;
        foreach (var i in issuers) total += Weight(i);
        var x = rnd.Next(total);
        foreach (var i in issuers)
        {
            var w = Weight(i);
            if (x < w) return (i.Unit, Pick(i.Prefixes));
            x -= w;
        }
        return (issuers[^1].Unit, issuers[^1].Prefixes[0]);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[rnd.Next(items.Count)];

    /// <summary>
    /// 机关代字 of a unit (the demo district is 济南市市中区): each unit numbers several series (发 / 字 / 函 …) separately.
    /// Unknown units get codes derived from their short name.
    /// </summary>
    private static string[] Prefixes(UnitRow u)
    {
        var stem = u.Code switch
        {
            "SZQZF" => "市中政",
            "SZQZFB" => "市中政办",
            "SZFGJ" => "市中发改",
            "SZJTJ" => "市中教体",
            "SZCZJ" => "市中财",
            "SZRSJ" => "市中人社",
            "SZZJJ" => "市中建",
            "SZWJJ" => "市中卫健",
            "SZSJJ" => "市中市监",
            "SZMZJ" => "市中民",
            "SZDGY" => "大观园办",
            "SZGSQ" => "杆石桥办",
            "SZSMQ" => "四里村办",
            "SZRMYY" => "市中医院",
            _ => "市中" + new string((u.ShortName ?? u.Name).Replace("区", "").Replace("局", "").Take(2).ToArray()),
        };
        return u.Kind is 1 or 2 ? [stem + "发", stem + "字", stem + "函", stem + "秘字"] : [stem + "发", stem + "字", stem + "函"];
    }
}
