using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Zwgk.Bench.Seed;

/// <summary>Writes generated rows with prepared statements inside the caller's transaction.</summary>
internal static class Inserter
{
    private const string CreatedBy = "bench-seed";

    /// <summary>Values the generator knows for "Documents" columns, by column name.</summary>
    private static readonly (string Name, Func<GeneratedDocument, object?> Value)[] DocumentValues =
    [
        ("Id", d => d.Id),
        ("IndexNumber", d => d.IndexNumber),
        ("Title", d => d.Title),
        ("DocumentNumber", d => d.DocumentNumber),
        ("WrittenOn", d => d.WrittenOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("PublishedAt", d => d.PublishedAt.UtcTicks),
        ("TopicCategory", d => d.TopicCategory),
        ("Genre", d => d.Genre),
        ("Disclosure", _ => 1), // DisclosureAttribute.Proactive
        ("DisclosureReason", _ => null),
        ("DisclosureMethod", _ => "政府网站"),
        ("Validity", d => d.Validity),
        ("EffectiveOn", d => d.EffectiveOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("ExpiresOn", d => d.ExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("IsNormative", d => d.IsNormative ? 1 : 0),
        ("NormativeRegistrationNumber", d => d.NormativeRegistrationNumber),
        ("Keywords", d => d.Keywords),
        ("Summary", d => d.Summary),
        ("BodyHtml", d => d.BodyHtml),
        ("OwnerUnitId", d => d.OwnerUnitId),
        ("Status", _ => 4), // DocumentStatus.Published
        ("PendingReviewLevel", _ => 0),
        ("RequiredReviewLevels", _ => 3),
        ("Version", _ => 1),
        ("CreatedAt", d => d.PublishedAt.AddDays(-1).UtcTicks),
        ("UpdatedAt", d => d.PublishedAt.UtcTicks),
        ("CreatedBy", _ => CreatedBy),
    ];

    /// <summary>
    /// Inserts <paramref name="count"/> generated documents, then the relations and 索引号 counters the generator collected;
    /// returns the number inserted. Follows the live schema: only columns that exist are written, the body goes to
    /// "DocumentBodies" when it is split out of "Documents", and the "ColumnListings" read model is filled when present.
    /// </summary>
    public static int Insert(SqliteConnection connection, SqliteTransaction tx, DocumentGenerator generator, int count, IReadOnlyList<ColumnRow> columns)
    {
        var schema = Schema.Read(connection, tx);
        var docColumns = DocumentValues.Where(v => schema.Documents.ContainsKey(v.Name)).ToArray();
        var unknown = schema.Documents.Values.Where(c => c.Required && !DocumentValues.Any(v => v.Name == c.Name)).Select(c => c.Name).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Documents has required columns the generator does not know: {string.Join(", ", unknown)}; update bench/Zwgk.Bench.Seed");
        var bodyInDocuments = schema.Documents.ContainsKey("BodyHtml");
        if (!bodyInDocuments && !schema.HasDocumentBodies)
            throw new InvalidOperationException("neither Documents.BodyHtml nor a DocumentBodies table exists; update bench/Zwgk.Bench.Seed");

        using var doc = Prepare(connection, tx,
            $"""INSERT INTO "Documents" ({string.Join(", ", docColumns.Select(v => $"\"{v.Name}\""))}) VALUES ({string.Join(", ", docColumns.Select((_, i) => $"$p{i}"))})""",
            docColumns.Select((_, i) => $"p{i}").ToArray());
        using var body = bodyInDocuments ? null
            : Prepare(connection, tx, """INSERT INTO "DocumentBodies" ("Id", "BodyHtml") VALUES ($id, $b)""", "id", "b");
        using var issuer = Prepare(connection, tx, """INSERT INTO "DocumentIssuers" ("DocumentId", "UnitId", "Order") VALUES ($d, $u, $o)""", "d", "u", "o");
        using var column = Prepare(connection, tx, """INSERT INTO "DocumentColumns" ("DocumentId", "ColumnId") VALUES ($d, $c)""", "d", "c");
        using var listing = schema.ColumnListings is { } lc
            ? Prepare(connection, tx, lc.Contains("PublishedAt")
                ? """INSERT OR IGNORE INTO "ColumnListings" ("ColumnId", "DocumentId", "PublishedAt") VALUES ($c, $d, $t)"""
                : """INSERT OR IGNORE INTO "ColumnListings" ("ColumnId", "DocumentId") VALUES ($c, $d)""", "c", "d", "t")
            : null;
        var parentOf = columns.ToDictionary(c => c.Id, c => c.ParentId);
        var listed = new HashSet<int>();

        var inserted = 0;
        foreach (var d in generator.Generate(count))
        {
            inserted++;
            for (var i = 0; i < docColumns.Length; i++) Set(doc.Parameters, i, docColumns[i].Value(d));
            doc.ExecuteNonQuery();
            if (body is not null)
            {
                Set(body.Parameters, 0, d.Id);
                Set(body.Parameters, 1, d.BodyHtml);
                body.ExecuteNonQuery();
            }

            for (var i = 0; i < d.IssuerUnitIds.Count; i++)
            {
                Set(issuer.Parameters, 0, d.Id);
                Set(issuer.Parameters, 1, d.IssuerUnitIds[i]);
                Set(issuer.Parameters, 2, i);
                issuer.ExecuteNonQuery();
            }
            foreach (var c in d.ColumnIds)
            {
                Set(column.Parameters, 0, d.Id);
                Set(column.Parameters, 1, c);
                column.ExecuteNonQuery();
            }
            if (listing is not null)
            {
                // One row per column the document is filed under and per ancestor of those columns.
                listed.Clear();
                foreach (var c in d.ColumnIds)
                    for (int? k = c; k is int id && listed.Add(id); k = parentOf.GetValueOrDefault(id))
                    {
                        Set(listing.Parameters, 0, id);
                        Set(listing.Parameters, 1, d.Id);
                        Set(listing.Parameters, 2, d.PublishedAt.UtcTicks);
                        listing.ExecuteNonQuery();
                    }
            }
        }

        using var relation = Prepare(connection, tx,
            """INSERT OR IGNORE INTO "DocumentRelations" ("FromDocumentId", "ToDocumentId", "Type", "Note") VALUES ($f, $t, $y, NULL)""", "f", "t", "y");
        foreach (var r in generator.Relations)
        {
            Set(relation.Parameters, 0, r.FromId);
            Set(relation.Parameters, 1, r.ToId);
            Set(relation.Parameters, 2, r.Type);
            relation.ExecuteNonQuery();
        }

        // Keep the app's 索引号 counters ahead of the generated numbers so documents published later do not collide.
        using var counter = Prepare(connection, tx, """
            INSERT INTO "IndexCounters" ("UnitCode", "Year", "Value") VALUES ($c, $y, $v)
            ON CONFLICT ("UnitCode", "Year") DO UPDATE SET "Value" = MAX("IndexCounters"."Value", excluded."Value")
            """, "c", "y", "v");
        foreach (var ((code, year), value) in generator.IndexCounters)
        {
            Set(counter.Parameters, 0, code);
            Set(counter.Parameters, 1, year);
            Set(counter.Parameters, 2, value);
            counter.ExecuteNonQuery();
        }
        return inserted;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var name in parameters)
            if (sql.Contains("$" + name, StringComparison.Ordinal)) cmd.Parameters.Add(new SqliteParameter("$" + name, null));
        cmd.Prepare();
        return cmd;
    }

    private static void Set(SqliteParameterCollection p, int index, object? value)
    {
        if (index < p.Count) p[index].Value = value ?? DBNull.Value;
    }
}

/// <summary>The parts of the live schema the inserter adapts to (the app's migrations own the schema).</summary>
internal sealed record Schema(IReadOnlyDictionary<string, Schema.ColumnInfo> Documents, bool HasDocumentBodies, IReadOnlySet<string>? ColumnListings)
{
    public sealed record ColumnInfo(string Name, bool Required);

    public static Schema Read(SqliteConnection connection, SqliteTransaction? tx)
    {
        Dictionary<string, ColumnInfo> Columns(string table)
        {
            var result = new Dictionary<string, ColumnInfo>(StringComparer.Ordinal);
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT name, \"notnull\", dflt_value, pk FROM pragma_table_info($t)";
            cmd.Parameters.AddWithValue("$t", table);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                result[r.GetString(0)] = new ColumnInfo(r.GetString(0), r.GetInt64(1) == 1 && r.IsDBNull(2) && r.GetInt64(3) == 0);
            return result;
        }
        var bodies = Columns("DocumentBodies");
        var listings = Columns("ColumnListings");
        if (listings.Count > 0)
        {
            var extra = listings.Values.Where(c => c.Required && c.Name is not ("ColumnId" or "DocumentId" or "PublishedAt")).Select(c => c.Name).ToList();
            if (extra.Count > 0 || !listings.ContainsKey("ColumnId") || !listings.ContainsKey("DocumentId"))
                throw new InvalidOperationException($"ColumnListings has a shape the generator does not know ({string.Join(", ", listings.Keys)}); update bench/Zwgk.Bench.Seed");
        }
        return new Schema(Columns("Documents"), bodies.ContainsKey("Id") && bodies.ContainsKey("BodyHtml"),
            listings.Count > 0 ? listings.Keys.ToHashSet(StringComparer.Ordinal) : null);
    }
}

/// <summary>Post-seed facts the benchmark scripts read (as KEY=VALUE lines).</summary>
internal sealed record Stats(long PublicDocuments, long MinId, long MaxId, int ListColumnId, string ListColumnSlug, string ListColumnName,
    long ListColumnDocuments, int FirstYear, int LastYear, long DatabaseBytes)
{
    public static Stats Read(SqliteConnection connection, string slug)
    {
        const string Public = """ "Status" = 4 AND "Disclosure" = 1 """;
        var count = Catalog.Scalar<long>(connection, $"""SELECT COUNT(*) FROM "Documents" WHERE {Public}""");
        var min = Catalog.Scalar<long>(connection, $"""SELECT COALESCE(MIN("Id"), 0) FROM "Documents" WHERE {Public}""");
        var max = Catalog.Scalar<long>(connection, $"""SELECT COALESCE(MAX("Id"), 0) FROM "Documents" WHERE {Public}""");
        int columnId = 0;
        string name = "";
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """SELECT "Id", "Name" FROM "Columns" WHERE "Slug" = $s ORDER BY "Id" LIMIT 1""";
            cmd.Parameters.AddWithValue("$s", slug);
            using var r = cmd.ExecuteReader();
            if (r.Read()) { columnId = r.GetInt32(0); name = r.GetString(1); }
        }
        var inColumn = Catalog.Scalar<long>(connection, $"""SELECT COUNT(*) FROM "DocumentColumns" WHERE "ColumnId" = {columnId}""");
        var firstTicks = Catalog.Scalar<long>(connection, $"""SELECT COALESCE(MIN("PublishedAt"), 0) FROM "Documents" WHERE {Public}""");
        var lastTicks = Catalog.Scalar<long>(connection, $"""SELECT COALESCE(MAX("PublishedAt"), 0) FROM "Documents" WHERE {Public}""");
        var cst = TimeSpan.FromHours(8);
        var bytes = Catalog.Scalar<long>(connection, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
        return new Stats(count, min, max, columnId, slug, name, inColumn,
            new DateTimeOffset(firstTicks, TimeSpan.Zero).ToOffset(cst).Year, new DateTimeOffset(lastTicks, TimeSpan.Zero).ToOffset(cst).Year, bytes);
    }

    public IEnumerable<KeyValuePair<string, string>> ToEnv()
    {
        string S(long v) => v.ToString(CultureInfo.InvariantCulture);
        yield return new("DOC_COUNT", S(PublicDocuments));
        yield return new("DOC_MIN_ID", S(MinId));
        yield return new("DOC_MAX_ID", S(MaxId));
        yield return new("LIST_COLUMN_ID", S(ListColumnId));
        yield return new("LIST_COLUMN_SLUG", ListColumnSlug);
        yield return new("LIST_COLUMN_NAME", ListColumnName);
        yield return new("LIST_COLUMN_DOCS", S(ListColumnDocuments));
        yield return new("YEAR_MIN", S(FirstYear));
        yield return new("YEAR_MAX", S(LastYear));
        yield return new("DB_BYTES", S(DatabaseBytes));
    }
}
