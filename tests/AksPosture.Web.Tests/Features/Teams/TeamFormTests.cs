using AksPosture.Web.Features.Teams;
using Bunit;
using MudBlazor.Services;

namespace AksPosture.Web.Tests.Features.Teams;

public sealed class TeamFormTests : BunitContext
{
    public TeamFormTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Save_EmptyDraft_ShowsWhatToFixAndSavesNothing()
    {
        var saved = 0;
        var cut = Render<TeamForm>(p => p
            .Add(c => c.Draft, new TeamDraft())
            .Add(c => c.IsNew, true)
            .Add(c => c.OnSave, _ => { saved++; return Task.FromResult<IReadOnlyList<string>>([]); }));

        cut.Find("[data-testid=team-save]").Click();

        var errors = cut.FindAll("[data-testid=team-form-error]").Select(e => e.TextContent).ToList();
        Assert.Equal(0, saved);
        Assert.Contains(errors, e => e.Contains("Name is required."));
        Assert.Contains(errors, e => e.Contains("Give subscriptions, a tag filter or both"));
    }

    [Fact]
    public void Save_BadIdsAndTag_NamesEachBadValue()
    {
        var draft = new TeamDraft { Name = "Payments", SubscriptionIds = "3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11\nnot-a-guid", Tag = "payments", EntraGroupIds = "group-one" };
        var cut = Render<TeamForm>(p => p.Add(c => c.Draft, draft).Add(c => c.OnSave, _ => Task.FromResult<IReadOnlyList<string>>([])));

        cut.Find("[data-testid=team-save]").Click();

        var errors = cut.FindAll("[data-testid=team-form-error]").Select(e => e.TextContent).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Contains("Subscription 'not-a-guid' is not a subscription id"));
        Assert.Contains(errors, e => e.Contains("Entra group 'group-one' is not a group object id"));
        Assert.Contains(errors, e => e.Contains("Tag filter 'payments' is not key=value"));
    }

    [Fact]
    public void Save_ValidDraft_HandsItOverAndShowsTheStoresAnswer()
    {
        TeamDraft? handed = null;
        var draft = new TeamDraft { Name = "Payments", Tag = "team=payments" };
        var cut = Render<TeamForm>(p => p
            .Add(c => c.Draft, draft)
            .Add(c => c.OnSave, d => { handed = d; return Task.FromResult<IReadOnlyList<string>>(["A team named 'Payments' exists already; choose another name."]); }));

        cut.Find("[data-testid=team-save]").Click();

        Assert.Same(draft, handed);
        Assert.Contains("exists already", cut.Find("[data-testid=team-form-error]").TextContent);
    }

    [Fact]
    public void ApplyTo_ValidDraft_NormalisesIdsAndTag()
    {
        var draft = new TeamDraft
        {
            Name = "  Web ", SubscriptionIds = "3F6C1A2E-5B4D-4C8E-9A71-0D2E8B6F4A11, 3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11", Tag = "Team = web",
            EntraGroupIds = "5A4D6F52-0000-4000-8000-000000000003",
        };
        var team = new Team { Name = "" };

        draft.ApplyTo(team);

        Assert.Equal("Web", team.Name);
        Assert.Equal(["3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11"], team.SubscriptionIds);
        Assert.Equal(("team", "web"), (team.TagKey, team.TagValue));
        Assert.Equal(["5a4d6f52-0000-4000-8000-000000000003"], team.EntraGroupIds);
        Assert.Equal("team=web", TeamDraft.From(team).Tag);
    }
}
