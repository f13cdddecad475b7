using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Zwgk.Domain.Requests;
using Zwgk.Infrastructure.Data;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

namespace Zwgk.Web.Features.Requests.Admin;

/// <summary>登记: applications received in person, by post, by fax or through another online channel, with the receipt fact of the channel.</summary>
public sealed class NewModel(RequestService service, CurrentUser user, ZwgkDbContext db, TimeProvider clock) : AdminPageModel
{
    public sealed class FormInput
    {
        public RequestChannel Channel { get; set; } = RequestChannel.InPerson;
        public DateOnly? HandedInOn { get; set; }
        public DateOnly? SignedForOn { get; set; }
        public DateOnly? LetterConfirmedOn { get; set; }
        public DateOnly? ConfirmedOn { get; set; }
        public int? UnitId { get; set; }
        public ApplicantType ApplicantType { get; set; } = ApplicantType.NaturalPerson;
        public string? ApplicantName { get; set; }
        public string? IdType { get; set; }
        public string? IdNumber { get; set; }
        public string? LegalRepresentative { get; set; }
        public string? ContactPerson { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? Address { get; set; }
        public string? PostalCode { get; set; }
        public string? InformationTitle { get; set; }
        public string? DocumentNumber { get; set; }
        public string? Description { get; set; }
        public RequestedMedium Medium { get; set; } = RequestedMedium.Paper;
        public DeliveryMethod Delivery { get; set; } = DeliveryMethod.Pickup;
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];
    public bool SpansAll => user.SpansAllRequests();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!user.CanHandle()) return Forbid();
        Input.HandedInOn = Formats.Today(clock);
        Input.UnitId = user.UnitId == 0 ? null : user.UnitId;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!user.CanHandle()) return Forbid();
        var i = Input;
        var (result, response) = await service.RegisterAsync(new RegistrationInput
        {
            Channel = i.Channel, HandedInOn = i.HandedInOn, SignedForOn = i.SignedForOn, LetterConfirmedOn = i.LetterConfirmedOn, ConfirmedOn = i.ConfirmedOn,
            Application = new ApplicationInput
            {
                UnitId = SpansAll ? i.UnitId : user.UnitId, ApplicantType = i.ApplicantType, ApplicantName = i.ApplicantName, IdType = i.IdType, IdNumber = i.IdNumber,
                LegalRepresentative = i.LegalRepresentative, ContactPerson = i.ContactPerson, Phone = i.Phone, Email = i.Email, Address = i.Address, PostalCode = i.PostalCode,
                InformationTitle = i.InformationTitle, DocumentNumber = i.DocumentNumber, Description = i.Description, Medium = i.Medium, Delivery = i.Delivery,
            },
        }, ct);
        if (!result.Ok)
        {
            AddErrors(result);
            await LoadAsync(ct);
            return Page();
        }
        // The code is for the applicant (on the receipt or by phone); it is shown here once and never stored.
        Flash = $"已登记，受理编号 {response!.CaseNumber}，查询码 {response.QueryCode}（仅显示一次，请告知申请人）。答复期限 {response.DueOn}。";
        return Redirect($"/admin/requests/{response.Id}");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Units = (await db.Units.AsNoTracking().Where(u => u.IsActive && (SpansAll || u.Id == user.UnitId)).OrderBy(u => u.SortOrder).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
}
