using System.Text.RegularExpressions;

namespace Zwgk.Bench.Corpus;

/// <summary>Consistency checks run once when the corpus is first used; any failure throws with every problem listed.</summary>
internal static partial class CorpusValidation
{
    public const int MinBody = 300;
    public const int MaxBody = 1500;

    [GeneratedRegex(@"^P\d{3}$")]
    private static partial Regex PlantedKey();

    public static void Validate(IReadOnlyList<CorpusDocument> documents, IReadOnlyList<JudgedQuery> queries)
    {
        var errors = new List<string>();
        var byKey = new Dictionary<string, CorpusDocument>(StringComparer.Ordinal);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var indexes = new HashSet<string>(StringComparer.Ordinal);
        var titles = new HashSet<string>(StringComparer.Ordinal);

        foreach (var d in documents)
        {
            if (!PlantedKey().IsMatch(d.Key)) errors.Add($"{d.Key}: key must look like P001");
            if (!byKey.TryAdd(d.Key, d)) errors.Add($"{d.Key}: duplicate key");
            if (!titles.Add(d.Title)) errors.Add($"{d.Key}: duplicate title {d.Title}");
            if (d.DocumentNumber is { } no && !numbers.Add(no)) errors.Add($"{d.Key}: duplicate 文号 {no}");
            if (d.IndexNumber is { } ix && !indexes.Add(ix)) errors.Add($"{d.Key}: duplicate 索引号 {ix}");
            if (!Taxonomy.ContentTypes.Contains(d.ContentType)) errors.Add($"{d.Key}: unknown content type {d.ContentType}");
            if (!Taxonomy.TopicValues.Contains(d.Topic)) errors.Add($"{d.Key}: invalid 主题分类 {d.Topic}");
            if (!Taxonomy.GenreValues.Contains(d.Genre)) errors.Add($"{d.Key}: invalid 体裁 {d.Genre}");
            if (!Taxonomy.ValidityValues.Contains(d.Validity)) errors.Add($"{d.Key}: invalid validity {d.Validity}");
            if ((d.ContentType == "interpretation") != (d.Genre == "解读") || (d.ContentType == "interpretation") != (d.Column == "政策解读"))
                errors.Add($"{d.Key}: interpretations (and only they) have genre 解读 and column 政策解读");
            if (d.Body.Length is < MinBody or > MaxBody) errors.Add($"{d.Key}: body has {d.Body.Length} characters, expected {MinBody}–{MaxBody}");
            if (d.Body.Contains("\n\n", StringComparison.Ordinal) || d.Body != d.Body.Trim()) errors.Add($"{d.Key}: body has empty paragraphs or padding");
            if (DateOnly.FromDateTime(d.PublishedAt.DateTime) < d.WrittenOn) errors.Add($"{d.Key}: published before written");
            if (d.PublishedAt.Year != d.WrittenOn.Year) errors.Add($"{d.Key}: published in another year than written");
            if (string.IsNullOrWhiteSpace(d.Title) || string.IsNullOrWhiteSpace(d.Agency) || string.IsNullOrWhiteSpace(d.Column))
                errors.Add($"{d.Key}: empty title, agency or column");
        }

        var seenQueries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var q in queries)
        {
            var id = $"query \"{q.Query}\"";
            if (string.IsNullOrWhiteSpace(q.Query)) errors.Add("empty query");
            if (!seenQueries.Add($"{q.Query}|{q.TopicFilter}|{q.GenreFilter}|{q.YearFilter}")) errors.Add($"{id}: duplicate");
            if (!Taxonomy.QueryClasses.Contains(q.Class)) errors.Add($"{id}: unknown class {q.Class}");
            if (q.Relevant.Count == 0) errors.Add($"{id}: no relevant document");
            if (q.Relevant.Distinct(StringComparer.Ordinal).Count() != q.Relevant.Count) errors.Add($"{id}: repeated relevant key");
            if (q.TopicFilter is { } t && !Taxonomy.TopicValues.Contains(t)) errors.Add($"{id}: invalid topic filter {t}");
            if (q.GenreFilter is { } g && !Taxonomy.GenreValues.Contains(g)) errors.Add($"{id}: invalid genre filter {g}");
            var hasFilter = q.TopicFilter is not null || q.GenreFilter is not null || q.YearFilter is not null;
            if ((q.Class == "filtered") != hasFilter) errors.Add($"{id}: filters are set exactly on class \"filtered\"");

            foreach (var key in q.Relevant)
            {
                if (!byKey.TryGetValue(key, out var d))
                {
                    errors.Add($"{id}: relevant key {key} is not a planted document");
                    continue;
                }
                if (q.TopicFilter is { } tf && d.Topic != tf && !d.Topic.StartsWith(tf + Taxonomy.Separator, StringComparison.Ordinal))
                    errors.Add($"{id}: {key} does not match the topic filter");
                if (q.GenreFilter is { } gf && d.Genre != gf) errors.Add($"{id}: {key} does not match the genre filter");
                if (q.YearFilter is { } y && d.WrittenOn.Year != y) errors.Add($"{id}: {key} does not match the year filter");
                // Number queries: every answer carries the (normalised) 文号 or 索引号, the best one as its own number.
                if (q.Class == "number")
                {
                    var number = q.Query.Replace('[', '〔').Replace(']', '〕').Replace(" ", "", StringComparison.Ordinal);
                    var own = d.DocumentNumber == number || d.IndexNumber == number;
                    if (key == q.Relevant[0] ? !own : !own && !d.Body.Contains(number, StringComparison.Ordinal))
                        errors.Add($"{id}: {key} does not carry the number");
                }
                // Colloquial queries test the plain-language dictionary: the answers must use only the official wording.
                if (q.Class == "colloquial" && (d.Title.Contains(q.Query, StringComparison.Ordinal) || d.Body.Contains(q.Query, StringComparison.Ordinal)
                        || (d.Keywords?.Contains(q.Query, StringComparison.Ordinal) ?? false)))
                    errors.Add($"{id}: colloquial term appears literally in relevant document {key}");
            }
        }

        if (errors.Count > 0)
            throw new InvalidOperationException("The planted relevance corpus is inconsistent:\n  " + string.Join("\n  ", errors));
    }
}
