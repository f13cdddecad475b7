using Microsoft.Data.Sqlite;

namespace Zwgk.Bench.Seed;

internal sealed record UnitRow(int Id, string Code, string Name, string? ShortName, int Kind, string? CreditCode, string? OrganizationCode)
{
    /// <summary>Same precedence as the app's default 索引号 rule (credit code, then organisation code, then internal code).</summary>
    public string IndexCode => CreditCode ?? OrganizationCode ?? Code;
}

internal sealed record ColumnRow(int Id, int? ParentId, string Slug, string Name, int Type, bool IsVisible);

/// <summary>What already exists in the database: units, columns, 索引号 counters, used 文号 and the next free document id.</summary>
internal sealed class Catalog
{
    public const int DocumentListType = 1;

    public required IReadOnlyList<UnitRow> Units { get; init; }
    public required IReadOnlyList<ColumnRow> Columns { get; init; }
    public required Dictionary<(string Code, int Year), long> IndexCounters { get; init; }
    public required HashSet<string> DocumentNumbers { get; init; }
    public required HashSet<string> IndexNumbers { get; init; }
    public required int NextDocumentId { get; init; }

    /// <summary>Document-list columns without document-list children (where documents are normally filed).</summary>
    public IReadOnlyList<ColumnRow> LeafListColumns => Columns
        .Where(c => c.Type == DocumentListType && c.IsVisible && !Columns.Any(k => k.ParentId == c.Id && k.Type == DocumentListType))
        .ToList();

    public static Catalog Load(SqliteConnection connection)
    {
        if (Scalar<long>(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('Documents','Units','Columns','DocumentIssuers','DocumentColumns','IndexCounters')") < 6)
            throw new InvalidOperationException("schema missing: start the web app once so it applies the migrations");

        var units = new List<UnitRow>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """SELECT "Id", "Code", "Name", "ShortName", "Kind", "CreditCode", "OrganizationCode" FROM "Units" WHERE "IsActive" = 1 ORDER BY "SortOrder", "Id" """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
                units.Add(new UnitRow(r.GetInt32(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetInt32(4),
                    r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6)));
        }
        if (units.Count == 0) throw new InvalidOperationException("no units: start the web app once so it seeds the unit tree");

        var columns = new List<ColumnRow>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """SELECT "Id", "ParentId", "Slug", "Name", "Type", "IsVisible" FROM "Columns" ORDER BY "SortOrder", "Id" """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
                columns.Add(new ColumnRow(r.GetInt32(0), r.IsDBNull(1) ? null : r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetBoolean(5)));
        }
        if (!columns.Any(c => c.Type == DocumentListType)) throw new InvalidOperationException("no document-list columns: start the web app once so it seeds the catalog");

        var counters = new Dictionary<(string, int), long>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """SELECT "UnitCode", "Year", "Value" FROM "IndexCounters" """;
            using var r = cmd.ExecuteReader();
            while (r.Read()) counters[(r.GetString(0), r.GetInt32(1))] = r.GetInt64(2);
        }

        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var indexNumbers = new HashSet<string>(StringComparer.Ordinal);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """SELECT "DocumentNumber", "IndexNumber" FROM "Documents" """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (!r.IsDBNull(0)) numbers.Add(r.GetString(0));
                if (!r.IsDBNull(1)) indexNumbers.Add(r.GetString(1));
            }
        }

        // AUTOINCREMENT: never reuse an id the app has handed out, even if that row was deleted since.
        var maxId = Math.Max(
            Scalar<long>(connection, """SELECT COALESCE(MAX("Id"), 0) FROM "Documents" """),
            Scalar<long>(connection, "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'Documents'), 0)"));

        return new Catalog
        {
            Units = units, Columns = columns, IndexCounters = counters, DocumentNumbers = numbers, IndexNumbers = indexNumbers,
            NextDocumentId = checked((int)maxId + 1),
        };
    }

    public static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
