namespace AksPosture.Web.Features.Remediation;

/// <summary>A note on a finding by a person; comments are never edited, so the conversation reads as it happened.</summary>
public sealed class FindingComment
{
    public const int TextMaxLength = 4000;

    public long Id { get; set; }

    public Guid ClusterId { get; set; }

    public required string RuleId { get; set; }

    public string ObjectKey { get; set; } = "";

    public required string AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Text { get; set; }
}
