namespace Zwgk.Tests.Support;

/// <summary>PostgreSQL-backed tests share one server; run them one class at a time to keep connection counts low.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresCollection
{
    public const string Name = "postgres";
}
