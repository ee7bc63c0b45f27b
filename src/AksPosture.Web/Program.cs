using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Attestations;
using AksPosture.Web.Features.Exceptions;
using AksPosture.Web.Features.Audit;
using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Remediation;
using AksPosture.Web.Features.Schedules;
using AksPosture.Web.Features.Scores;
using AksPosture.Web.Features.Teams;
using AksPosture.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddDatabase();
builder.AddAccess();
builder.AddSecurity();
builder.AddHealthEndpoints();
builder.AddJobs();
builder.AddAssessments();
builder.AddSchedules();
builder.AddRemediation();
builder.AddSampleFleet();
builder.AddGovernance();
builder.AddApi();
builder.AddPortalUi();
builder.AddPortalPages();
builder.AddPostureMetrics();

var app = builder.Build();

await app.MigrateDatabaseAsync();

app.UseApiErrors();
app.UseSecurityHeaders();
app.UseAccess();
app.MapAccess();
app.MapHealthEndpoints();
app.MapImportsApi();
app.MapAssessmentsApi();
app.MapFindingsApi();
app.MapRemediationApi();
app.MapSchedulesApi();
app.MapScoresApi();
app.MapExceptionsApi();
app.MapAttestationsApi();
app.MapTeamsApi();
app.MapAuditApi();
app.MapJobsDashboard();
app.MapPostureMetrics();
app.MapPortalUi();

await app.RunAsync();

public partial class Program;
