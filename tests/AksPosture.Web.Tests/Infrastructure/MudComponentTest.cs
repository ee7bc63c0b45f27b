using Bunit;
using MudBlazor.Services;

namespace AksPosture.Web.Tests.Infrastructure;

/// <summary>A bUnit context with MudBlazor's services and loose JS interop, disposed asynchronously as MudBlazor's services need.</summary>
public abstract class MudComponentTest : IAsyncLifetime
{
    protected MudComponentTest()
    {
        Context.Services.AddMudServices();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected BunitContext Context { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
