using System.Runtime.CompilerServices;

namespace Zwgk.Tests.Support;

/// <summary>
/// Settings every test host needs, applied once when the test assembly loads. The suite runs many app hosts at once; each
/// would otherwise watch appsettings.json and wwwroot through inotify, and the machine's per-user limit (128 instances) runs
/// out ("The configured user limit (128) on the number of inotify instances has been reached"). Tests never edit those
/// files while a host runs, so config reload is off and the remaining watchers poll instead of using inotify.
/// </summary>
internal static class TestEnvironment
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
