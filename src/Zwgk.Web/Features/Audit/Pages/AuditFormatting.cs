using System.Text.Json;

namespace Zwgk.Web.Features.Audit.Pages;

public sealed record FieldChange(string Field, string From, string To);

/// <summary>Turns stored audit data into readable Chinese.</summary>
public static class AuditFormatting
{
    private static readonly Dictionary<string, string> ActionLabels = new()
    {
        ["account.login"] = "登录",
        ["account.login-failed"] = "登录失败",
        ["account.locked"] = "账号锁定",
        ["account.logout"] = "退出登录",
        ["account.password.change"] = "修改本人密码",
        ["user.create"] = "新建用户",
        ["user.update"] = "修改用户",
        ["user.deactivate"] = "停用用户",
        ["user.password.reset"] = "重置密码",
        ["user.unlock"] = "解除锁定",
        ["unit.create"] = "新建单位",
        ["unit.update"] = "修改单位",
        ["unit.activate"] = "启用单位",
        ["unit.deactivate"] = "停用单位",
        ["unit.delete"] = "删除单位",
        ["column.create"] = "新建栏目",
        ["column.update"] = "修改栏目",
        ["column.move"] = "移动栏目",
        ["column.delete"] = "删除栏目",
        ["settings.update"] = "修改站点设置",
        ["import.upload"] = "上传导入",
        ["document.create"] = "新建文件",
        ["document.update"] = "修改文件",
        ["document.submit"] = "提交审核",
        ["document.approve"] = "审核通过",
        ["document.reject"] = "审核退回",
        ["document.publish"] = "发布文件",
        ["document.withdraw"] = "撤稿",
        ["document.reopen"] = "重新编辑",
        ["document.validity"] = "变更有效性",
        ["document.relate"] = "关联文件",
        ["document.unrelate"] = "取消关联",
        ["document.attach"] = "添加附件",
        ["document.detach"] = "删除附件",
    };

    private static readonly Dictionary<string, string> EntityLabels = new()
    {
        ["User"] = "用户", ["Unit"] = "单位", ["Column"] = "栏目", ["Document"] = "文件", ["SiteSettings"] = "站点设置", ["Import"] = "导入",
    };

    public static string ActionLabel(string action) => ActionLabels.TryGetValue(action, out var label) ? label : action;
    public static string EntityLabel(string entityType) => EntityLabels.TryGetValue(entityType, out var label) ? label : entityType;

    /// <summary>Reads {"field":{"from":…,"to":…}}; anything else is shown as one raw line rather than dropped.</summary>
    public static IReadOnlyList<FieldChange> ParseChanges(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return [new FieldChange("", "", json)];
            var list = new List<FieldChange>();
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Object && (p.Value.TryGetProperty("from", out _) || p.Value.TryGetProperty("to", out _)))
                {
                    p.Value.TryGetProperty("from", out var from);
                    p.Value.TryGetProperty("to", out var to);
                    // A field that had no value before (e.g. on creation) shows just its new value.
                    var before = from.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? "" : Text(from);
                    list.Add(new FieldChange(p.Name, before, Text(to)));
                }
                else list.Add(new FieldChange(p.Name, "", Text(p.Value)));
            }
            return list;
        }
        catch (JsonException)
        {
            return [new FieldChange("", "", json)];
        }
    }

    private static string Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => "（空）",
        JsonValueKind.String => e.GetString() is { Length: > 0 } s ? s : "（空）",
        JsonValueKind.True => "是",
        JsonValueKind.False => "否",
        JsonValueKind.Array => string.Join("、", e.EnumerateArray().Select(Text)),
        _ => e.GetRawText(),
    };
}
