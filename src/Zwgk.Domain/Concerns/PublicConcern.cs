namespace Zwgk.Domain.Concerns;

/// <summary>Where a public concern (政务舆情/社会关切) was found.</summary>
public enum ConcernSource
{
    OnlineOpinion = 0,      // 网络舆情
    MediaReport = 1,        // 媒体报道
    Hotline12345 = 2,       // 12345热线
    NetizenMessage = 3,     // 网民留言
    DeputySuggestion = 4,   // 人大代表建议 (handled under its own rules; here only as a source)
    CppccProposal = 5,      // 政协委员提案 (likewise)
    Assigned = 6,           // 上级交办
    Other = 7,              // 其他
}

/// <summary>
/// 国办发〔2016〕61号 / 〔2016〕80号: 涉及特别重大、重大突发事件 (Major) — authoritative information within 5 hours and a press
/// conference within 24 hours; other 政务舆情 (General) — a response within 48 hours.
/// </summary>
public enum ConcernLevel { General = 0, Major = 1 }

/// <summary>How a response was made.</summary>
public enum ResponseMethod
{
    AuthoritativeInfo = 0,  // 发布权威信息
    PressConference = 1,    // 新闻发布会
    Briefing = 2,           // 吹风会
    MediaInterview = 3,     // 接受媒体采访
    Website = 4,            // 网站回应
    NewMedia = 5,           // 政务新媒体回应
    Other = 6,              // 其他
}

/// <summary>
/// A public concern registered by staff (or a monitoring system): what people are concerned about, who must respond
/// (谁主管谁回应), when it was found. Deadlines and status are derived (<see cref="ConcernRules"/>), never stored.
/// </summary>
public class PublicConcern
{
    public int Id { get; set; }
    public ConcernSource Source { get; set; }
    public ConcernLevel Level { get; set; }
    /// <summary>Short topic line (舆情主题).</summary>
    public string Topic { get; set; } = "";
    /// <summary>What people are concerned about.</summary>
    public string Summary { get; set; } = "";
    /// <summary>领域, free text (市场监管, 房地产, 困难群众生活 …).</summary>
    public string? Field { get; set; }
    /// <summary>责任单位.</summary>
    public int UnitId { get; set; }
    /// <summary>When it was found: the deadlines count clock hours from here.</summary>
    public DateTimeOffset DiscoveredAt { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public string RegisteredBy { get; set; } = "";
    /// <summary>Link to where it was found (a web page, a post), if any.</summary>
    public string? SourceUrl { get; set; }
    /// <summary>The interaction message it came from, if any (staff-only link).</summary>
    public int? SourceMessageId { get; set; }
    /// <summary>Staff decided the concern and its responses appear on the portal; sensitive ones stay internal.</summary>
    public bool IsPublic { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public string? ClosingNote { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Concurrency token: two staff closing or editing at once.</summary>
    public int Version { get; set; }

    public List<ConcernResponse> Responses { get; set; } = [];

    public bool IsClosed => ClosedAt is not null;
}

/// <summary>One response to a concern: when, how, a short summary, and a link to a published library document or a URL.</summary>
public class ConcernResponse
{
    public int Id { get; set; }
    public int ConcernId { get; set; }
    public DateTimeOffset RespondedAt { get; set; }
    public ResponseMethod Method { get; set; }
    public string Summary { get; set; } = "";
    /// <summary>A published, 主动公开 library document carrying the response.</summary>
    public int? DocumentId { get; set; }
    /// <summary>Or a URL where it was published (news site, 政务新媒体).</summary>
    public string? Url { get; set; }
    /// <summary>发布人/新闻发言人 (a public role, not personal data to protect).</summary>
    public string? Publisher { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}
