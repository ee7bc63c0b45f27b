using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Scores;
using AksPosture.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddDatabase();
builder.AddHealthEndpoints();
builder.AddAssessments();
builder.AddSampleFleet();
builder.AddApi();
builder.AddPortalUi();

var app = builder.Build();

await app.MigrateDatabaseAsync();

app.UseApiErrors();
app.MapHealthEndpoints();
app.MapImportsApi();
app.MapScoresApi();
app.MapPortalUi();

await app.RunAsync();

public partial class Program;
