using Spectre.Console;

namespace Autoencoders.Cli;

/// <summary>
/// Shows a long run's progress. On a terminal: a Spectre.Console status line that follows the current claim and
/// training step (with its time left), while verdict lines scroll above it. Redirected (CI logs, files) or writing
/// to anything but the console: every line plainly, in order.
/// </summary>
public static class ProgressDisplay
{
    public static T Run<T>(TextWriter output, Func<Action<string>, T> work)
    {
        bool live = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!live) return work(output.WriteLine);
        T result = default!;
        AnsiConsole.Status().Start("starting…", status =>
        {
            string claim = "";
            result = work(line =>
            {
                if (line.StartsWith("  step", StringComparison.Ordinal)) status.Status(Markup.Escape($"{claim} {line.Trim()}"));
                else if (line.EndsWith("running…", StringComparison.Ordinal)) { claim = line[..line.IndexOf(':')]; status.Status(Markup.Escape(line)); }
                else if (line.StartsWith("training ", StringComparison.Ordinal)) status.Status(Markup.Escape($"{claim} {line[..Math.Min(line.Length, 110)]}"));
                else AnsiConsole.WriteLine(line);
            });
        });
        return result;
    }
}
