namespace Zwgk.Domain.Import;

/// <summary>Lengths of the columns the importer adds (to be merged into the shared FieldLengths).</summary>
public static class ImportFieldLengths
{
    /// <summary>发文机关 of an outside agency (上级文件: city, province, State Council), kept as text.</summary>
    public const int ExternalIssuer = 200;

    /// <summary>Original address of a page migrated from an old site.</summary>
    public const int SourceUrl = 1000;
}
