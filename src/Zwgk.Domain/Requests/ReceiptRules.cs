namespace Zwgk.Domain.Requests;

/// <summary>The facts a receipt date is derived from; which ones matter depends on the channel.</summary>
/// <param name="HandedInOn">当面: the day the applicant handed it in.</param>
/// <param name="SignedForOn">邮寄 (registered mail, EMS): the day the agency signed for it.</param>
/// <param name="LetterConfirmedOn">邮寄 as an ordinary letter needing no signature: the day the office received it and confirmed with the applicant.</param>
/// <param name="ConfirmedOn">网络 or 传真: the day both sides confirmed it.</param>
public sealed record ReceiptFacts(RequestChannel Channel, DateOnly? HandedInOn = null, DateOnly? SignedForOn = null,
    DateOnly? LetterConfirmedOn = null, DateOnly? ConfirmedOn = null);

/// <summary>条例第三十一条: the date of receipt of an application, by channel.</summary>
public static class ReceiptRules
{
    public static string Describe(RequestChannel channel) => channel switch
    {
        // 第三十一条第（一）项
        RequestChannel.InPerson => "当面提交的，以提交之日为收到申请之日",
        // 第三十一条第（二）项
        RequestChannel.Post => "以邮寄方式提交的，以行政机关签收之日为收到申请之日；以平常信函等无需签收的邮寄方式提交的，政府信息公开工作机构应当于收到申请的当日与申请人确认，确认之日为收到申请之日",
        // 第三十一条第（三）项
        RequestChannel.Online or RequestChannel.Fax => "通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日",
        _ => "",
    };

    /// <summary>The receipt date and a note saying which rule gave it, or an error naming the missing fact.</summary>
    public static (DateOnly? ReceivedOn, string? Note, string? Error) Resolve(ReceiptFacts f, DateOnly today)
    {
        (DateOnly? date, string note, string missing) = f.Channel switch
        {
            RequestChannel.InPerson => (f.HandedInOn, "当面提交", "请填写当面提交的日期"),
            RequestChannel.Post when f.SignedForOn is not null => (f.SignedForOn, "邮件签收", ""),
            RequestChannel.Post => (f.LetterConfirmedOn, "平常信函，收到当日与申请人确认", "请填写签收日期，或平常信函与申请人确认的日期"),
            RequestChannel.Online => (f.ConfirmedOn, "网络提交，双方确认", "请填写双方确认的日期"),
            RequestChannel.Fax => (f.ConfirmedOn, "传真提交，双方确认", "请填写双方确认的日期"),
            _ => ((DateOnly?)null, "", "请选择申请渠道"),
        };
        if (date is not { } d) return (null, null, missing);
        if (d > today) return (null, null, "收到申请的日期不能晚于今天");
        // The 2019 条例 took effect on 2019-05-15; older dates are typing mistakes here.
        if (d < new DateOnly(2019, 5, 15)) return (null, null, "收到申请的日期不能早于2019年5月15日（现行条例施行之日）");
        return (d, note, null);
    }
}
