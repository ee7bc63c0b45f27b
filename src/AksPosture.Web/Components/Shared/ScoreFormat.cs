using System.Globalization;
using MudBlazor;

namespace AksPosture.Web.Components.Shared;

/// <summary>How a score reads everywhere in the portal: one decimal, a dash when nothing was assessable, and a colour band.</summary>
public static class ScoreFormat
{
    public const double Good = 80;
    public const double Fair = 50;

    public static string Text(double? score) =>
        score is { } value ? value.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    public static Color Colour(double? score) => score switch
    {
        null => Color.Default,
        >= Good => Color.Success,
        >= Fair => Color.Warning,
        _ => Color.Error,
    };

    public static string Increase(double points) =>
        "+" + points.ToString("0.0", CultureInfo.InvariantCulture);
}
