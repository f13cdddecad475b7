using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zwgk.Domain.Interaction.Messages;
using Zwgk.Infrastructure.Data;
using Zwgk.Tests.Support;
using Zwgk.Web.Features.Qa.Ask;

namespace Zwgk.Tests.QaAsk;

/// <summary>A fresh demo start shows answered 政策咨询 in 网友政策咨询 (names masked); loading the demo again adds nothing.</summary>
public sealed class QaAskDemoTests : IAsyncLifetime
{
    private readonly ZwgkFactory _factory = new(DatabaseProvider.Sqlite, loadDemo: true);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Demo_policy_questions_are_listed_on_the_ask_page_once()
    {
        var html = WebUtility.HtmlDecode(await _factory.CreateClient().GetStringAsync("/zcwd/ask"));
        Assert.Contains("网友政策咨询", html);
        Assert.Contains("外地户籍能申请公共租赁住房吗", html);
        Assert.Contains("李**", html);
        Assert.DoesNotContain("李女士", html);
        Assert.DoesNotContain("异地就医备案需要什么材料", html); // not answered yet

        int Count(ZwgkDbContext db) => db.Messages.Count(m => m.Type == MessageType.PolicyQuestion);
        var before = await _factory.WithScopeAsync(sp => Task.FromResult(Count(sp.GetRequiredService<ZwgkDbContext>())));
        Assert.Equal(3, before);
        await _factory.WithScopeAsync(async sp => { await QaAskDemo.LoadAsync(sp); return 0; });
        Assert.Equal(before, await _factory.WithScopeAsync(sp => Task.FromResult(Count(sp.GetRequiredService<ZwgkDbContext>()))));
    }
}
