using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace Zwgk.Bench.Corpus;

/// <summary>
/// Deterministic, streaming generator of filler documents that look like a district's published documents (notices, plans,
/// normative documents, announcements, interpretations, news) across the 主题分类, about 44 district bodies and the years
/// 2015–2026, with keys "G0000001"…; bodies are 200–3000 characters (mean about 900).
/// The sequence depends only on the seed: enumerating again gives the same documents, and Generate(n) is the first n
/// documents of any longer run (so dates are random, not in key order). Filler never reuses a 文号 or 索引号 of the
/// planted documents, nor a 文号 they cite.
/// </summary>
public sealed partial class CorpusGenerator
{
    private const int MinBody = 200;
    private const int MaxBody = 3000;
    private const int FirstYear = 2015;
    private const int YearCount = 12; // 2015–2026
    private static readonly DateOnly FirstDay = new(2015, 1, 1);
    private static readonly DateOnly LastDay = new(2026, 6, 30);
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private readonly int seed;

    public CorpusGenerator(int seed) => this.seed = seed;

    /// <summary>Streams <paramref name="count"/> documents; nothing is kept between documents except small counters.</summary>
    public IEnumerable<CorpusDocument> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Run(count);
    }

    private IEnumerable<CorpusDocument> Run(int count)
    {
        var state = new State(new Random(seed));
        for (var i = 0; i < count; i++) yield return state.Next(i);
    }

    private enum Kind { Policy, Normative, Notice, Plan, Interpretation, News, Retired }

    /// <summary>A title template with its 文种, the word the body calls itself (方案, 办法 …), the issued document for
    /// "关于印发《X》的通知" titles, and the opening sentence for announcements and news.</summary>
    private sealed record TitleForm(Template Title, string Genre, string Word, Template? Attachment, Template? Opening);

    // ---- Static tables, built once ----

    private static readonly (Kind Kind, int Weight)[] KindWeights =
    [
        (Kind.Policy, 30), (Kind.News, 24), (Kind.Notice, 16), (Kind.Normative, 9), (Kind.Interpretation, 8), (Kind.Retired, 5), (Kind.Plan, 3),
    ];

    private static readonly int KindTotal = SumWeights();

    private static readonly TitleForm[] PolicyForms = Forms(GeneratorTexts.PolicyTitles);
    private static readonly TitleForm[] NormativeForms = Forms(GeneratorTexts.NormativeTitles);
    private static readonly TitleForm[] NoticeForms = Forms(GeneratorTexts.NoticeTitles);
    private static readonly TitleForm[] PlanForms = Forms(GeneratorTexts.PlanTitles);
    private static readonly TitleForm[] InterpretationForms = Forms(GeneratorTexts.InterpretationTitles);
    private static readonly TitleForm[] NewsForms = Forms(GeneratorTexts.NewsTitles);

    private static readonly Template[] Openings = Template.ParseAll(GeneratorTexts.Openings);
    private static readonly Template NoticeOpening = Template.Parse("为深入贯彻落实{G}，进一步做好{S}工作，现将有关事项通知如下：");
    private static readonly Template OpinionOpening = Template.Parse("为深入贯彻落实{G}，加快推进{S}，结合我区实际，现提出如下意见：");
    private static readonly Template BulletinOpening = Template.Parse("{Y}年，各街道、各部门认真贯彻落实区委、区政府部署要求，扎实推进{S}工作，取得积极成效。现将有关情况通报如下：");
    private static readonly Template ReplyOpening = Template.Parse("你单位关于{S}有关事项的请示收悉。经研究，现批复如下：");
    private static readonly Template IssueLine = Template.Parse("已经区政府同意，现印发给你们，请认真贯彻落实。");
    private static readonly Template InterpretationOpening = Template.Parse("为便于社会公众和有关单位准确理解{S}有关政策，现就主要内容解读如下。");
    private static readonly Template[] Sentences = Bank(GeneratorTexts.Sentences);
    private static readonly Template[] Leads = Template.ParseAll(GeneratorTexts.Leads);
    private static readonly Template[] Objects = Template.ParseAll(GeneratorTexts.Objects);
    private static readonly Template[] NewsSentences = Bank(GeneratorTexts.NewsSentences);
    private static readonly Template[] MeetingSentences = Bank(GeneratorTexts.MeetingSentences);
    private static readonly Template[] TrainingSentences = Bank(GeneratorTexts.TrainingSentences);
    private static readonly Template[] InspectionSentences = Bank(GeneratorTexts.InspectionSentences);
    private static readonly Template[] PublicitySentences = Template.ParseAll(GeneratorTexts.PublicitySentences);
    private static readonly Template[] AnnouncementSentences = Template.ParseAll(GeneratorTexts.AnnouncementSentences);
    private static readonly Template[] NoticeSentences = Template.ParseAll(GeneratorTexts.NoticeSentences);

    // Filler comes from subject owners, the government, its office and the streets. Bodies whose very names are search terms
    // of judged queries (公积金, 医保, 残疾人) own no filler subject, so they only issue planted documents.
    private static readonly Agency[] StreetAgencies = Agencies.Streets;
    private static readonly Dictionary<Agency, int> AgencyIndex = IndexAgencies();
    private static readonly int[] PrefixBase = PrefixBases();
    private static readonly int PrefixTotal = PrefixBase[^1] + Agencies.All[^1].Prefixes.Length;
    private static readonly string[] YearTexts = YearStrings();
    private static readonly string[] Guidances = GuidanceStrings();

    /// <summary>Numbers the planted documents own or cite, which filler must not reuse.</summary>
    private static readonly HashSet<string> Reserved = ReservedNumbers();

    [GeneratedRegex(@"[\u4e00-\u9fff]+〔\d{4}〕\d+号")]
    private static partial Regex CitedNumber();

    // ---- Per-enumeration state ----

    private sealed class State(Random rnd)
    {
        private readonly StringBuilder body = new(MaxBody + 200);
        private readonly StringBuilder small = new(128);
        private readonly int[] numberCounters = new int[PrefixTotal * YearCount];
        private readonly int[] indexCounters = new int[Agencies.All.Length * YearCount];
        private ulong usedSentences; // whole sentences already used in the current document (banks have at most 64 entries)
        private ulong usedNews;
        private ulong usedSpecific;
        private readonly int span = LastDay.DayNumber - FirstDay.DayNumber;

        public CorpusDocument Next(int i)
        {
            // Publication on a random day (independent of how many documents are asked for), office hours, China Standard Time.
            var published = DateOnly.FromDayNumber(FirstDay.DayNumber + rnd.Next(span + 1));
            var writtenOn = published.AddDays(-rnd.Next(0, 15));
            if (writtenOn < FirstDay) writtenOn = FirstDay;
            var minutes = 8 * 60 + 30 + rnd.Next(9 * 60);
            var publishedAt = new DateTimeOffset(published.Year, published.Month, published.Day, minutes / 60, minutes % 60, 0, ChinaOffset);
            var year = writtenOn.Year;

            var kind = PickKind();
            var subject = GeneratorTexts.Subjects[rnd.Next(GeneratorTexts.Subjects.Length)];

            TitleForm form = kind switch
            {
                Kind.Policy => Pick(PolicyForms),
                Kind.Normative => Pick(NormativeForms),
                Kind.Notice => Pick(NoticeForms),
                Kind.Plan => Pick(PlanForms),
                Kind.Interpretation => Pick(InterpretationForms),
                Kind.News => Pick(NewsForms),
                _ => rnd.Next(2) == 0 ? Pick(PolicyForms) : Pick(NormativeForms),
            };
            // A 批复 answers the owning department's request and comes from the district government or its office.
            var agency = form.Word == "批复" ? (rnd.Next(2) == 0 ? Agencies.Government : Agencies.Office) : PickAgency(kind, subject);
            var slots = new Slots(subject.Name, agency.ShortName, YearTexts[year - FirstYear], YearTexts[year - FirstYear + 2],
                Guidances[year - FirstYear], form.Word);

            small.Clear();
            form.Title.AppendTo(small, slots, rnd);
            var title = small.ToString();

            var documentNumber = kind switch
            {
                Kind.Policy or Kind.Normative or Kind.Retired => rnd.Next(10) < 9 ? NextNumber(agency, year) : null,
                Kind.Notice => form.Genre != "公示" && rnd.Next(10) < 4 ? NextNumber(agency, year) : null,
                Kind.Plan => rnd.Next(2) == 0 ? NextNumber(agency, year) : null,
                _ => null,
            };
            var indexNumber = kind == Kind.News ? null : NextIndex(agency, year);

            var validity = kind switch
            {
                Kind.Retired => rnd.Next(10) < 7 ? "失效" : "废止",
                Kind.Normative when year <= 2020 && rnd.Next(10) < 6 => "失效",
                Kind.Policy when year <= 2019 && rnd.Next(100) < 15 => "失效",
                Kind.Policy when rnd.Next(100) < 2 => "废止",
                Kind.Plan when year <= 2020 => "失效",
                _ => "有效",
            };

            var column = kind switch
            {
                Kind.Policy => subject.Column is { } c && rnd.Next(10) < 3 ? c : "其他文件",
                Kind.Normative => "行政规范性文件",
                Kind.Notice => "通知公告",
                Kind.Plan => "规划信息",
                Kind.Interpretation => "政策解读",
                Kind.News => "工作动态",
                _ => "废止失效文件",
            };

            var target = MinBody + (int)((MaxBody - MinBody) * Math.Pow(rnd.NextDouble(), 2.8));
            if (form.Word == "批复") target = Math.Min(target, 800);
            usedSentences = 0;
            usedNews = 0;
            usedSpecific = 0;
            var text = kind switch
            {
                Kind.News => NewsBody(slots, agency, form, published, target),
                Kind.Interpretation => InterpretationBody(slots, target),
                Kind.Notice when form.Genre != "通知" => AnnouncementBody(slots, agency, form, writtenOn, target),
                _ => PolicyBody(slots, agency, form, writtenOn, target, subject.Owner),
            };

            return new CorpusDocument(
                Key(i + 1), kind == Kind.Interpretation ? "interpretation" : "document", title, documentNumber, indexNumber, agency.Name,
                subject.Topic, form.Genre, validity, writtenOn, publishedAt, subject.Keywords, text, column);
        }

        private string Key(int n)
        {
            small.Clear();
            small.Append('G');
            AppendPadded(small, n, 7);
            return small.ToString();
        }

        private Kind PickKind()
        {
            var x = rnd.Next(KindTotal);
            foreach (var (kind, weight) in KindWeights)
            {
                if (x < weight) return kind;
                x -= weight;
            }
            return Kind.Policy;
        }

        /// <summary>Mostly the department that owns the subject; the district government and its office issue the rest;
        /// 街道 report their own work in the news.</summary>
        private Agency PickAgency(Kind kind, Subject subject)
        {
            var x = rnd.Next(100);
            return kind switch
            {
                Kind.News => x < 45 ? subject.Owner : x < 90 ? Pick(StreetAgencies) : Agencies.Office,
                Kind.Notice or Kind.Interpretation => x < 75 ? subject.Owner : Agencies.Office,
                _ => x < 65 ? subject.Owner : x < 88 ? Agencies.Office : Agencies.Government,
            };
        }

        private T Pick<T>(T[] items) => items[rnd.Next(items.Length)];

        /// <summary>A random entry not yet used in this document (the bank starts over once every entry has been used).</summary>
        private T PickUnused<T>(T[] items, ref ulong used)
        {
            if (BitOperations.PopCount(used) >= items.Length) used = 0;
            int i;
            do i = rnd.Next(items.Length);
            while ((used & (1UL << i)) != 0);
            used |= 1UL << i;
            return items[i];
        }

        /// <summary>Next 文号 of one of the agency's series, with the gaps real numbering has; never one the planted documents use.</summary>
        private string NextNumber(Agency agency, int year)
        {
            var series = rnd.Next(agency.Prefixes.Length);
            var slot = (PrefixBase[AgencyIndex[agency]] + series) * YearCount + (year - FirstYear);
            while (true)
            {
                numberCounters[slot] += rnd.Next(1, 3);
                small.Clear();
                small.Append(agency.Prefixes[series]).Append('〔').Append(year).Append('〕').Append(numberCounters[slot]).Append('号');
                var number = small.ToString();
                if (!Reserved.Contains(number)) return number;
            }
        }

        private string NextIndex(Agency agency, int year)
        {
            var slot = AgencyIndex[agency] * YearCount + (year - FirstYear);
            while (true)
            {
                var serial = ++indexCounters[slot];
                small.Clear();
                small.Append(agency.CreditCode).Append('/').Append(year).Append('-');
                AppendPadded(small, serial, 7);
                var index = small.ToString();
                if (!Reserved.Contains(index)) return index;
            }
        }

        private string PolicyBody(in Slots slots, Agency agency, TitleForm form, DateOnly writtenOn, int target, Agency owner)
        {
            var b = body.Clear();
            var bare = form.Genre is "办法" or "细则" or "规定" or "方案" or "规划";
            if (form.Word == "批复") b.Append(owner.ShortName).Append("：\n");
            else if (!bare) b.Append(Pick(GeneratorTexts.Salutations)).Append('\n');
            if (form.Attachment is { } attachment)
            {
                b.Append('《');
                attachment.AppendTo(b, slots, rnd);
                b.Append('》');
                IssueLine.AppendTo(b, slots, rnd);
                b.Append('\n');
                attachment.AppendTo(b, slots, rnd);
                b.Append('\n');
            }
            var opening = form.Word switch
            {
                "通知" => NoticeOpening,
                "意见" => OpinionOpening,
                "通报" => BulletinOpening,
                "批复" => ReplyOpening,
                _ => Pick(Openings),
            };
            opening.AppendTo(b, slots, rnd);
            b.Append('\n');

            var section = 0;
            var item = 0;
            var headingStart = rnd.Next(GeneratorTexts.TaskHeadings.Length);
            var limit = MaxBody - 80;
            while (b.Length < target && b.Length < limit)
            {
                var mark = b.Length;
                if (item % 4 == 0)
                {
                    b.Append(GeneratorTexts.Numerals[Math.Min(section, GeneratorTexts.Numerals.Length - 1)]).Append('、')
                        .Append(section == 0 ? FirstHeading(form.Word) : Pick(GeneratorTexts.SectionHeadings)).Append('\n');
                    section++;
                }
                // Stepping by 7 through 20 headings does not repeat one within a document.
                b.Append('（').Append(GeneratorTexts.Numerals[item % 4]).Append('）')
                    .Append(GeneratorTexts.TaskHeadings[(headingStart + item * 7) % GeneratorTexts.TaskHeadings.Length]).Append('。');
                var sentences = rnd.Next(1, 4);
                for (var s = 0; s < sentences; s++) AppendSentence(b, slots);
                if (b.Length > limit && item > 0)
                {
                    b.Length = mark;
                    break;
                }
                b.Append('\n');
                item++;
            }

            if (form.Word == "规划")
                b.Append("本规划由").Append(slots.Unit).Append("负责组织实施和解释，实施过程中根据实际情况适时评估调整。");
            else if (bare)
                b.Append("本").Append(form.Word).Append("自").Append(writtenOn.Year).Append('年').Append(writtenOn.Month).Append('月')
                    .Append(writtenOn.Day).Append("日起施行，由").Append(slots.Unit).Append("负责解释。");
            else if (form.Word == "通报")
                AppendSignature(b.Append("希望各单位以先进为榜样，再接再厉，推动").Append(slots.Subject).Append("工作再上新台阶。"), agency, writtenOn);
            else if (form.Word == "批复")
                AppendSignature(b.Append("此复。"), agency, writtenOn);
            else
                AppendSignature(b.Append("本").Append(form.Word).Append("自印发之日起施行。"), agency, writtenOn);
            return b.ToString();
        }

        private string AnnouncementBody(in Slots slots, Agency agency, TitleForm form, DateOnly writtenOn, int target)
        {
            var b = body.Clear();
            form.Opening!.AppendTo(b, slots, rnd);
            b.Append('\n');
            var closing = form.Genre switch { "公示" => PublicitySentences, "公告" => AnnouncementSentences, _ => NoticeSentences };
            var item = 0;
            // Numbered points in the middle, the 文种's own closing paragraph at the end.
            var limit = Math.Max(MinBody - 20, Math.Min(target, 1000) - 50); // announcements are short; the closing adds 35 or more
            while (b.Length < limit)
            {
                b.Append(GeneratorTexts.Numerals[Math.Min(item, GeneratorTexts.Numerals.Length - 1)]).Append('、');
                var sentences = rnd.Next(1, 3);
                for (var s = 0; s < sentences; s++) AppendSentence(b, slots);
                b.Append('\n');
                item++;
            }
            Pick(closing).AppendTo(b, slots, rnd);
            b.Append('\n').Append("特此").Append(form.Genre).Append('。');
            AppendSignature(b, agency, writtenOn);
            return b.ToString();
        }

        private string InterpretationBody(in Slots slots, int target)
        {
            var b = body.Clear();
            InterpretationOpening.AppendTo(b, slots, rnd);
            b.Append('\n');
            var q = 0;
            var perQuestion = 1 + target / 700; // longer interpretations answer each question at more length
            while (b.Length <= target && b.Length < MaxBody - 60 && q < GeneratorTexts.InterpretationQuestions.Length)
            {
                var mark = b.Length;
                b.Append(GeneratorTexts.Numerals[q]).Append('、').Append(GeneratorTexts.InterpretationQuestions[q]).Append('\n');
                var sentences = rnd.Next(1, 2 + perQuestion);
                for (var s = 0; s < sentences; s++) AppendSentence(b, slots);
                if (b.Length > MaxBody - 60 && q > 0)
                {
                    b.Length = mark;
                    break;
                }
                b.Append('\n');
                q++;
            }
            b.Length--; // drop the last paragraph break
            return b.ToString();
        }

        private string NewsBody(in Slots slots, Agency agency, TitleForm form, DateOnly day, int target)
        {
            var b = body.Clear();
            b.Append(day.Month).Append('月').Append(day.Day).Append("日，").Append(agency.Name);
            form.Opening!.AppendTo(b, slots, rnd);
            // News items are short; the sentences that fit the event (meeting, training, inspection) come first.
            var specific = form.Word switch { "会议" => MeetingSentences, "培训" => TrainingSentences, "检查" => InspectionSentences, _ => null };
            var limit = Math.Min(target, 1600);
            var paragraph = 0;
            while (b.Length < limit)
            {
                b.Append('\n');
                var sentences = rnd.Next(2, 4);
                for (var s = 0; s < sentences; s++)
                {
                    if (specific is not null && paragraph < 2 && s == 0) PickUnused(specific, ref usedSpecific).AppendTo(b, slots, rnd);
                    else if (rnd.Next(3) == 0) AppendSentence(b, slots);
                    else PickUnused(NewsSentences, ref usedNews).AppendTo(b, slots, rnd);
                }
                paragraph++;
            }
            return b.ToString();
        }

        /// <summary>Half whole template sentences, half composed from lead, verb, object and goal banks.</summary>
        private void AppendSentence(StringBuilder b, in Slots slots)
        {
            if (rnd.Next(2) == 0)
            {
                PickUnused(Sentences, ref usedSentences).AppendTo(b, slots, rnd);
                return;
            }
            Pick(Leads).AppendTo(b, slots, rnd);
            b.Append(Pick(GeneratorTexts.Verbs));
            Pick(Objects).AppendTo(b, slots, rnd);
            b.Append(Pick(GeneratorTexts.Goals));
        }

        private static string FirstHeading(string word) => word switch { "通报" => "基本情况", "批复" => "批复意见", _ => "总体要求" };

        private static void AppendSignature(StringBuilder b, Agency agency, DateOnly d) =>
            b.Append('\n').Append(agency.Name).Append('\n').Append(d.Year).Append('年').Append(d.Month).Append('月').Append(d.Day).Append('日');
    }

    private static void AppendPadded(StringBuilder b, int value, int width)
    {
        var digits = value < 10 ? 1 : (int)Math.Floor(Math.Log10(value)) + 1;
        for (var i = digits; i < width; i++) b.Append('0');
        b.Append(value);
    }

    // ---- Table builders ----

    private static int SumWeights()
    {
        var total = 0;
        foreach (var (_, w) in KindWeights) total += w;
        return total;
    }

    private static TitleForm[] Forms((string Text, string Genre)[] titles)
    {
        var withOpenings = new (string, string, string?)[titles.Length];
        for (var i = 0; i < titles.Length; i++) withOpenings[i] = (titles[i].Text, titles[i].Genre, null);
        return Forms(withOpenings);
    }

    private static TitleForm[] Forms((string Text, string Genre, string? Opening)[] titles)
    {
        var forms = new TitleForm[titles.Length];
        for (var i = 0; i < titles.Length; i++)
        {
            var (text, genre, opening) = titles[i];
            // "关于印发《X》的通知": the body is the issuing notice followed by X, whose kind word (方案, 办法 …) opens it.
            Template? attachment = null;
            var word = genre;
            var open = text.IndexOf("印发《", StringComparison.Ordinal);
            if (open >= 0)
            {
                var inner = text[(open + 3)..text.IndexOf('》')];
                attachment = Template.Parse(inner);
                word = inner.EndsWith("工作要点", StringComparison.Ordinal) ? "要点"
                    : inner.EndsWith("若干措施", StringComparison.Ordinal) ? "措施"
                    : inner.EndsWith("年）", StringComparison.Ordinal) ? "计划"
                    : inner[^2..];
            }
            if (genre == "其他") // news: what kind of event the item reports
                word = opening is null ? "动态" : opening.Contains("召开", StringComparison.Ordinal) ? "会议"
                    : opening.Contains("培训", StringComparison.Ordinal) ? "培训" : opening.Contains("检查", StringComparison.Ordinal) ? "检查" : "动态";
            forms[i] = new TitleForm(Template.Parse(text), genre, word, attachment, opening is null ? null : Template.Parse(opening));
        }
        return forms;
    }

    private static Dictionary<Agency, int> IndexAgencies()
    {
        var map = new Dictionary<Agency, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < Agencies.All.Length; i++) map[Agencies.All[i]] = i;
        return map;
    }

    /// <summary>Where each agency's 文号 series start in the flat counter array.</summary>
    private static int[] PrefixBases()
    {
        var bases = new int[Agencies.All.Length];
        var total = 0;
        for (var i = 0; i < bases.Length; i++)
        {
            bases[i] = total;
            total += Agencies.All[i].Prefixes.Length;
        }
        return bases;
    }

    /// <summary>A sentence bank used with <c>PickUnused</c>, whose bitmask holds 64 entries.</summary>
    private static Template[] Bank(string[] texts) =>
        texts.Length <= 64 ? Template.ParseAll(texts) : throw new InvalidOperationException("sentence banks hold at most 64 entries");

    private static string[] YearStrings()
    {
        var years = new string[YearCount + 2];
        for (var i = 0; i < years.Length; i++) years[i] = (FirstYear + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return years;
    }

    private static string[] GuidanceStrings()
    {
        var lines = new string[YearCount];
        for (var i = 0; i < lines.Length; i++) lines[i] = GeneratorTexts.Guidance(FirstYear + i);
        return lines;
    }

    private static HashSet<string> ReservedNumbers()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in PlantedDocuments.All)
        {
            if (d.DocumentNumber is { } n) set.Add(n);
            if (d.IndexNumber is { } x) set.Add(x);
            foreach (Match m in CitedNumber().Matches(d.Body)) set.Add(m.Value);
        }
        return set;
    }
}
