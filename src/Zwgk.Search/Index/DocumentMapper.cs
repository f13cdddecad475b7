using Lucene.Net.Documents;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Zwgk.Search.Index;

/// <summary>Maps a <see cref="SearchDocument"/> to Lucene fields (the schema is described in ADR 0004).</summary>
internal static class DocumentMapper
{
    /// <summary>Bodies beyond this are indexed but not stored whole: snippets come from the stored head.</summary>
    public const int StoredBodyLimit = 20_000;
    public const char Separator = '\u001f';

    public static LuceneDocument Map(SearchDocument d)
    {
        var doc = new LuceneDocument
        {
            new StringField(Fields.Key, d.Key, Field.Store.YES),
            new StringField(Fields.Type, d.ContentType, Field.Store.YES),
            new SortedDocValuesField(Fields.Type, new BytesRef(d.ContentType)),
            new StoredField(Fields.Url, d.Url),
            new StoredField(Fields.TitleStored, d.Title),
            new TextField(Fields.TitleWords, d.Title, Field.Store.NO),
            new TextField(Fields.TitleGrams, d.Title, Field.Store.NO),
            new TextField(Fields.Pinyin, d.Title, Field.Store.NO),
            new TextField(Fields.PinyinInitials, d.Title, Field.Store.NO),
            // Twice: a title word counts more than a body word in the first-phase ranking (a poor man's BM25F).
            new TextField(Fields.AllWords, d.Title, Field.Store.NO),
            new TextField(Fields.AllWords, d.Title, Field.Store.NO),
        };
        if (!string.IsNullOrWhiteSpace(d.Keywords))
        {
            doc.Add(new TextField(Fields.KeywordWords, d.Keywords, Field.Store.NO));
            doc.Add(new TextField(Fields.Pinyin, d.Keywords, Field.Store.NO));
            doc.Add(new TextField(Fields.PinyinInitials, d.Keywords, Field.Store.NO));
            doc.Add(new TextField(Fields.AllWords, d.Keywords, Field.Store.NO));
        }
        if (!string.IsNullOrWhiteSpace(d.DocumentNumber))
        {
            doc.Add(new StoredField(Fields.NumberStored, d.DocumentNumber));
            doc.Add(new StringField(Fields.NumberExact, d.DocumentNumber, Field.Store.NO));
            doc.Add(new TextField(Fields.NumberGrams, d.DocumentNumber, Field.Store.NO));
        }
        if (!string.IsNullOrWhiteSpace(d.IndexNumber))
        {
            doc.Add(new StoredField(Fields.IndexStored, d.IndexNumber));
            doc.Add(new StringField(Fields.IndexExact, d.IndexNumber.ToLowerInvariant(), Field.Store.NO));
        }
        if (!string.IsNullOrWhiteSpace(d.Summary))
        {
            doc.Add(new StoredField(Fields.SummaryStored, d.Summary));
            doc.Add(new TextField(Fields.BodyWords, d.Summary, Field.Store.NO));
            doc.Add(new TextField(Fields.AllWords, d.Summary, Field.Store.NO));
            doc.Add(new TextField(Fields.BodyGrams, d.Summary, Field.Store.NO));
        }
        if (d.Body.Length > 0)
        {
            doc.Add(new StoredField(Fields.BodyStored, d.Body.Length > StoredBodyLimit ? d.Body[..StoredBodyLimit] : d.Body));
            doc.Add(new TextField(Fields.BodyWords, d.Body, Field.Store.NO));
            doc.Add(new TextField(Fields.AllWords, d.Body, Field.Store.NO));
            doc.Add(new TextField(Fields.BodyGrams, d.Body, Field.Store.NO));
        }
        if (d.Agencies.Count > 0)
        {
            doc.Add(new StoredField(Fields.AgencyStored, string.Join(Separator, d.Agencies)));
            foreach (var a in d.Agencies.Distinct())
            {
                doc.Add(new StringField(Fields.Agency, a, Field.Store.NO));
                doc.Add(new SortedSetDocValuesField(Fields.Agency, new BytesRef(a)));
            }
        }
        if (!string.IsNullOrWhiteSpace(d.Topic))
        {
            var level1 = TopicLevel1(d.Topic);
            doc.Add(new StoredField(Fields.Topic + "_s", d.Topic));
            doc.Add(new StringField(Fields.Topic, level1, Field.Store.NO));
            doc.Add(new SortedDocValuesField(Fields.Topic1, new BytesRef(level1)));
            if (level1.Length != d.Topic.Length)
            {
                doc.Add(new StringField(Fields.Topic, d.Topic, Field.Store.NO));
                doc.Add(new SortedDocValuesField(Fields.Topic, new BytesRef(d.Topic)));
            }
        }
        AddSingle(doc, Fields.Genre, d.Genre);
        AddSingle(doc, Fields.Validity, d.Validity);
        var year = d.PublishedAt?.Year ?? d.WrittenOn?.Year;
        if (year is int y) AddSingle(doc, Fields.Year, y.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var c in d.Columns.Distinct())
        {
            doc.Add(new StringField(Fields.Column, c, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(Fields.Column, new BytesRef(c)));
        }
        var ticks = d.PublishedAt?.UtcTicks ?? 0L;
        doc.Add(new NumericDocValuesField(Fields.Date, ticks));
        doc.Add(new StoredField(Fields.DateStored, ticks));
        return doc;
    }

    public static string TopicLevel1(string topic)
    {
        var i = topic.IndexOf('\\');
        return i < 0 ? topic : topic[..i];
    }

    private static void AddSingle(LuceneDocument doc, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        doc.Add(new StringField(field, value, Field.Store.YES));
        doc.Add(new SortedDocValuesField(field, new BytesRef(value)));
    }
}
