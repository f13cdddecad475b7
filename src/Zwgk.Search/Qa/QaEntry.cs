namespace Zwgk.Search.Qa;

/// <summary>One entry of the policy Q&amp;A base (政策问答库) as the matcher sees it.</summary>
/// <param name="Id">The application's key (returned in matches).</param>
/// <param name="Question">The question as the unit wrote it.</param>
/// <param name="Answer">The answer; matched too, with less weight than the question.</param>
/// <param name="Unit">责任单位, matched with little weight (a question naming the 医保局 leans to its entries).</param>
/// <param name="Basis">政策依据 (source policy and clause), matched with little weight.</param>
/// <param name="Alternatives">Other phrasings of the question (as strong as the question itself).</param>
public sealed record QaEntry(string Id, string Question, string Answer, string? Unit = null, string? Basis = null,
    IReadOnlyList<string>? Alternatives = null);

/// <summary>A matching entry with its score in [0, 1]: how much of what was asked the entry covers, and how much of the
/// entry's question the asker's words cover. Scores are comparable across questions, so one threshold
/// (<see cref="QaMatcher.GoodMatch"/>) separates a confident answer from a suggestion.</summary>
public sealed record QaMatch(QaEntry Entry, double Score)
{
    public string Id => Entry.Id;

    /// <summary>Confident enough to show as the answer (rather than as "related questions").</summary>
    public bool IsGood => Score >= QaMatcher.GoodMatch;
}

/// <summary>Analysis steps of the matcher; all on by default. Switching steps off is for measuring what each adds.</summary>
public sealed record QaMatcherOptions
{
    public static readonly QaMatcherOptions Default = new();

    /// <summary>Remove question forms (请问, 怎么, 吗, 可以…吗) and map colloquial intent words (要带啥 → 材料, 去哪办 → 地点,
    /// 多久 → 时间, 多少钱 → 费用) to the intents entries are written with.</summary>
    public bool QuestionForms { get; init; } = true;

    /// <summary>Bridge colloquial and official words with the plain-language dictionary, in both directions.</summary>
    public bool PlainLanguage { get; init; } = true;

    /// <summary>Character bigrams of content words as a second, spelling-tolerant signal (segmentation differences,
    /// words missing from the dictionary).</summary>
    public bool Bigrams { get; init; } = true;

    /// <summary>Take into account how much of the entry's question was asked (not only how much of the question the
    /// entry covers), so that a short keyword prefers the entry that is about it.</summary>
    public bool EntryCoverage { get; init; } = true;
}
