using AksPosture.Engine.Assessment;
using Microsoft.Extensions.Options;

namespace AksPosture.Web.Features.Assessments;

/// <summary>How clusters are judged: section <c>Assessment</c>.</summary>
public sealed class AssessmentOptions
{
    public const string SectionName = "Assessment";

    /// <summary>
    /// A context file (what each cluster is for, plus settings such as the minimum Kubernetes version); see
    /// docs/rules.md. Without one, context comes from Azure tags with the default keys.
    /// </summary>
    public string? ContextFile { get; set; }

    /// <summary>Reads the context file into the settings the engine uses.</summary>
    public AssessmentSettings ToSettings() =>
        ContextFile is null ? AssessmentSettings.Default : Engine.Assessment.ContextFile.Read(ContextFile).Settings ?? AssessmentSettings.Default;
}

/// <summary>Refuses to start with a context file that cannot be read, saying what is wrong with it.</summary>
public sealed class AssessmentOptionsValidator : IValidateOptions<AssessmentOptions>
{
    public ValidateOptionsResult Validate(string? name, AssessmentOptions options)
    {
        if (options.ContextFile is null)
        {
            return ValidateOptionsResult.Success;
        }

        var (_, error) = Engine.Assessment.ContextFile.Read(options.ContextFile);
        return error is null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Assessment:ContextFile ({options.ContextFile}) cannot be used: {error}");
    }
}
