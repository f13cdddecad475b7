using Zwgk.Web.Features.Catalog;
using Zwgk.Web.Features.Documents;
using Zwgk.Web.Features.Hosting;
using Zwgk.Web.Features.Import;
using Zwgk.Web.Features.Interaction.Consultations;
using Zwgk.Web.Features.Interaction.Decisions;
using Zwgk.Web.Features.Interaction.Moderation;
using Zwgk.Web.Features.Ledger;
using Zwgk.Web.Features.Calendar;
using Zwgk.Web.Features.Portal;
using Zwgk.Web.Features.Requests;
using Zwgk.Web.Features.Reports;
using Zwgk.Web.Features.Search;
using Zwgk.Web.Features.Security;
using Zwgk.Web.Features.Shared;

var cli = CliCommand.Parse(args, Environment.CurrentDirectory, Console.Out, Console.Error);
if (cli.ExitCode is int exitCode) return exitCode;
var command = cli.Command;
var builder = WebApplication.CreateBuilder(cli.HostArgs);
command?.ConfigureHost(builder);

builder.AddHosting();
builder.Services.AddSecurity(builder.Configuration);
builder.Services.AddCatalog();
builder.Services.AddDocuments();
builder.Services.AddImport(builder.Configuration);
builder.Services.AddPortal();
builder.Services.AddSearch(builder.Configuration);
builder.Services.AddPublicFormLimits(builder.Configuration);
builder.Services.AddCalendar();
builder.Services.AddRequests();
builder.Services.AddReports();
builder.Services.AddLedger();
builder.Services.AddModeration(builder.Configuration);
builder.Services.AddConsultations(builder.Configuration);
builder.Services.AddDecisions();

var app = builder.Build();
await app.InitializeDatabaseAsync();
if (command is not null) return await command.RunAsync(app);

app.UseHosting();
app.MapHosting();
app.MapSecurity();
app.MapDocuments();
app.MapPortal();
app.MapSearch();
app.MapRequests();
app.MapCalendar();
app.MapReports();
app.MapLedger();
app.MapConsultations();
app.MapDecisions();
app.Run();
return 0;

public partial class Program;
