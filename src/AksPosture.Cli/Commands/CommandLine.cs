namespace AksPosture.Cli.Commands;

/// <summary>Parsed arguments: positionals and <c>--name value</c> options.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = [];

    /// <summary>Splits arguments; an option missing its value or an unknown option is an error naming it.</summary>
    public static CommandLine Parse(IEnumerable<string> args, IReadOnlySet<string> knownOptions)
    {
        var result = new CommandLine();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                result.Positionals.Add(arg);
                continue;
            }

            var (name, inlineValue) = arg.IndexOf('=') is var eq and > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            if (!knownOptions.Contains(name))
            {
                throw new UsageException($"unknown option '{name}'");
            }

            if (inlineValue is null && !e.MoveNext())
            {
                throw new UsageException($"option '{name}' needs a value");
            }

            result._options[name] = inlineValue ?? e.Current;
        }

        return result;
    }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public string Format(string defaultFormat)
    {
        var format = Option("--format") ?? defaultFormat;
        return format is "json" or "table" ? format : throw new UsageException($"--format must be 'json' or 'table', not '{format}'");
    }
}

/// <summary>The command line is wrong; the message says what to change.</summary>
internal sealed class UsageException(string message) : Exception(message);
