namespace Zwgk.Import.Tests;

/// <summary>Access to the files under Fixtures/ (copied next to the test assembly).</summary>
internal static class Fixtures
{
    public const string Seed000 = "seeds/000_2b45749dc7164739.txt";
    public const string Seed001 = "seeds/001_cfe5bbab97bba859.txt";
    public const string Seed003 = "seeds/003_98f1dd9e57994402.txt";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string ReadText(string name) => File.ReadAllText(PathOf(name));
}
