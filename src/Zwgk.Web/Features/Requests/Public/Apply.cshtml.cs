using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Zwgk.Domain.Requests;
using Zwgk.Domain.Shared;
using Zwgk.Infrastructure;
using Zwgk.Infrastructure.Files;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Requests.Public;

/// <summary>
/// The public application form (网络 channel). Works without JavaScript; the service validates (RequestRules) and its
/// field-keyed errors are shown next to each field with everything typed kept. The POST is rate-limited per address
/// (GETs are not counted, see PublicFormLimits); after success the codes travel to /ysqgk/done in TempData, never in the URL.
/// </summary>
[AttachmentUpload]
[EnableRateLimiting(PublicFormLimits.Submit)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ApplyModel(RequestService requests, RequestQueries queries, IOptions<ZwgkOptions> options) : PageModel
{
    public const string Person = "person";
    public const string Organization = "org";

    /// <summary>证件类型 offered to natural persons; organisations use the 统一社会信用代码 (or 其他证件).</summary>
    public static readonly string[] PersonIdTypes = [RequestRules.ResidentIdCard, "护照", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "外国人永久居留身份证"];
    public const string OtherIdType = "其他证件";
    private static readonly HashSet<string> IdTypes = [.. PersonIdTypes, RequestRules.CreditCode, OtherIdType];

    public static readonly ApplicantType[] OrganizationTypes =
        [ApplicantType.Business, ApplicantType.Research, ApplicantType.PublicWelfare, ApplicantType.LegalService, ApplicantType.OtherOrganization];

    [BindProperty] public ApplicationForm Input { get; set; } = new();
    public IReadOnlyList<PublicUnitOption> Units { get; private set; } = [];
    /// <summary>Chinese messages by field (the form's property names); "" for the whole form.</summary>
    public Dictionary<string, string> Errors { get; } = [];
    [TempData] public string? FlashError { get; set; }
    public int MaxAttachmentMegabytes => options.Value.MaxAttachmentMegabytes;
    public static string AcceptedExtensions => string.Join(",", FileTypes.Allowed.Keys);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Units = await queries.PublicUnitsAsync(ct);
        Input.UnitId = Units.Count > 0 ? Units[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        // An upload refused before the body was read (too large) comes back here with the message.
        if (FlashError is { } flash) Errors[nameof(ApplicationForm.Attachments)] = flash;
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile>? attachments, CancellationToken ct)
    {
        Units = await queries.PublicUnitsAsync(ct);
        var files = (attachments ?? []).Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        var input = Input.ToInput(Errors);
        // 条例第二十九条第二款第（一）项: the application states the applicant's 身份证明. The service leaves it to staff
        // registration (a letter may enclose a copy instead); the online form asks for the number.
        if (string.IsNullOrWhiteSpace(Input.IdNumber)) Errors.TryAdd(nameof(ApplicationForm.IdNumber), "请填写证件号码（条例第二十九条：申请应包括申请人的身份证明）");
        if (!IdTypes.Contains(Input.IdType ?? "")) Errors.TryAdd(nameof(ApplicationForm.IdType), "请选择证件类型");
        else if (input.ApplicantType.IsOrganization() && Input.IdType == RequestRules.ResidentIdCard)
            Errors.TryAdd(nameof(ApplicationForm.IdType), "法人或其他组织请选择“统一社会信用代码”或其他证件");
        // With errors of its own the form does not submit, but shows the service's findings too, all at once.
        if (Errors.Count > 0)
            foreach (var (key, message) in requests.Validate(input)) Errors.TryAdd(key, message);
        else
        {
            var streams = new List<Stream>();
            try
            {
                var list = new List<ApplicationAttachment>();
                foreach (var f in files)
                {
                    var s = f.OpenReadStream();
                    streams.Add(s);
                    list.Add(new ApplicationAttachment(f.FileName, s));
                }
                var (result, response) = await requests.SubmitAsync(input, list, ct);
                if (result.Ok && response is not null)
                {
                    var unit = Units.FirstOrDefault(u => u.Id == input.UnitId)?.Name ?? Units.FirstOrDefault()?.Name ?? "";
                    TempData[DoneModel.CaseKey] = response.CaseNumber;
                    TempData[DoneModel.CodeKey] = response.QueryCode;
                    TempData[DoneModel.UnitKey] = unit;
                    return RedirectToPage("/Requests/Public/Done");
                }
                foreach (var (key, message) in result.Errors) Errors.TryAdd(key, message);
            }
            finally
            {
                foreach (var s in streams) await s.DisposeAsync();
            }
        }
        // Files cannot be kept across a refused submission (browsers do not refill file inputs): say so next to the field.
        if (files.Count > 0) Errors.TryAdd(nameof(ApplicationForm.Attachments), "申请未提交，已选择的附件没有保存，请重新选择附件");
        return Page();
    }

    public string? Error(string field) => Errors.GetValueOrDefault(field);
}

/// <summary>What the form posts: text exactly as typed (so it can be shown again), parsed into an <see cref="ApplicationInput"/>.</summary>
public sealed class ApplicationForm
{
    public string? Kind { get; set; } = ApplyModel.Person;
    public string? OrganizationType { get; set; }
    public string? ApplicantName { get; set; }
    public string? IdType { get; set; } = RequestRules.ResidentIdCard;
    public string? IdNumber { get; set; }
    public string? LegalRepresentative { get; set; }
    public string? ContactPerson { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? UnitId { get; set; }
    public string? InformationTitle { get; set; }
    public string? DocumentNumber { get; set; }
    public string? Description { get; set; }
    public string? Medium { get; set; } = nameof(RequestedMedium.Electronic);
    public string? Delivery { get; set; } = nameof(DeliveryMethod.Online);
    /// <summary>Only an error key: files are bound separately.</summary>
    public string? Attachments { get; set; }

    public bool IsOrganization => Kind == ApplyModel.Organization;

    public ApplicationInput ToInput(Dictionary<string, string> errors)
    {
        ApplicantType type = ApplicantType.NaturalPerson;
        if (Kind == ApplyModel.Organization)
        {
            if (Enum.TryParse<ApplicantType>(OrganizationType, out var t) && ApplyModel.OrganizationTypes.Contains(t)) type = t;
            else errors[nameof(OrganizationType)] = "请选择法人或其他组织的类型";
        }
        else if (Kind != ApplyModel.Person) errors[nameof(Kind)] = "请选择申请人类型";
        int? unit = null;
        if (!string.IsNullOrWhiteSpace(UnitId))
        {
            if (int.TryParse(UnitId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var u)) unit = u;
            else errors[nameof(UnitId)] = "请选择受理申请的机关";
        }
        var medium = Enum.TryParse<RequestedMedium>(Medium, out var m) && Enum.IsDefined(m) ? m : (RequestedMedium)0;
        var delivery = Enum.TryParse<DeliveryMethod>(Delivery, out var d) && Enum.IsDefined(d) ? d : (DeliveryMethod)0;
        var org = type.IsOrganization();
        return new ApplicationInput
        {
            UnitId = unit, ApplicantType = type, ApplicantName = ApplicantName, IdType = IdType is { Length: > 0 and <= FieldLengths.IdType } ? IdType : null,
            IdNumber = IdNumber, LegalRepresentative = org ? LegalRepresentative : null, ContactPerson = org ? ContactPerson : null,
            Phone = Phone, Email = Email, Address = Address, PostalCode = PostalCode,
            InformationTitle = InformationTitle, DocumentNumber = DocumentNumber, Description = Description, Medium = medium, Delivery = delivery,
        };
    }
}
