using Zwgk.Domain.Documents;
using Zwgk.Domain.Units;

namespace Zwgk.Domain.Interpretations;

/// <summary>
/// What makes a library document a 政策解读: its form, who interprets, the key points and the media. The interpretation
/// itself stays a <see cref="Document"/> (索引号, 三审, versions, columns, search) linked to the policy by
/// <see cref="RelationType.Interprets"/>; this is its 1:1 side record.
/// </summary>
public class InterpretationProfile
{
    /// <summary>The interpretation document (also the key).</summary>
    public int DocumentId { get; set; }
    public Document? Document { get; set; }
    public InterpretationForm Form { get; set; } = InterpretationForm.Text;
    /// <summary>解读单位: by default the drafting unit (「谁起草谁解读」).</summary>
    public int InterpretingUnitId { get; set; }
    public Unit? InterpretingUnit { get; set; }
    /// <summary>解读人 (a public role holder, e.g. the bureau chief); not personal data in this sense.</summary>
    public string? InterpreterName { get; set; }
    /// <summary>职务, e.g. 局长.</summary>
    public string? InterpreterTitle { get; set; }
    /// <summary>Link to media hosted elsewhere (a video platform, an H5 page).</summary>
    public string? ExternalMediaUrl { get; set; }
    public List<InterpretationPoint> Points { get; set; } = [];
    public List<InterpretationMedia> Media { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>主要负责人解读: the interpreter holds a leading post.</summary>
    public bool IsLeaderInterpretation => InterpretationRules.IsLeaderTitle(InterpreterTitle);
}

/// <summary>解读要点: one key clause of the policy and what it means.</summary>
public class InterpretationPoint
{
    public int Id { get; set; }
    public int ProfileDocumentId { get; set; }
    public int Order { get; set; }
    /// <summary>The clause it explains, e.g. 第五条.</summary>
    public string? Clause { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>A picture, video or sound file of the interpretation, held as an attachment of the same document.</summary>
public class InterpretationMedia
{
    public int Id { get; set; }
    public int ProfileDocumentId { get; set; }
    public int Order { get; set; }
    public int AttachmentId { get; set; }
    public Attachment? Attachment { get; set; }
    public MediaKind Kind { get; set; }
    /// <summary>Alt text for an image, caption line for video/audio.</summary>
    public string? AltText { get; set; }
    /// <summary>Full text of what is said (文字实录), for readers who cannot hear or see the media.</summary>
    public string? Transcript { get; set; }
    /// <summary>A WebVTT file (also an attachment of the document) with captions.</summary>
    public int? CaptionsAttachmentId { get; set; }
    public Attachment? CaptionsAttachment { get; set; }
}

public enum MediaKind { Image = 1, Video = 2, Audio = 3 }

/// <summary>解读形式 as the 国办 guidance lists them.</summary>
public enum InterpretationForm
{
    Text = 1,
    Graphic = 2,
    Video = 3,
    Audio = 4,
    Animation = 5,
    H5 = 6,
    BriefQa = 7,
    PressConference = 8,
    OnlineInterview = 9,
    LiveStream = 10,
}

public static class InterpretationLabels
{
    public static string Label(this InterpretationForm form) => form switch
    {
        InterpretationForm.Text => "文字解读",
        InterpretationForm.Graphic => "图解",
        InterpretationForm.Video => "视频解读",
        InterpretationForm.Audio => "音频解读",
        InterpretationForm.Animation => "动漫解读",
        InterpretationForm.H5 => "H5",
        InterpretationForm.BriefQa => "简明问答",
        InterpretationForm.PressConference => "新闻发布会",
        InterpretationForm.OnlineInterview => "在线访谈",
        InterpretationForm.LiveStream => "互动直播",
        _ => "其他",
    };

    public static string Label(this MediaKind kind) => kind switch
    {
        MediaKind.Image => "图片",
        MediaKind.Video => "视频",
        MediaKind.Audio => "音频",
        _ => "其他",
    };
}
