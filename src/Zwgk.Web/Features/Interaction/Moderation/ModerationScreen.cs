using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Interaction;

namespace Zwgk.Web.Features.Interaction.Moderation;

/// <summary>Zwgk:Interaction:Moderation:* — the words the 公开办 adds to the default sensitive-word list.</summary>
public sealed class ModerationOptions
{
    public const string Section = "Zwgk:Interaction:Moderation";
    [MaxLength(2000)] public List<string> ExtraWords { get; set; } = [];
    /// <summary>Turn the built-in list off (a site that keeps its whole list in ExtraWords).</summary>
    public bool UseDefaults { get; set; } = true;
}

/// <summary>The one screen every interaction feature runs public writing through (messages, comments, interview questions).</summary>
public sealed class ModerationScreen(IOptions<ModerationOptions> options)
{
    private readonly SensitiveWords words = new((options.Value.UseDefaults ? SensitiveWords.Defaults : []).Concat(options.Value.ExtraWords));

    public ScreenResult Screen(params string?[] texts) => words.Screen(texts);

    public IReadOnlyList<string> Words => words.Listed;
}

public static class ModerationExtensions
{
    public static IServiceCollection AddModeration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ModerationOptions>().Bind(configuration.GetSection(ModerationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ModerationScreen>();
        return services;
    }
}
