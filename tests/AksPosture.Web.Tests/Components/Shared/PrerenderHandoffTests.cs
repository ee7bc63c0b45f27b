using AksPosture.Web.Components.Shared;

namespace AksPosture.Web.Tests.Components.Shared;

public sealed class PrerenderHandoffTests
{
    private const string Address = "https://portal.example/?team=payments";

    private sealed record Page(int Clusters);

    [Fact]
    public void Take_SameUserAndAddress_ReturnsWhatWasKeptOnce()
    {
        using var handoff = new PrerenderHandoff();
        var kept = new Page(42);
        var ticket = handoff.Keep("alex", Address, kept);

        Assert.Same(kept, handoff.Take<Page>(ticket, "alex", Address));
        Assert.Null(handoff.Take<Page>(ticket, "alex", Address));
    }

    [Fact]
    public void Take_AnotherUser_GetsNothingAndTheTicketIsSpent()
    {
        using var handoff = new PrerenderHandoff();
        var ticket = handoff.Keep("alex", Address, new Page(42));

        Assert.Null(handoff.Take<Page>(ticket, "riley", Address));
        Assert.Null(handoff.Take<Page>(ticket, "alex", Address));
    }

    [Fact]
    public void Take_AnotherAddress_GetsNothing()
    {
        using var handoff = new PrerenderHandoff();
        var ticket = handoff.Keep("alex", Address, new Page(42));

        Assert.Null(handoff.Take<Page>(ticket, "alex", "https://portal.example/?team=platform"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    public void Take_NoOrUnknownTicket_GetsNothing(string? ticket)
    {
        using var handoff = new PrerenderHandoff();
        handoff.Keep("alex", Address, new Page(42));

        Assert.Null(handoff.Take<Page>(ticket, "alex", Address));
    }

    [Fact]
    public void Keep_TicketsAreUnguessable_EachKeepGetsADifferentOne()
    {
        using var handoff = new PrerenderHandoff();
        var tickets = Enumerable.Range(0, 100).Select(i => handoff.Keep("alex", Address, new Page(i))).ToList();

        Assert.Equal(100, tickets.Distinct().Count());
        Assert.All(tickets, t => Assert.Equal(32, t.Length));
    }

    [Fact]
    public void Take_KeptAsAnotherType_GetsNothing()
    {
        using var handoff = new PrerenderHandoff();
        var ticket = handoff.Keep("alex", Address, "not a page");

        Assert.Null(handoff.Take<Page>(ticket, "alex", Address));
    }
}
