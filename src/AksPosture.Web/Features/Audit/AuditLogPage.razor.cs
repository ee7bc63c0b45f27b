using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using MudBlazor;

namespace AksPosture.Web.Features.Audit;

public sealed partial class AuditLogPage
{
    private static readonly string[] EntityTypes = ["schedule", "team", "finding", "exception", "attestation"];

    private MudDataGrid<AuditEntryView>? _grid;
    private string? _entityType;
    private string? _entityId;
    private string? _actor;
    private DateTime? _from;
    private DateTime? _to;

    [Inject]
    public required AuditQueries Audit { get; set; }

    private AuditFilter Filter => new(
        Blank(_entityType), Blank(_entityId), Blank(_actor),
        _from is { } from ? new DateTimeOffset(from.Date, TimeSpan.Zero) : null,
        _to is { } to ? new DateTimeOffset(to.Date.AddDays(1).AddTicks(-1), TimeSpan.Zero) : null);

    private async Task<GridData<AuditEntryView>> LoadAsync(GridState<AuditEntryView> state, CancellationToken cancellationToken)
    {
        var page = await Audit.ListAsync(Filter, state.Page + 1, state.PageSize, cancellationToken);
        return new GridData<AuditEntryView> { Items = page.Items, TotalItems = page.Total };
    }

    // The export is the API's, with the filters on screen; a plain link, so the browser downloads it with the session.
    private string ExportUrl(string format)
    {
        var filter = Filter;
        var query = new Dictionary<string, string?>
        {
            ["format"] = format,
            ["entityType"] = filter.EntityType,
            ["entityId"] = filter.EntityId,
            ["actor"] = filter.Actor,
            ["from"] = filter.From?.ToString("O"),
            ["to"] = filter.To?.ToString("O"),
        };
        return QueryHelpers.AddQueryString("/api/v1/audit/export", query.Where(p => p.Value is not null));
    }

    private Task EntityTypeChangedAsync(string? value) => ReloadAsync(() => _entityType = value);

    private Task EntityIdChangedAsync(string? value) => ReloadAsync(() => _entityId = value);

    private Task ActorChangedAsync(string? value) => ReloadAsync(() => _actor = value);

    private Task FromChangedAsync(DateTime? value) => ReloadAsync(() => _from = value);

    private Task ToChangedAsync(DateTime? value) => ReloadAsync(() => _to = value);

    private async Task ReloadAsync(Action change)
    {
        change();
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
