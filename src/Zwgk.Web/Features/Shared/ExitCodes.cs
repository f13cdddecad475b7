namespace Zwgk.Web.Features.Shared;

/// <summary>Exit codes of the command-line commands (shared by the parser in Hosting and the commands in features).</summary>
public static class ExitCodes
{
    public const int UsageError = 2;
}
