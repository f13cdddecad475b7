using Zwgk.Domain.Documents;

namespace Zwgk.Domain.Qa;

/// <summary>Why an answer may no longer be right. Derived from dates and the basis document, never stored.</summary>
public enum QaStaleness
{
    Current = 0,
    /// <summary>复核日期 has come: the unit re-confirms or edits the answer.</summary>
    ReviewDue = 1,
    /// <summary>The basis document changed (new version) after the answer was last confirmed.</summary>
    PolicyChanged = 2,
    /// <summary>The basis document was amended (已修改) by another document.</summary>
    PolicyAmended = 3,
    /// <summary>The basis document was abolished or has expired: the answer must not be offered as current.</summary>
    PolicyAbolished = 4,
}

/// <summary>The basis document's state as far as an answer cares.</summary>
public sealed record QaBasisState(Validity Validity, DateTimeOffset UpdatedAt, DateOnly? ExpiresOn);

/// <summary>The one home of the Q&amp;A base's rules: staleness and what the public matcher may offer.</summary>
public static class QaRules
{
    public static QaStaleness Staleness(DateOnly? reviewOn, DateTimeOffset? confirmedAt, QaBasisState? basis, DateOnly today)
    {
        if (basis is not null)
        {
            if (basis.Validity is Validity.Abolished or Validity.Expired || basis.ExpiresOn is { } e && e < today) return QaStaleness.PolicyAbolished;
            if (basis.Validity == Validity.Amended) return QaStaleness.PolicyAmended;
            if (confirmedAt is { } c && basis.UpdatedAt > c) return QaStaleness.PolicyChanged;
        }
        return reviewOn is { } r && r <= today ? QaStaleness.ReviewDue : QaStaleness.Current;
    }

    /// <summary>The public matcher and the ask page offer published answers only, and never one resting on an abolished or expired policy.</summary>
    public static bool Offerable(QaStatus status, QaStaleness staleness) => status == QaStatus.Published && staleness != QaStaleness.PolicyAbolished;

    public static string Label(this QaStaleness s) => s switch
    {
        QaStaleness.ReviewDue => "已到复核日期",
        QaStaleness.PolicyChanged => "依据政策已更新",
        QaStaleness.PolicyAmended => "依据政策已修改",
        QaStaleness.PolicyAbolished => "依据政策已废止或失效",
        _ => "现行",
    };

    public static string Label(this QaStatus s) => s switch
    {
        QaStatus.Draft => "草稿", QaStatus.InReview => "待审核", QaStatus.Published => "已发布", _ => "已撤下",
    };
}
