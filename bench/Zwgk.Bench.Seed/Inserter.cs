using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Zwgk.Bench.Seed;

/// <summary>Writes generated rows with prepared statements inside the caller's transaction.</summary>
internal static class Inserter
{
    private const string CreatedBy = "bench-seed";

    /// <summary>Inserts <paramref name="count"/> generated documents, then the relations and 索引号 counters the generator collected; returns the number inserted.</summary>
    public static int Insert(SqliteConnection connection, SqliteTransaction tx, DocumentGenerator generator, int count)
    {
        string[] names =
        [
            "Id", "IndexNumber", "Title", "DocumentNumber", "WrittenOn", "PublishedAt", "TopicCategory", "Genre", "Disclosure", "DisclosureMethod",
            "Validity", "EffectiveOn", "ExpiresOn", "IsNormative", "NormativeRegistrationNumber", "Keywords", "Summary", "BodyHtml", "OwnerUnitId",
            "Status", "PendingReviewLevel", "RequiredReviewLevels", "Version", "CreatedAt", "UpdatedAt", "CreatedBy",
        ];
        using var doc = Prepare(connection, tx,
            $"""INSERT INTO "Documents" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", names.Select(n => "$" + n))})""",
            names);
        using var issuer = Prepare(connection, tx, """INSERT INTO "DocumentIssuers" ("DocumentId", "UnitId", "Order") VALUES ($d, $u, $o)""", "d", "u", "o");
        using var column = Prepare(connection, tx, """INSERT INTO "DocumentColumns" ("DocumentId", "ColumnId") VALUES ($d, $c)""", "d", "c");
        var p = doc.Parameters;

        var inserted = 0;
        foreach (var d in generator.Generate(count))
        {
            inserted++;
            var created = d.PublishedAt.AddDays(-1).UtcTicks;
            Set(p, 0, d.Id);
            Set(p, 1, d.IndexNumber);
            Set(p, 2, d.Title);
            Set(p, 3, d.DocumentNumber);
            Set(p, 4, d.WrittenOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Set(p, 5, d.PublishedAt.UtcTicks);
            Set(p, 6, d.TopicCategory);
            Set(p, 7, d.Genre);
            Set(p, 8, 1); // DisclosureAttribute.Proactive
            Set(p, 9, "政府网站");
            Set(p, 10, d.Validity);
            Set(p, 11, d.EffectiveOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Set(p, 12, d.ExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Set(p, 13, d.IsNormative ? 1 : 0);
            Set(p, 14, d.NormativeRegistrationNumber);
            Set(p, 15, d.Keywords);
            Set(p, 16, d.Summary);
            Set(p, 17, d.BodyHtml);
            Set(p, 18, d.OwnerUnitId);
            Set(p, 19, 4); // DocumentStatus.Published
            Set(p, 20, 0);
            Set(p, 21, 3);
            Set(p, 22, 1);
            Set(p, 23, created);
            Set(p, 24, d.PublishedAt.UtcTicks);
            Set(p, 25, CreatedBy);
            doc.ExecuteNonQuery();

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
        foreach (var name in parameters) cmd.Parameters.Add(new SqliteParameter("$" + name, null));
        cmd.Prepare();
        return cmd;
    }

    private static void Set(SqliteParameterCollection p, int index, object? value) => p[index].Value = value ?? DBNull.Value;
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
